package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Expected values: /work/shared/reference/README.md, "Sample size" (R 4.2.2, checked by hand); gross by hand. */
class SampleSizeCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void json_population1000_givesReferenceNetGrossAndMargin() throws Exception {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "1000", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "population",
                        "net",
                        "gross",
                        "marginAtNet",
                        "raw",
                        "confidence",
                        "z",
                        "margin",
                        "proportion",
                        "extra");
        assertThat(json.get("population").asLong()).isEqualTo(1000);
        assertThat(json.get("net").asLong()).isEqualTo(278);
        assertThat(json.get("gross").asLong()).isEqualTo(306);
        assertThat(json.get("marginAtNet").asDouble()).isCloseTo(4.996772, within(1e-6));
        assertThat(json.get("raw").asDouble()).isCloseTo(277.740825, within(1e-6));
        assertThat(json.get("z").asDouble()).isEqualTo(1.96);
        assertThat(json.get("extra").asDouble()).isEqualTo(10.0);
    }

    @Test
    void json_netOf50_hasGross55Exactly() throws Exception {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "57", "--json");

        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("net").asLong()).isEqualTo(50);
        assertThat(json.get("gross").asLong()).isEqualTo(55);
    }

    @Test
    void json_parameters_changeTheRequiredSize() throws Exception {
        Peiling.Run run = Peiling.execute(
                "sample-size",
                "--population",
                "1000",
                "--confidence",
                "95",
                "--margin",
                "3",
                "--proportion",
                "20",
                "--extra",
                "25",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        // By hand: 3.8416 · 1600 = 6146.56; 1000 · 6146.56 / (6146.56 + 999 · 9) = 406.05 → 407; 407 · 1.25 → 509.
        assertThat(json.get("net").asLong()).isEqualTo(407);
        assertThat(json.get("gross").asLong()).isEqualTo(509);
    }

    @Test
    void text_isAnAlignedTable() {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "50");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo(String.join(
                        System.lineSeparator(),
                        "quantity        value  unit",
                        "population         50  students",
                        "net                45  responses needed",
                        "gross              50  students to invite (net + 10 %)",
                        "margin at net  4.6667  percentage points",
                        "",
                        "at 95 % confidence (z = 1.96), margin 5 points, proportion 50 %",
                        ""));
    }

    @Test
    void populationZero_exitsTwoNamingTheValue() {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("peiling: population (0) must be >= 1" + System.lineSeparator());
    }

    @Test
    void confidence80_exitsTwoNamingTheRule() {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "100", "--confidence", "80");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("peiling: confidence (80) must be 90, 95 or 99");
    }

    @Test
    void badMarginOrProportion_exitsTwo() {
        assertThat(Peiling.execute("sample-size", "--population", "100", "--margin", "0")
                        .err())
                .startsWith("peiling: margin (0) must be > 0 and <= 100 percentage points");
        assertThat(Peiling.execute("sample-size", "--population", "100", "--proportion", "0")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void nonNumericPopulation_exitsTwo() {
        Peiling.Run run = Peiling.execute("sample-size", "--population", "veel");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--population").contains("veel");
    }
}
