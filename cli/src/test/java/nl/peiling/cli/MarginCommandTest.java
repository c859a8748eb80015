package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Expected values: /work/shared/reference/README.md, "Margin of error" (R 4.2.2, checked by hand). */
class MarginCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void json_200Of1000_isTheReferenceMargin() throws Exception {
        Peiling.Run run = Peiling.execute("margin", "--population", "1000", "--responses", "200", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.fieldNames()).toIterable().startsWith("population", "responses", "margin");
        assertThat(json.get("population").asLong()).isEqualTo(1000);
        assertThat(json.get("responses").asLong()).isEqualTo(200);
        assertThat(json.get("margin").asDouble()).isCloseTo(6.201166, within(1e-6));
    }

    @Test
    void json_census_isZero() throws Exception {
        Peiling.Run run = Peiling.execute("margin", "--population", "100", "--responses", "100", "--json");

        assertThat(MAPPER.readTree(run.out()).get("margin").asDouble()).isZero();
    }

    @Test
    void json_noResponses_isNullBecauseTheMarginIsInfinite() throws Exception {
        Peiling.Run run = Peiling.execute("margin", "--population", "100", "--responses", "0", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(MAPPER.readTree(run.out()).get("margin").isNull()).isTrue();
    }

    @Test
    void text_isAnAlignedTable() {
        Peiling.Run run = Peiling.execute("margin", "--population", "1000", "--responses", "200");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(String.join(
                        System.lineSeparator(),
                        "quantity     value  unit",
                        "population    1000  students",
                        "responses      200",
                        "margin      6.2012  percentage points",
                        "",
                        "at 95 % confidence (z = 1.96), proportion 50 %"));
        assertThat(Peiling.execute("margin", "--population", "10", "--responses", "0")
                        .out())
                .contains("margin      infinite  no responses, no precision");
    }

    @Test
    void moreResponsesThanPopulation_exitsTwoNamingBoth() {
        Peiling.Run run = Peiling.execute("margin", "--population", "100", "--responses", "101");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("peiling: responses (101) must be <= population (100)" + System.lineSeparator());
    }

    @Test
    void negativeResponsesOrPopulation_exitsTwo() {
        assertThat(Peiling.execute("margin", "--population", "100", "--responses", "-1")
                        .err())
                .startsWith("peiling: responses (-1) must be >= 0");
        assertThat(Peiling.execute("margin", "--population", "0", "--responses", "0")
                        .err())
                .startsWith("peiling: population (0) must be >= 1");
    }

    @Test
    void missingResponses_exitsTwo() {
        Peiling.Run run = Peiling.execute("margin", "--population", "100");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--responses");
    }
}
