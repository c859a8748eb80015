package nl.peiling.stats.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.routing.Condition;
import nl.peiling.core.routing.Routing;
import nl.peiling.stats.responses.RejectReason;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

    static final Edition EDITION = Definitions.standard()
            .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));

    @Test
    void sameSeed_sameFilesByteForByte(@TempDir Path dir) throws IOException {
        Simulator simulator = Simulator.of(EDITION)
                .withInstitutions(4)
                .withStudents(3000)
                .withSeed("s1")
                .withNoise(6);
        Simulation first = simulator.write(dir.resolve("a"));
        Simulation second = simulator.write(dir.resolve("b"));
        assertThat(first.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "institutions.json", "students.csv", "population.csv", "allocation.csv", "responses.csv");
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.mismatch(first.files().get(i), second.files().get(i)))
                    .as(first.files().get(i).toString())
                    .isEqualTo(-1);
        }
        Simulation other = simulator.withSeed("s2").write(dir.resolve("c"));
        assertThat(Files.mismatch(first.files().get(4), other.files().get(4))).isNotEqualTo(-1);
        assertThat(first.students()).isEqualTo(3000);
        assertThat(Files.readAllLines(first.files().get(1))).hasSize(3001);
    }

    @Test
    void simulatedData_aggregatesWithRealisticFigures(@TempDir Path dir) throws IOException {
        Simulation simulation = Simulator.of(EDITION)
                .withInstitutions(6)
                .withStudents(12_000)
                .withSeed("real")
                .withNoise(10)
                .write(dir);
        Population population = Population.read(dir.resolve("population.csv"));
        Map<String, List<String>> locations = new HashMap<>();
        population
                .institutions()
                .forEach(code -> locations.put(
                        code, List.copyOf(population.locations(code).keySet())));
        Aggregation aggregation = Aggregator.of(ResponseReader.of(EDITION).withKnownLocations(locations))
                .withPopulation(population)
                .aggregate(dir.resolve("responses.csv"));
        Results results = aggregation.results();
        assertThat(results.input().rows()).isEqualTo(simulation.respondents());
        assertThat(results.input().rejected()).isEqualTo(10);
        assertThat(aggregation.rejects())
                .extracting(r -> r.reason())
                .contains(
                        RejectReason.DUPLICATE,
                        RejectReason.UNKNOWN_INSTITUTION,
                        RejectReason.INVALID_LEVEL,
                        RejectReason.UNKNOWN_CODE);
        // Response rates between 35 and 75 %.
        assertThat(results.input().accepted()).isBetween(12_000L * 35 / 100, 12_000L * 75 / 100);
        // The latent-trait model gives clusters with alphas of about 0.7 to 0.9.
        List<ClusterFigures> clusters = results.national().clusters();
        assertThat(clusters).hasSize(EDITION.clusters().size());
        for (ClusterFigures cluster : clusters) {
            if (!cluster.suppressed()) {
                assertThat(cluster.alpha()).as(cluster.id()).isBetween(0.6, 0.95);
                assertThat(cluster.mean()).as(cluster.id()).isBetween(2.5, 4.3);
            }
        }
        // Institutions differ: per cluster, the spread (sd) of the six institutions' means is well above
        // what sampling alone gives (about 0.03 with some 1,000 respondents each).
        List<GroupResult> institutions = results.groups().stream()
                .filter(g -> g.key().keySet().equals(Set.of("institution")))
                .toList();
        assertThat(institutions).hasSize(6);
        double[] spreads = clusters.stream()
                .filter(c -> !c.suppressed())
                .mapToDouble(c -> sd(institutions.stream()
                        .map(g -> g.cluster(c.id()).orElseThrow())
                        .filter(f -> !f.suppressed())
                        .mapToDouble(ClusterFigures::mean)
                        .toArray()))
                .sorted()
                .toArray();
        assertThat(spreads[spreads.length / 2])
                .as("median spread of institution means")
                .isGreaterThan(0.08);
        // Routing: internship items only for students who did one.
        assertThat(results.national().item("bpv01").orElseThrow().n())
                .isLessThan(results.national().item("bpv00").orElseThrow().n());
    }

    @Test
    void simulatedAnswers_honourRouting_withPlausibleRates_andResponseRatesThatVary(@TempDir Path dir)
            throws IOException {
        Simulator.of(EDITION)
                .withInstitutions(6)
                .withStudents(12_000)
                .withSeed("model")
                .write(dir);
        List<Question> questions = EDITION.questions();
        Condition[] conditions = new Condition[questions.size()];
        for (int q = 0; q < questions.size(); q++) {
            String visibleIf = questions.get(q).visibleIf();
            conditions[q] = visibleIf == null ? null : Routing.parse(visibleIf);
        }
        long hidden = 0;
        long shownScaleCells = 0;
        long emptyScaleCells = 0;
        long nonSubstantiveCells = 0;
        long withNonSubstantiveCodes = 0;
        Map<String, Long> responses = new TreeMap<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> rows = csv.readerFor(String[].class)
                .readValues(dir.resolve("responses.csv").toFile())) {
            String[] header = rows.next();
            assertThat(header).hasSize(6 + questions.size());
            while (rows.hasNext()) {
                String[] row = rows.next();
                responses.merge(row[1], 1L, Long::sum);
                Set<String> modules = Set.of(row[5].split("\\|"));
                Map<String, Object> answers = new HashMap<>();
                for (int q = 0; q < questions.size(); q++) {
                    Question question = questions.get(q);
                    String cell = row[6 + q];
                    // every question the respondent was not shown is empty: hidden by routing on the
                    // answers before it
                    if (conditions[q] != null && !conditions[q].test(answers)) {
                        assertThat(cell)
                                .as("%s of %s, hidden by %s", question.id(), row[0], question.visibleIf())
                                .isEmpty();
                        hidden++;
                        continue;
                    }
                    if (!cell.isEmpty()) {
                        answers.put(question.id(), cell);
                    }
                    Module module = EDITION.moduleOf(question.id()).orElseThrow();
                    if (question instanceof ScaleQuestion scale && modules.contains(module.id())) {
                        shownScaleCells++;
                        emptyScaleCells += cell.isEmpty() ? 1 : 0;
                        boolean codes = !module.scale(scale.scale())
                                .orElseThrow()
                                .nonSubstantive()
                                .isEmpty();
                        if (codes && !cell.isEmpty()) {
                            withNonSubstantiveCodes++;
                            nonSubstantiveCells += cell.chars().allMatch(Character::isDigit) ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertThat(hidden).as("cells hidden by routing").isGreaterThan(10_000);
        // item non-response 1.5 %, non-substantive answers 3 % where the scale has such codes
        assertThat((double) emptyScaleCells / shownScaleCells).isBetween(0.01, 0.02);
        assertThat((double) nonSubstantiveCells / withNonSubstantiveCodes).isBetween(0.025, 0.035);
        // response rates between 0.35 and 0.75, not alike
        Map<String, Long> students = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("students.csv")).subList(1, 12_001)) {
            students.merge(line.split(",")[1], 1L, Long::sum);
        }
        List<Double> rates = students.keySet().stream()
                .map(code -> responses.getOrDefault(code, 0L) / (double) students.get(code))
                .toList();
        assertThat(rates).hasSize(6).allSatisfy(rate -> assertThat(rate).isBetween(0.3, 0.8));
        assertThat(rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                        - rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .isGreaterThan(0.1);
    }

    private static double sd(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double squares = java.util.Arrays.stream(values)
                .map(v -> (v - mean) * (v - mean))
                .sum();
        return Math.sqrt(squares / (values.length - 1));
    }
}
