package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aggregate}'s options of SPEC section 8 on a simulated survey, run through the command line. */
class FairComparisonCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void simulate() {
        data = SimulatedSurvey.write(dir.resolve("data"), 6, 5000, "fair-test", "--noise", "8");
    }

    private static Peiling.Run aggregate(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--population",
                data.resolve("population.csv").toString(),
                "--json"));
        args.addAll(List.of(more));
        return Peiling.execute(args.toArray(String[]::new));
    }

    @Test
    void caseMix_defaultLevelAndPathway_andLevelOnly() throws IOException {
        Peiling.Run standard = aggregate();
        assertThat(standard.exitCode()).as(standard.err()).isZero();
        JsonNode json = MAPPER.readTree(standard.out());
        assertThat(json.get("caseMixFactors").toString()).isEqualTo("[\"level\",\"pathway\"]");
        List<JsonNode> mixed = new ArrayList<>();
        json.get("benchmarks").forEach(b -> {
            assertThat(b.has("caseMix")).isTrue();
            if (!b.get("caseMix").isNull()) {
                mixed.add(b);
            }
        });
        assertThat(mixed).isNotEmpty().allSatisfy(b -> {
            JsonNode mix = b.get("caseMix");
            assertThat(mix.get("coverage").asDouble()).isBetween(0.5, 1.0);
            assertThat(mix.get("difference").asDouble())
                    .isCloseTo(mix.get("own").asDouble() - mix.get("expected").asDouble(), within(1e-12));
            if (mix.get("coverage").asDouble() == 1.0) {
                assertThat(mix.get("own").asDouble()).isCloseTo(b.get("own").asDouble(), within(1e-9));
            }
        });

        Peiling.Run level = aggregate("--case-mix", "level");
        assertThat(level.exitCode()).as(level.err()).isZero();
        assertThat(MAPPER.readTree(level.out()).get("caseMixFactors").toString())
                .isEqualTo("[\"level\"]");
    }

    @Test
    void caseMix_unknownFactor_exitsTwoWithOneLine() {
        Peiling.Run run = aggregate("--case-mix", "level,location");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim())
                .isEqualTo("peiling: case-mix factors [location, level] must be level, pathway or both");
        Peiling.Run unknown = aggregate("--case-mix", "age");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown case-mix factor \"age\"");
    }

    @Test
    void tidyCsv_hasThePrecisionColumns() throws IOException {
        Path csv = dir.resolve("results.csv");
        Peiling.Run run = aggregate("--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
                .endsWith(",suppressed,nEffective,positiveSe,positiveLow,positiveHigh,suppressedBecause,state");
    }

    @Test
    void minResponseRate_withholdsGroupsBelowIt_withTheReason() throws IOException {
        Peiling.Run run = aggregate("--min-response-rate", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        // Nobody reaches a response rate of 100 %: every group is withheld for it, never with zeros.
        assertThat(json.get("groups")).allSatisfy(group -> {
            assertThat(group.get("suppressed").asBoolean()).isTrue();
            assertThat(group.get("suppressedBecause").asText()).isIn("response-rate", "n");
            assertThat(group.get("n").isNull()).isTrue();
            group.get("items")
                    .forEach(item -> assertThat(item.get("mean").isNull()).isTrue());
        });
        assertThat(json.get("groups").get(0).get("suppressedBecause").asText()).isEqualTo("response-rate");
        assertThat(json.get("benchmarks"))
                .allSatisfy(b -> assertThat(b.get("own").isNull()).isTrue());

        Peiling.Run none = aggregate("--min-response-rate", "0.01");
        JsonNode shown = MAPPER.readTree(none.out());
        assertThat(shown.get("groups").get(0).get("suppressed").asBoolean()).isFalse();
        assertThat(shown.get("groups").get(0).get("suppressedBecause").isNull()).isTrue();
    }

    @Test
    void minResponseRate_withoutPopulationOrOutOfRange_exitsTwo() {
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--min-response-rate",
                "0.5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim()).isEqualTo("peiling: --min-response-rate needs --population");
        Peiling.Run high = aggregate("--min-response-rate", "1.5");
        assertThat(high.exitCode()).isEqualTo(2);
        assertThat(high.err().trim()).isEqualTo("peiling: minimum response rate (1.5) must be > 0 and <= 1");
    }
}
