package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    static final Path EDITIONS = Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A copy of the shipped 2027 folder (beside a copy of 2025) to break. */
    static Path copyOfCatalog(Path dir) throws IOException {
        for (String edition : new String[] {"2025", "2027"}) {
            Path target = Files.createDirectories(dir.resolve(edition));
            try (Stream<Path> files = Files.list(EDITIONS.resolve(edition))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        return dir.resolve("2027");
    }

    static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(
                file,
                content.replaceFirst(
                        java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    @Test
    void shippedEdition_isValidWithTheTwoTrendBreaks() {
        Peiling.Run run = Peiling.execute("validate", "--edition", "2027");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid: 0 errors, 2 warnings");
        assertThat(run.out().lines().filter(l -> l.contains("trend-break"))).hasSize(2);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validFolder_exitsZero() throws IOException {
        Peiling.Run run = Peiling.execute("validate", EDITIONS.resolve("2025").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("valid: 0 errors, 0 warnings" + System.lineSeparator());
    }

    @Test
    void brokenFolder_printsEveryViolationAndExitsOne(@TempDir Path dir) throws IOException {
        Path folder = copyOfCatalog(dir);
        replace(folder.resolve("llo.json"), "\"version\"", "\"versoin\"");
        replace(folder.resolve("huisvesting.json"), "\"positive\": [4, 5]", "\"positive\": [5]");
        replace(folder.resolve("welzijn.json"), "\"type\": \"scale\"", "\"type\": \"schaal\"");
        Files.writeString(
                folder.resolve("stage.json"),
                Files.readString(folder.resolve("stage.json")).substring(0, 300));

        Peiling.Run run = Peiling.execute("validate", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        String llo = folder.resolve("llo.json").toString();
        assertThat(run.out())
                .contains(llo
                        + ":1:1: error missing-field modules[llo].version: required property \"version\" is missing")
                .containsPattern(java.util.regex.Pattern.quote(llo)
                        + ":\\d+:3: error unknown-property modules\\[llo\\]\\.versoin: ")
                .contains("error scale-classification modules[huisvesting].scales[")
                .contains("error invalid-value modules[welzijn].questions[")
                .contains(folder.resolve("stage.json") + ":")
                .contains("error json-syntax modules[stage]")
                .contains("invalid: ");
        assertThat(run.out().lines().filter(l -> l.contains(": error "))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void json_hasTheKeysOfTheContract(@TempDir Path dir) throws IOException {
        Path folder = copyOfCatalog(dir);
        replace(folder.resolve("llo.json"), "\"version\"", "\"versoin\"");

        Peiling.Run run = Peiling.execute("validate", "--json", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(2);
        assertThat(json.get("warnings").asInt()).isEqualTo(2);
        JsonNode first = json.get("violations").get(0);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactly("severity", "code", "path", "message", "file", "line", "column");
        assertThat(json.get("violations"))
                .extracting(v -> v.get("code").asText())
                .contains("missing-field", "unknown-property", "trend-break");
    }

    @Test
    void missingPath_isOneLineOnStderrAndExitTwo() {
        Peiling.Run run = Peiling.execute("validate", "no/such/folder");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("peiling: no/such/folder: no such file or folder" + System.lineSeparator());
    }

    @Test
    void unknownEdition_isAnInputError() {
        Peiling.Run run = Peiling.execute("validate", "--edition", "1999");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown edition \"1999\" (shipped: 2025, 2027)");
    }

    @Test
    void badOption_isAUsageError() {
        Peiling.Run run = Peiling.execute("validate", "--edtion", "2027");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--edtion'");
    }
}
