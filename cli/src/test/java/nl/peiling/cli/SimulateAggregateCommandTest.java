package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulate → aggregate chain on real files, run through the command line in-process. */
class SimulateAggregateCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path data;

    @BeforeAll
    static void simulate() {
        data = SimulatedSurvey.write(dir.resolve("data"), 5, 4000, "cli-test", "--noise", "8");
    }

    @Test
    void simulate_writesTheFiveFilesAndReportsThem() throws IOException {
        for (String file :
                List.of("institutions.json", "students.csv", "population.csv", "allocation.csv", "responses.csv")) {
            assertThat(data.resolve(file)).isRegularFile();
        }
        assertThat(Files.readAllLines(data.resolve("students.csv"))).hasSize(4001);
        assertThat(Files.readAllLines(data.resolve("allocation.csv")).get(0))
                .isEqualTo("respondent,institution,location,modules");
    }

    @Test
    void aggregate_withPopulation_writesResultsCsvAndRejects() throws IOException {
        Path results = dir.resolve("results.json");
        Path rejects = dir.resolve("rejects.csv");
        Path csv = dir.resolve("results.csv");
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--population",
                data.resolve("population.csv").toString(),
                "--out",
                results.toString(),
                "--rejects",
                rejects.toString(),
                "--csv",
                csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 rejected (weighted by population)").contains("institution+location");

        JsonNode json = MAPPER.readTree(results.toFile());
        JsonNode input = json.get("input");
        assertThat(input.get("rows").asLong())
                .isEqualTo(
                        input.get("accepted").asLong() + input.get("rejected").asLong());
        assertThat(input.get("rejected").asLong()).isEqualTo(8);
        assertThat(json.get("weighted").asBoolean()).isTrue();
        assertThat(json.get("groups").get(0).get("key").size()).isZero();
        assertThat(json.get("groups")).hasSizeGreaterThan(5);
        assertThat(json.get("benchmarks").get(0).get("institution").asText()).isNotEmpty();
        assertThat(Files.readAllLines(rejects)).hasSize(9).first().isEqualTo("line,respondent,reason,column,value");
        assertThat(Files.readAllLines(csv).get(0)).startsWith("institution,location,level,pathway,kind,id");
    }

    @Test
    void aggregate_json_isTheResultsOnStdout() throws IOException {
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--by",
                "level,pathway",
                "--min-n",
                "50",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("minN").asInt()).isEqualTo(50);
        assertThat(json.get("groupings")).extracting(JsonNode::asText).containsExactly("level", "pathway");
        assertThat(json.get("weighted").asBoolean()).isFalse();
    }

    @Test
    void aggregate_badInput_exitsTwoWithOneLine() throws IOException {
        Peiling.Run missing = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                dir.resolve("nope.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo("peiling: " + dir.resolve("nope.csv") + ": no such file");

        Peiling.Run badBy = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--by",
                "school");
        assertThat(badBy.exitCode()).isEqualTo(2);
        assertThat(badBy.err()).contains("unknown dimension \"school\"");
    }

    @Test
    void aggregate_institutionsOutsideThePopulation_areRejectedNotWeighted() throws IOException {
        Path thin = Files.writeString(
                dir.resolve("thin-population.csv"),
                "institution,location,level,pathway,population\nXX01,01,2,BOL,10\n");
        Path rejects = dir.resolve("thin-rejects.csv");
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                data.resolve("responses.csv").toString(),
                "--population",
                thin.toString(),
                "--rejects",
                rejects.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode input = MAPPER.readTree(run.out()).get("input");
        assertThat(input.get("accepted").asLong()).isZero();
        assertThat(input.get("rejected").asLong())
                .isEqualTo(input.get("rows").asLong())
                .isPositive();
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.subList(1, lines.size()))
                .allSatisfy(line -> assertThat(line).contains(",unknown-institution,institution,"));
    }

    @Test
    void simulate_oneInstitution_singularNoun() {
        Peiling.Run run = Peiling.execute(
                "simulate",
                "--edition",
                "2027",
                "--institutions",
                "1",
                "--students",
                "300",
                "--seed",
                "one",
                "--out",
                dir.resolve("one").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow())
                .matches("Simulated 1 institution, 300 students, \\d+ response rows \\(0 of them noise\\):");
    }
}
