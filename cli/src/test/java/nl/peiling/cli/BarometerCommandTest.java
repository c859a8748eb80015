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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The barometer command on a small example calculated by hand (SPEC section 4 at z = 1.96, p = 50, e = 5): 25LZ/01
 * N 800 → net 260, 130 responses; 25LZ/02 N 200 → net 132, 30 responses; 25LZ N 1000 → net 278, gross 306; 30AB/01
 * N 50 → net 45, 45 responses (reached). Module stage: 40 of 160 respondents of 25LZ → population 250, net 152.
 */
class BarometerCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path population;
    private Path responses;

    @BeforeEach
    void files() throws IOException {
        population = dir.resolve("population.csv");
        Files.writeString(
                population,
                String.join(
                        "\n",
                        "institution,location,level,pathway,population",
                        "25LZ,01,4,BOL,600",
                        "25LZ,01,3,BBL,200",
                        "25LZ,02,2,BOL,200",
                        "30AB,01,4,BOL,50",
                        ""));
        List<String> lines = new ArrayList<>();
        lines.add("respondent,institution,location,level,pathway,modules,opl01");
        for (int i = 0; i < 160; i++) {
            lines.add(String.format(
                    "r%d,25LZ,%s,4,BOL,basis|llo%s,4", i, i < 130 ? "01" : "02", i % 4 == 0 ? "|stage" : ""));
        }
        for (int i = 0; i < 45; i++) {
            lines.add(String.format("s%d,30AB,01,4,BOL,basis,", i));
        }
        responses = dir.resolve("responses.csv");
        Files.writeString(responses, String.join("\n", lines) + "\n");
    }

    @Test
    void json_byLocation_hasInstitutionTotalsAndLocations() throws Exception {
        Peiling.Run run = Peiling.execute(
                "barometer", "--population", population.toString(), "--responses", responses.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        JsonNode rows = json.get("rows");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).fieldNames())
                .toIterable()
                .containsExactly(
                        "institution",
                        "location",
                        "population",
                        "responses",
                        "net",
                        "gross",
                        "percentOfNet",
                        "reached");
        assertThat(rows.get(0).get("location").isNull()).isTrue();
        assertThat(rows.get(0).get("population").asLong()).isEqualTo(1000);
        assertThat(rows.get(0).get("responses").asLong()).isEqualTo(160);
        assertThat(rows.get(0).get("net").asLong()).isEqualTo(278);
        assertThat(rows.get(0).get("gross").asLong()).isEqualTo(306);
        assertThat(rows.get(0).get("percentOfNet").asDouble()).isCloseTo(100.0 * 160 / 278, within(1e-9));
        assertThat(rows.get(1).get("location").asText()).isEqualTo("01");
        assertThat(rows.get(1).get("net").asLong()).isEqualTo(260);
        assertThat(rows.get(1).get("percentOfNet").asDouble()).isEqualTo(50.0);
        assertThat(rows.get(4).get("reached").asBoolean()).isTrue();
        JsonNode stage = json.get("modules").get(2);
        assertThat(stage.get("module").asText()).isEqualTo("stage");
        assertThat(stage.get("share").asDouble()).isEqualTo(0.25);
        assertThat(stage.get("population").asLong()).isEqualTo(250);
        assertThat(stage.get("net").asLong()).isEqualTo(152);
        assertThat(stage.get("responses").asLong()).isEqualTo(40);
    }

    @Test
    void json_byInstitution_hasOnlyTotals() throws Exception {
        Peiling.Run run = Peiling.execute(
                "barometer",
                "--population",
                population.toString(),
                "--responses",
                responses.toString(),
                "--by",
                "institution",
                "--json");

        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("by").asText()).isEqualTo("institution");
        assertThat(json.get("rows"))
                .extracting(row -> row.get("institution").asText())
                .containsExactly("25LZ", "30AB");
    }

    @Test
    void text_isAnAlignedTable() {
        Peiling.Run run = Peiling.execute(
                "barometer", "--population", population.toString(), "--responses", responses.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("205 rows read, 205 counted, 0 rejected\n\n"
                        + "institution  location  population  responses  net  gross  % of net  reached\n"
                        + "25LZ         (all)           1000        160  278    306      57.6  no\n"
                        + "25LZ         01               800        130  260    286      50.0  no\n")
                .contains("25LZ         stage      25.0         250         40  152    168      26.3  no")
                .contains("net at 95 % confidence, margin 5 points, proportion 50 %; gross = net + 10 %");
    }

    @Test
    void aRowOfAnUnknownLocation_isRejected_andTheRestCounted_withTheRejectsFile() throws IOException {
        Files.writeString(
                responses,
                "respondent,institution,location,level,pathway,modules,opl01\n"
                        + "r1,25LZ,01,4,BOL,basis,4\n"
                        + "r2,25LZ,09,4,BOL,basis,4\n");
        Path rejects = dir.resolve("rejects.csv");

        Peiling.Run run = Peiling.execute(
                "barometer",
                "--population",
                population.toString(),
                "--responses",
                responses.toString(),
                "--rejects",
                rejects.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("2 rows read, 1 counted, 1 rejected (in " + rejects + ")");
        assertThat(Files.readAllLines(rejects))
                .containsExactly("line,respondent,reason,column,value", "3,r2,unknown-location,location,09");
    }

    @Test
    void nonNumericPopulation_exitsTwo() throws IOException {
        Files.writeString(population, "institution,location,level,pathway,population\n25LZ,01,4,BOL,twaalf\n");

        Peiling.Run run = Peiling.execute(
                "barometer", "--population", population.toString(), "--responses", responses.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("peiling: " + population + ":2: population \"twaalf\": must be a whole number >= 0");
    }

    @Test
    void afterSimulateWithNoise_barometerRejectsTheSameRowsAsAggregate_insteadOfFailing() throws Exception {
        Path sim = dir.resolve("sim");
        Peiling.Run simulate = Peiling.execute(
                "simulate",
                "--edition",
                "2027",
                "--institutions",
                "3",
                "--students",
                "3000",
                "--seed",
                "noise",
                "--noise",
                "10",
                "--out",
                sim.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();
        String populationFile = sim.resolve("population.csv").toString();
        String responsesFile = sim.resolve("responses.csv").toString();

        Peiling.Run barometer =
                Peiling.execute("barometer", "--population", populationFile, "--responses", responsesFile, "--json");
        Peiling.Run aggregate = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                responsesFile,
                "--population",
                populationFile,
                "--json");

        assertThat(barometer.exitCode()).as(barometer.err()).isZero();
        assertThat(aggregate.exitCode()).as(aggregate.err()).isZero();
        JsonNode counted = MAPPER.readTree(barometer.out()).get("input");
        JsonNode aggregated = MAPPER.readTree(aggregate.out()).get("input");
        assertThat(counted.get("rejected").asLong()).isEqualTo(10);
        assertThat(counted).isEqualTo(aggregated);
        long national = 0;
        for (JsonNode row : MAPPER.readTree(barometer.out()).get("rows")) {
            if (row.get("location").isNull()) {
                national += row.get("responses").asLong();
            }
        }
        assertThat(national).isEqualTo(aggregated.get("accepted").asLong());
    }

    @Test
    void missingColumn_exitsTwo() throws IOException {
        Files.writeString(responses, "respondent,institution\nr1,25LZ\n");

        Peiling.Run run = Peiling.execute(
                "barometer", "--population", population.toString(), "--responses", responses.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("peiling: " + responses + ": header column 3 is missing; the header must start with"
                        + " respondent,institution,location,level,pathway,modules");
    }

    @Test
    void missingFile_exitsTwo() {
        Path missing = dir.resolve("missing.csv");
        Peiling.Run run =
                Peiling.execute("barometer", "--population", missing.toString(), "--responses", responses.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("peiling: " + missing + ": cannot read: no such file" + System.lineSeparator());
    }

    @Test
    void badBy_exitsTwo() {
        Peiling.Run run = Peiling.execute(
                "barometer",
                "--population",
                population.toString(),
                "--responses",
                responses.toString(),
                "--by",
                "region");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--by").contains("region");
    }
}
