package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.engine.Change;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.Problem;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.RespondentFields;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.core.engine.Session;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.testing.RandomEditions;
import nl.peiling.server.ApiClient.Reply;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.CountedResponses;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated respondents answer through the API and, step by step, the same answers go to the engine
 * directly: every reply agrees with the engine, and the exported {@code responses.csv} is the engine's own
 * records, aggregating with zero rejects to the same figures.
 */
class SimulatedFieldworkTest {

    static final int RESPONDENTS = 30;
    static final int STEPS = 25;

    @Test
    void exportedRecords_areTheEnginesRecords_andAggregateWithoutRejects(@TempDir Path folder) throws Exception {
        Questionnaire questionnaire = Questionnaire.compile(Fixtures.EDITION);
        Allocator allocator = Allocator.of(Fixtures.EDITION, Fixtures.INSTITUTIONS, Fixtures.SEED);
        SplittableRandom random = new SplittableRandom(15);
        List<String> engineLines = new ArrayList<>();
        String header = null;
        int refused = 0;
        int accepted = 0;
        try (PeilingServer server = PeilingServer.start(Fixtures.config())) {
            ApiClient api = new ApiClient(server.port(), Fixtures.API_KEY);
            for (int r = 0; r < RESPONDENTS; r++) {
                String key = String.format("sim-%03d", r);
                String institution = r % 3 == 2 ? "30AB" : "25LZ";
                String location = institution.equals("25LZ") && r % 2 == 1 ? "02" : "01";
                int level = 1 + random.nextInt(4);
                Pathway pathway = random.nextBoolean() ? Pathway.BOL : Pathway.BBL;
                Language language = random.nextBoolean() ? Language.NL : Language.EN;
                Allocation allocation = allocator.allocate(key, institution);
                Session engine = questionnaire.start(
                        new RespondentFields(key, institution, location, level, pathway), allocation, language);
                Reply login = api.post(
                        "/api/v1/sessions",
                        ApiClient.login(key, institution, location)
                                .put("level", level)
                                .put("pathway", pathway.name())
                                .put("language", language.code()));
                assertThat(login.status()).isEqualTo(201);
                String token = login.json().get("session").asText();
                assertThat(ApiTest.ids(login.json().get("modules"))).isEqualTo(allocation.modules());

                for (int step = 0; step < STEPS; step++) {
                    List<Question> pool =
                            random.nextInt(10) == 0 ? Fixtures.EDITION.questions() : engine.visibleQuestions();
                    Question question = pool.get(random.nextInt(pool.size()));
                    Module owner = Fixtures.EDITION.moduleOf(question.id()).orElseThrow();
                    String cell = RandomEditions.cell(question, owner, random);
                    boolean clear = random.nextInt(10) == 0;
                    Change expected = clear ? engine.clear(question.id()) : engine.answer(question.id(), cell);
                    Reply reply = clear ? api.clear(token, question.id()) : api.answer(token, question.id(), cell);
                    String context = key + " step " + step + " " + question.id() + "=" + cell;
                    if (expected.accepted()) {
                        accepted++;
                        assertThat(reply.status())
                                .as(context + ": " + reply.body())
                                .isEqualTo(200);
                        assertThat(ApiTest.ids(reply.json().get("shown")))
                                .as(context)
                                .isEqualTo(expected.shown());
                        assertThat(ApiTest.ids(reply.json().get("hidden")))
                                .as(context)
                                .isEqualTo(expected.hidden());
                        assertThat(reply.json().get("progress").get("answered").asInt())
                                .as(context)
                                .isEqualTo(engine.progress().answered());
                    } else {
                        refused++;
                        assertThat(reply.status()).as(context).isEqualTo(422);
                        assertThat(codes(reply.json()))
                                .as(context)
                                .isEqualTo(expected.problems().stream()
                                        .map(p -> p.code().code())
                                        .toList());
                        assertThat(reply.json().at("/problems/0/message").asText())
                                .isEqualTo(expected.problems().stream()
                                        .map(Problem::message)
                                        .findFirst()
                                        .orElseThrow());
                    }
                }
                ResponseRecord record = engine.finish();
                Reply finished = api.finish(token);
                assertThat(finished.status()).isEqualTo(200);
                assertThat(asMap(finished.json().get("record"))).isEqualTo(record.asMap());
                engineLines.add(record.csvLine());
                header = record.csvHeader();
            }
            assertThat(accepted).isGreaterThan(RESPONDENTS * STEPS / 2);
            assertThat(refused).isPositive();

            Reply csv = api.get("/api/v1/responses.csv");
            // open answers may hold line breaks inside their quotes: compare the whole file
            assertThat(csv.body()).isEqualTo(header + "\n" + String.join("\n", engineLines) + "\n");

            Path exported = folder.resolve("exported.csv");
            Files.writeString(exported, csv.body(), StandardCharsets.UTF_8);
            Path direct = folder.resolve("engine.csv");
            Files.writeString(direct, header + "\n" + String.join("\n", engineLines) + "\n", StandardCharsets.UTF_8);
            Aggregation fromServer = Aggregator.of(Fixtures.EDITION).aggregate(exported);
            Aggregation fromEngine = Aggregator.of(Fixtures.EDITION).aggregate(direct);
            assertThat(fromServer.rejects()).isEmpty();
            assertThat(fromServer.results().input().accepted()).isEqualTo(RESPONDENTS);
            assertThat(fromServer.results()).isEqualTo(fromEngine.results());

            JsonNode barometer = api.get("/api/v1/barometer").json();
            Barometer expected = Barometer.of(
                    Fixtures.POPULATION,
                    CountedResponses.read(exported, Fixtures.POPULATION, Fixtures.EDITION)
                            .counts());
            List<Long> responses = new ArrayList<>();
            barometer
                    .get("rows")
                    .forEach(row -> responses.add(row.get("responses").asLong()));
            assertThat(responses)
                    .isEqualTo(expected.rows().stream()
                            .map(BarometerRow::responses)
                            .toList());
            assertThat(barometer.get("modules")).hasSize(expected.modules().size());
        }
    }

    private static List<String> codes(JsonNode reply) {
        List<String> codes = new ArrayList<>();
        reply.get("problems").forEach(p -> codes.add(p.get("code").asText()));
        return codes;
    }

    private static Map<String, String> asMap(JsonNode record) {
        Map<String, String> map = new LinkedHashMap<>();
        record.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
