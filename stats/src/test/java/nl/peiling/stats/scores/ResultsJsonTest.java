package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.simulation.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming results writer against the databind mapper that wrote results files before it. */
class ResultsJsonTest {

    static final Edition EDITION = Definitions.standard()
            .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));

    /**
     * How results were written before the streaming writer: databind over the records, indented; with
     * the same shortest-representation double writer.
     */
    static final ObjectMapper DATABIND = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @TempDir
    static Path dir;

    static Results results;

    @BeforeAll
    static void aggregate() throws IOException {
        Path survey = dir.resolve("survey");
        Simulator.of(EDITION)
                .withInstitutions(6)
                .withStudents(9_000)
                .withSeed("streaming")
                .withNoise(10)
                .write(survey);
        Population population = Population.read(survey.resolve("population.csv"));
        Map<String, List<String>> locations = new HashMap<>();
        population
                .institutions()
                .forEach(code -> locations.put(
                        code, List.copyOf(population.locations(code).keySet())));
        results = Aggregator.of(ResponseReader.of(EDITION).withKnownLocations(locations))
                .withPopulation(population)
                .withGroupings(Grouping.parse("institution,institution+location,level+pathway,institution+level"))
                .withCaseMix(EnumSet.of(Dimension.LEVEL, Dimension.PATHWAY))
                .withMinN(40)
                .withMinResponseRate(0.2)
                .aggregate(survey.resolve("responses.csv"))
                .results();
    }

    @Test
    void theSurvey_hasEveryKindOfFigure() {
        assertThat(results.weighted()).isTrue();
        assertThat(results.input().rejected()).isPositive();
        assertThat(results.groups()).extracting(GroupResult::suppressedBecause).contains(null, "n");
        assertThat(results.groups().stream().flatMap(g -> g.items().stream()))
                .extracting(ItemFigures::suppressedBecause)
                .contains(null, "n");
        assertThat(results.benchmarks()).extracting(BenchmarkFigures::caseMix).contains((CaseMix) null);
        assertThat(results.benchmarks()).anyMatch(b -> b.caseMix() != null);
        assertThat(results.groups().stream().flatMap(g -> g.items().stream()))
                .anyMatch(i -> i.positiveLow() != null
                        && i.nonSubstantive() != null
                        && !i.nonSubstantive().isEmpty());
        assertThat(results.fingerprints().clusters()).isNotEmpty();
    }

    @Test
    void writeJson_isByteForByteWhatDatabindWrote() throws IOException {
        byte[] before = (DATABIND.writeValueAsString(results) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("results.json");
        ResultsFiles.writeJson(results, file);

        assertThat(Files.mismatch(file, write(before))).isEqualTo(-1L);
        assertThat(before.length).isGreaterThan(1_000_000);
    }

    @Test
    void toJson_isTheFilesText() throws IOException {
        Path file = dir.resolve("text.json");
        ResultsFiles.writeJson(results, file);
        assertThat(ResultsFiles.toJson(results)).isEqualTo(Files.readString(file));
    }

    @Test
    void writeJson_toAStream_leavesItOpen() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ResultsFiles.writeJson(results, stream);
        stream.write('x');
        assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo(ResultsFiles.toJson(results) + "x");
    }

    @Test
    void readJson_readsTheWrittenFileBackToEqualRecords() throws IOException {
        Path file = dir.resolve("back.json");
        ResultsFiles.writeJson(results, file);
        assertThat(ResultsFiles.readJson(file)).isEqualTo(results);
    }

    @Test
    void nullParts_areWrittenAsDatabindWroteThem() throws IOException {
        Results bare = new Results(
                "2027",
                new Results.Input(0, 0, 0),
                false,
                10,
                List.of(),
                List.of(new GroupResult(
                        Map.of(),
                        null,
                        null,
                        true,
                        List.of(new ItemFigures(
                                "q1", "number", null, null, null, null, null, null, true, null, null, null, null, null,
                                null, null, null, null, "n")),
                        List.of(),
                        "n")),
                List.of(new BenchmarkFigures(
                        "X", "item", "q1", null, null, null, null, null, null, null, null, true, null, "n")),
                null,
                null);
        assertThat(ResultsFiles.toJson(bare)).isEqualTo(DATABIND.writeValueAsString(bare) + "\n");
    }

    @Test
    void everyDouble_isTheShortestTextThatReadsBackToIt() throws IOException {
        Path file = dir.resolve("shortest.json");
        ResultsFiles.writeJson(results, file);
        int doubles = 0;
        try (JsonParser in = new JsonFactory().createParser(file.toFile())) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    assertShortest(in.getText());
                    doubles++;
                }
            }
        }
        assertThat(doubles).isGreaterThan(10_000);
    }

    @Test
    void doubles_printTheSameOnEveryJava() {
        // JDK 17's Double.toString prints 1.0E23 as 9.999999999999999E22, 2.0E23 as 1.9999999999999998E23
        // and twice the smallest double as 1.0E-323; JDK 19 and later print what the writer prints on every
        // JDK.
        String json = ResultsFiles.toJson(new Results(
                "2027",
                new Results.Input(0, 0, 0),
                false,
                10,
                List.of(),
                List.of(new GroupResult(
                        Map.of(),
                        null,
                        null,
                        false,
                        List.of(new ItemFigures(
                                "q1",
                                "number",
                                5L,
                                1.0E23,
                                2.0E23,
                                0.002,
                                0.1 + 0.2,
                                4.35,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                1.0E-5,
                                2 * Double.MIN_VALUE,
                                null,
                                null,
                                null)),
                        List.of(),
                        null)),
                List.of(),
                null,
                null));
        assertThat(json)
                .contains("\"mean\" : 1.0E23,")
                .contains("\"sd\" : 2.0E23,")
                .contains("\"se\" : 0.002,")
                .contains("\"ciLow\" : 0.30000000000000004,")
                .contains("\"ciHigh\" : 4.35,")
                .contains(" : 1.0E-5,")
                .contains(" : 9.9E-324,");
    }

    /**
     * The text reads back to a double, and no decimal with one significant digit fewer does. Between two
     * digits and one the closer of the two may be written, as Java 19's {@code Double.toString} does
     * (9.9E-324, not 1.0E-323, for twice the smallest double).
     */
    private static void assertShortest(String text) {
        double value = Double.parseDouble(text);
        BigDecimal decimal = new BigDecimal(text);
        int digits = decimal.stripTrailingZeros().precision();
        if (digits > 2) {
            MathContext fewer = new MathContext(digits - 1, RoundingMode.FLOOR);
            MathContext fewerUp = new MathContext(digits - 1, RoundingMode.CEILING);
            assertThat(decimal.round(fewer).doubleValue()).as(text).isNotEqualTo(value);
            assertThat(decimal.round(fewerUp).doubleValue()).as(text).isNotEqualTo(value);
        }
    }

    private static Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("databind.json"), bytes);
    }
}
