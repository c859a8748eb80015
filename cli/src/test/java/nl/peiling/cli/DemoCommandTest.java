package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on synthetic data, smaller than the default so the test stays quick. */
class DemoCommandTest {

    @Test
    void demo_writesDataResultsAndBothReports(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("demo");
        Peiling.Run run = Peiling.execute(
                "demo", "--out", out.toString(), "--institutions", "6", "--students", "6000", "--lang", "en");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Written:")
                .contains("6 institutions, 6,000 students")
                .contains("Response barometer:")
                .contains("Highest theme nationally:")
                .contains("Open the reports in a browser.");
        for (String file : new String[] {
            "institutions.json",
            "students.csv",
            "population.csv",
            "allocation.csv",
            "responses.csv",
            "results.json",
            "results.csv",
            "rejects.csv",
            "report-national.html"
        }) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().matches("report-\\d\\d[A-Z]{2}\\.html")))
                    .hasSize(1);
        }
        JsonNode results =
                new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("weighted").asBoolean()).isTrue();
        assertThat(Files.readString(out.resolve("report-national.html"))).contains("<svg");
    }

    @Test
    void demo_json_listsTheFiles(@TempDir Path dir) throws IOException {
        Peiling.Run run =
                Peiling.execute("demo", "--out", dir.toString(), "--institutions", "3", "--students", "1500", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("files")).hasSize(10);
        assertThat(json.get("students").asInt()).isEqualTo(1500);
        assertThat(json.get("input").get("rows").asLong())
                .isEqualTo(json.get("input").get("accepted").asLong());
    }

    @Test
    void demo_dutch_numbersAndPluralsInDutch(@TempDir Path dir) {
        Peiling.Run run = Peiling.execute(
                "demo", "--out", dir.toString(), "--institutions", "1", "--students", "3000", "--lang", "nl");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "(?m)^1 instelling, 3\\.000 studenten, 1\\.\\d{3} rijen respons: 1\\.\\d{3} gebruikt, 0"
                                + " afgewezen \\(zie rejects\\.csv\\)$")
                .containsPattern("(?m)^Responsbarometer: [01] van 1 instelling heeft de vereiste netto respons$")
                .containsPattern(
                        "(?m)^Landelijk hoogste thema: .+ \\(\\d,\\d\\d\\), laagste: .+ \\(\\d,\\d\\d\\) op 1 tot 5$");
    }

    @Test
    void demo_english_numbersAndPluralsInEnglish(@TempDir Path dir) {
        Peiling.Run run = Peiling.execute(
                "demo", "--out", dir.toString(), "--institutions", "1", "--students", "3000", "--lang", "en");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^1 institution, 3,000 students, 1,\\d{3} response rows: 1,\\d{3} used, 0 rejected"
                        + " \\(see rejects\\.csv\\)$")
                .containsPattern("(?m)^Response barometer: [01] of 1 institution reached the required net response$")
                .containsPattern(
                        "(?m)^Highest theme nationally: .+ \\(\\d\\.\\d\\d\\), lowest: .+ \\(\\d\\.\\d\\d\\) on 1 to 5$");
    }
}
