package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.peiling.core.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookCommandTest {

    private static final int QUESTIONS_2027 =
            Catalog.load().find("2027").orElseThrow().questions().size();

    @Test
    void csv_printsOneRowPerColumnAfterTheHeader() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("variable,module,type,label,values,non_substantive,missing_codes,visible_if,notes\n"
                        + "respondent,,key,Respondentsleutel (pseudoniem),");
        assertThat(run.out().lines()).hasSize(1 + 6 + QUESTIONS_2027);
        assertThat(run.out())
                .contains("\ndoc04,basis,scale,Docenten vertellen me wat ik kan verbeteren aan mijn werk.,");
    }

    @Test
    void markdown_inEnglish_hasATablePerModule() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "md", "--lang", "en");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("# Codebook edition 2027\n")
                .contains("## Respondent fields\n", "## Base questionnaire (`basis`)\n")
                .contains("| `doc04` | scale | Teachers tell me what I can improve in my work. |");
    }

    @Test
    void spss_readsTheNamedDataFile() {
        Peiling.Run run =
                Peiling.execute("codebook", "--edition", "2027", "--format", "sps", "--data", "data/responses.csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("* Encoding: UTF-8.\n")
                .contains("  /FILE='data/responses.csv'\n", "RECODE doc04_raw ('nvt'=97) (CONVERT) INTO doc04.\n")
                .contains("\nMISSING VALUES\n")
                .endsWith("\nEXECUTE.\n");
    }

    @Test
    void out_writesTheFileAndPrintsNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("codebook/2027.sps");
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "sps", "--out", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written)
                .isEqualTo(Peiling.execute("codebook", "--edition", "2027", "--format", "sps")
                        .out());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void out_replacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("codebook.csv"), "old");
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "csv", "--out", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith("variable,module,");
    }

    @Test
    void json_withOut_summarisesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("codebook.md");
        Peiling.Run run =
                Peiling.execute("codebook", "--edition", "2027", "--format", "md", "--out", file.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("edition", "language", "format", "variables", "file");
        assertThat(json.get("variables").asInt()).isEqualTo(6 + QUESTIONS_2027);
        assertThat(json.get("format").asText()).isEqualTo("md");
        assertThat(file).exists();
    }

    @Test
    void json_withoutOut_isAnInputError() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "csv", "--json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("peiling: --json needs --out: without it the codebook itself is the output"
                        + System.lineSeparator());
    }

    @Test
    void badFormat_isAUsageErrorNamingTheFormats() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "xlsx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains("Invalid value for option '--format': format \"xlsx\" is not one of csv, md, sps");
    }

    @Test
    void missingFormat_isAUsageError() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--format=csv|md|sps'");
    }

    @Test
    void badLanguage_isAUsageError() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "2027", "--format", "csv", "--lang", "de");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--lang'");
    }

    @Test
    void help_listsTheOptionsWithoutRequiringThem() {
        Peiling.Run run = Peiling.execute("codebook", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--format=csv|md|sps", "--lang=nl|en", "--out=F", "--data=F");
    }

    @Test
    void unknownEdition_isAnInputError() {
        Peiling.Run run = Peiling.execute("codebook", "--edition", "1999", "--format", "csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("edition \"1999\" is neither a shipped edition");
    }

    @Test
    void definitionFolder_isAccepted() {
        Peiling.Run run = Peiling.execute(
                "codebook",
                "--edition",
                "../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2025",
                "--format",
                "csv");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("variable,module,");
    }
}
