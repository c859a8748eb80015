package nl.peiling.stats.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.responses.RejectReason;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.ClusterFigures;
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
        Aggregation aggregation = Aggregator.of(EDITION)
                .withPopulation(population)
                .withKnownLocations(locations)
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
        // Routing: internship items only for students who did one.
        assertThat(results.national().item("bpv01").orElseThrow().n())
                .isLessThan(results.national().item("bpv00").orElseThrow().n());
    }
}
