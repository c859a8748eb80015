package nl.peiling.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Question;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookTest {

    static final Path EDITION_2027 = Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027");
    static final Path GOLDEN = Path.of("src/test/resources/nl/peiling/core/codebook");
    static final Path ACTUAL = Path.of("target/codebook");

    @TempDir
    Path dir;

    private Edition testEdition() {
        return Definitions.standard().readEdition(CodebookFolder.write(dir.resolve("2099")));
    }

    // --- golden files -------------------------------------------------------------------------------------

    @Test
    void csv_matchesTheGoldenFile() throws IOException {
        assertGolden("expected.csv", Codebook.of(testEdition(), "nl").toCsv());
    }

    @Test
    void markdown_matchesTheGoldenFile() throws IOException {
        assertGolden("expected.md", Codebook.of(testEdition(), "nl").toMarkdown());
    }

    @Test
    void spss_matchesTheGoldenFile() throws IOException {
        assertGolden("expected.sps", Codebook.of(testEdition(), "nl").toSpss());
    }

    @Test
    void write_givesTheSameTextAsTheToMethods() throws IOException {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        StringBuilder sps = new StringBuilder();
        codebook.write(Format.SPSS, sps);
        assertThat(sps).hasToString(codebook.toSpss());
        assertThat(codebook.write(Format.CSV)).isEqualTo(codebook.toCsv());
        assertThat(codebook.write(Format.MARKDOWN)).isEqualTo(codebook.toMarkdown());
    }

    /**
     * Compares byte for byte with the golden file. The actual text is written to target/codebook to diff; run
     * with -Dpeiling.updateGoldens=true to accept it (then read the diff before committing).
     */
    private static void assertGolden(String name, String actual) throws IOException {
        Files.createDirectories(ACTUAL);
        Path actualFile = ACTUAL.resolve(name.replace("expected", "actual"));
        Files.writeString(actualFile, actual, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("peiling.updateGoldens")) {
            Files.writeString(GOLDEN.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        String expected;
        try (InputStream in = CodebookTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s on the class path", name).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (expected.equals(actual)) {
            return;
        }
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int line = 0;
        while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
            line++;
        }
        fail(String.format(
                "%s differs from the golden file at line %d%n  expected: %s%n  actual:   %s%n"
                        + "see: diff -u %s %s%naccept with: -Dpeiling.updateGoldens=true",
                name,
                line + 1,
                line < want.size() ? want.get(line) : "<end of file>",
                line < got.size() ? got.get(line) : "<end of file>",
                GOLDEN.resolve(name),
                actualFile));
    }

    // --- the variables ------------------------------------------------------------------------------------

    @Test
    void variables_areTheRespondentFieldsThenTheQuestionsInQuestionnaireOrder() {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        assertThat(codebook.variables())
                .extracting(Variable::name)
                .containsExactly(
                        "respondent",
                        "institution",
                        "location",
                        "level",
                        "pathway",
                        "modules",
                        "b01",
                        "b02",
                        "b03",
                        "b04",
                        "r01",
                        "r02",
                        "r03",
                        "r04",
                        "s01",
                        "s02");
        assertThat(codebook.variables())
                .extracting(Variable::module)
                .containsExactly(
                        null, null, null, null, null, null, "basis", "basis", "basis", "basis", "reizen", "reizen",
                        "reizen", "reizen", "stage", "stage");
        assertThat(codebook.variables())
                .extracting(Variable::type)
                .containsExactly(
                        "key", "code", "code", "single", "single", "multi", "single", "scale", "grade", "text",
                        "number", "multi", "scale", "scale", "scale", "scale");
    }

    @Test
    void respondentFields_haveTheirCodes() {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        assertThat(codebook.variable("level").orElseThrow().values()).containsOnlyKeys("1", "2", "3", "4");
        assertThat(codebook.variable("level").orElseThrow().spssFormat()).isEqualTo("F1.0");
        assertThat(codebook.variable("pathway").orElseThrow().values().keySet()).containsExactly("BOL", "BBL");
        assertThat(codebook.variable("modules").orElseThrow().values())
                .containsExactly(
                        Map.entry("basis", "Basisvragenlijst"),
                        Map.entry("reizen", "Reizen naar school"),
                        Map.entry("stage", "Stage"));
        // basis|reizen|stage is the longest cell: 5 + 6 + 5 characters and two separators
        assertThat(codebook.variable("modules").orElseThrow().spssFormat()).isEqualTo("A18");
    }

    @Test
    void missingCodes_numberEachDistinctCodeInOrderOfFirstUseFrom97() {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        assertThat(codebook.missingCodes()).containsExactly(Map.entry("nvt", 97), Map.entry("wn", 98));
        Variable r03 = codebook.variable("r03").orElseThrow();
        assertThat(r03.nonSubstantive())
                .containsExactly(Map.entry("wn", "Weet niet"), Map.entry("nvt", "Niet van toepassing"));
        assertThat(r03.missingCodes()).containsExactly(Map.entry("wn", 98), Map.entry("nvt", 97));
        assertThat(codebook.variable("b02").orElseThrow().missingCodes()).containsExactly(Map.entry("nvt", 97));
        assertThat(codebook.variable("b01").orElseThrow().missingCodes()).isEmpty();
    }

    @Test
    void missingCodes_startAboveTheHighestPointOfAnyScale() throws IOException {
        Path folder = CodebookFolder.write(dir.resolve("high"));
        replace(
                folder.resolve("reizen.json"),
                "{\"code\": 3, \"label\": {\"nl\": \"Vaak\"",
                "{\"code\": 120, \"label\": {\"nl\": \"Vaak\"");
        replace(folder.resolve("reizen.json"), "\"negative\": [3]", "\"negative\": [120]");
        Codebook codebook = Codebook.of(Definitions.standard().readEdition(folder), "nl");
        assertThat(codebook.missingCodes()).containsExactly(Map.entry("nvt", 121), Map.entry("wn", 122));
        assertThat(codebook.variable("r03").orElseThrow().spssFormat()).isEqualTo("F3.0");
        assertThat(codebook.toSpss()).contains("RECODE r03_raw ('wn'=122) ('nvt'=121) (CONVERT) INTO r03.");
    }

    @Test
    void eachType_getsItsValuesNotesAndFormat() {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        Variable b02 = codebook.variable("b02").orElseThrow();
        assertThat(b02.values().keySet()).containsExactly("1", "2", "3", "4", "5");
        assertThat(b02.visibleIf()).isEqualTo("b01 = 'ja'");
        assertThat(b02.notes()).isEqualTo("Schaal eens5; negatief: 1, 2; neutraal: 3; positief: 4, 5");
        assertThat(b02.spssFormat()).isEqualTo("F2.0");
        assertThat(codebook.variable("b01").orElseThrow().spssFormat()).isEqualTo("A3");
        assertThat(codebook.variable("b03").orElseThrow().values().keySet())
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(codebook.variable("b04").orElseThrow().spssFormat()).isEqualTo("A2000");
        Variable r01 = codebook.variable("r01").orElseThrow();
        assertThat(r01.notes()).isEqualTo("Decimaal getal met een punt, in minuten; van 0 tot en met 300");
        assertThat(r01.spssFormat()).isEqualTo("F6.2");
        Variable r02 = codebook.variable("r02").orElseThrow();
        assertThat(r02.notes()).isEqualTo("Codes gescheiden door |; van 1 tot en met 2 codes");
        assertThat(r02.spssFormat()).isEqualTo("A14"); // lopen|fiets|ov
    }

    @Test
    void english_takesTheEnglishTexts() {
        Codebook codebook = Codebook.of(testEdition(), "en");
        assertThat(codebook.variable("b02").orElseThrow().label())
                .isEqualTo("My supervisor said \"well done\", even when it wasn't.");
        assertThat(codebook.variable("pathway").orElseThrow().values())
                .containsEntry("BBL", "Work-based pathway (BBL)");
        assertThat(codebook.variable("r03").orElseThrow().nonSubstantive()).containsEntry("wn", "Don't know");
        assertThat(codebook.toSpss()).contains("/b02 'My supervisor said \"well done\", even when it wasn''t.'");
        assertThat(codebook.toMarkdown())
                .startsWith("# Codebook edition 2099\n")
                .contains("## Travelling to school (`reizen`)");
    }

    @Test
    void of_unknownLanguage_isRejectedWithTheSupportedOnes() {
        Edition edition = testEdition();
        assertThatThrownBy(() -> Codebook.of(edition, "de"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("language \"de\" is not one of nl, en");
    }

    @Test
    void of_questionNamedLikeARespondentField_isRejected() throws IOException {
        Path folder = CodebookFolder.write(dir.resolve("clash"));
        replace(folder.resolve("basis.json"), "\"id\": \"b04\"", "\"id\": \"level\"");
        Edition edition = Definitions.standard().readEdition(folder);
        assertThatThrownBy(() -> Codebook.of(edition, "nl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "modules[basis].questions[level]: question id \"level\" is the name of a respondent field");
    }

    @Test
    void spss_questionNamedWithAReservedWord_isRejected() throws IOException {
        Path folder = CodebookFolder.write(dir.resolve("reserved"));
        replace(folder.resolve("basis.json"), "\"id\": \"b04\"", "\"id\": \"with\"");
        Codebook codebook = Codebook.of(Definitions.standard().readEdition(folder), "nl");
        assertThat(codebook.toCsv()).contains("\nwith,basis,text,");
        assertThatThrownBy(codebook::toSpss)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variable \"with\" is a reserved word in SPSS (ALL, AND, BY,");
    }

    @Test
    void spss_rawNameTakenByAQuestion_getsANumber() throws IOException {
        Path folder = CodebookFolder.write(dir.resolve("raw"));
        replace(folder.resolve("basis.json"), "\"id\": \"b04\"", "\"id\": \"b02_raw\"");
        String sps =
                Codebook.of(Definitions.standard().readEdition(folder), "nl").toSpss();
        assertThat(sps)
                .contains("    b02_raw2 A3\n", "    b02_raw A2000\n", "RECODE b02_raw2 ('nvt'=97) (CONVERT) INTO b02.");
    }

    @Test
    void spss_readsTheNamedDataFile() {
        Codebook codebook = Codebook.of(testEdition(), "nl");
        assertThat(codebook.toSpss("C:\\data\\2099\\peiling's responses.csv"))
                .contains("\n  /FILE='C:\\data\\2099\\peiling''s responses.csv'\n");
        assertThat(codebook.dataFile()).isEqualTo("responses.csv");
        assertThatThrownBy(() -> codebook.withDataFile(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataFile \" \" must be a non-blank path on one line");
    }

    @Test
    void spss_longLabel_isCutTo256BytesWithAnEllipsis() {
        String sps = Codebook.of(testEdition(), "nl").toSpss();
        String r03 = sps.substring(sps.indexOf("\n  /r03 "), sps.indexOf("\n  /r04 "));
        String label = r03.lines()
                .map(String::strip)
                .map(l -> l.replaceFirst("^/r03 ", "").replaceFirst(" \\+$", ""))
                .filter(l -> !l.isEmpty())
                .map(l -> l.substring(1, l.length() - 1).replace("''", "'"))
                .reduce("", String::concat);
        assertThat(label).endsWith("…").startsWith("Hoe vaak komt het voor dat je bus, tram of trein");
        assertThat(label.getBytes(StandardCharsets.UTF_8).length).isBetween(250, 256);
        assertThat(r03.lines().skip(2)).isNotEmpty().allMatch(l -> l.startsWith("    '"));
    }

    @Test
    void csvQuote_quotesOnlyWhatRfc4180Needs() {
        assertThat(nl.peiling.core.io.Csv.quote("plain text")).isEqualTo("plain text");
        assertThat(nl.peiling.core.io.Csv.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(nl.peiling.core.io.Csv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(nl.peiling.core.io.Csv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        // a special character first is found too
        assertThat(nl.peiling.core.io.Csv.quote(",a")).isEqualTo("\",a\"");
        assertThat(nl.peiling.core.io.Csv.quote("\"a")).isEqualTo("\"\"\"a\"");
        assertThat(nl.peiling.core.io.Csv.quote("\na")).isEqualTo("\"\na\"");
        assertThat(nl.peiling.core.io.Csv.quote("\ra")).isEqualTo("\"\ra\"");
    }

    @Test
    void truncate_keepsTheLongestPrefixThatFits_cutAtASpaceWithinTwentyCharacters() {
        // "…" is 3 bytes in UTF-8
        assertThat(SpssWriter.truncate("abcdefghij", 10)).isEqualTo("abcdefghij");
        assertThat(SpssWriter.truncate("abcdefghijk", 10)).isEqualTo("abcdefg…");
        assertThat(SpssWriter.truncate("ééééé", 9)).as("2 bytes each").isEqualTo("ééé…");
        assertThat(SpssWriter.truncate("aaaa bbbbbbbbbb", 12)).isEqualTo("aaaa…");
        assertThat(SpssWriter.truncate(" bbbbbbbbbbbb", 8))
                .as("a space first is no place to cut")
                .isEqualTo(" bbbb…");
        String x20 = "x".repeat(20);
        // the prefix ends 20 characters after the space (cut there), or 21 (not cut)
        assertThat(SpssWriter.truncate("w " + x20 + "yyyyyyyyyy", 24)).isEqualTo("w…");
        assertThat(SpssWriter.truncate("w " + x20 + "yyyyyyyyyy", 25)).isEqualTo("w " + x20 + "…");
    }

    @Test
    void markdown_escapesWhatWouldBreakTheTable() {
        assertThat(MarkdownWriter.text("Bus | tram *snel* <b>")).isEqualTo("Bus \\| tram \\*snel\\* \\<b\\>");
        assertThat(MarkdownWriter.code("a | b")).isEqualTo("`a \\| b`");
        assertThat(MarkdownWriter.code("x`y")).isEqualTo("x\\`y");
    }

    /** Texts of 0 to 255 of any chars, on 1,000 seeded tries; a failure names its seed, which reproduces the text. */
    @Test
    void chunks_joinToTheTextAndFitALine() {
        Tries.check(1000, draw -> chunks_joinToTheTextAndFitALine(Tries.string(draw, 0, 255, Tries::anyChar)));
    }

    private static void chunks_joinToTheTextAndFitALine(String text) {
        List<String> chunks = SpssWriter.chunks(text);
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allMatch(c -> c.getBytes(StandardCharsets.UTF_8).length <= SpssWriter.CHUNK_BYTES);
        assertThat(chunks).allMatch(c -> !c.isEmpty() || text.isEmpty());
    }

    /** Texts as above and limits of 4 to 300 bytes, on 1,000 seeded tries. */
    @Test
    void truncate_fitsTheLimitAndKeepsAPrefix() {
        Tries.check(
                1000,
                draw -> truncate_fitsTheLimitAndKeepsAPrefix(
                        Tries.string(draw, 0, 255, Tries::anyChar), Tries.intIn(draw, 4, 300)));
    }

    private static void truncate_fitsTheLimitAndKeepsAPrefix(String text, int limit) {
        String cut = SpssWriter.truncate(text, limit);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
        if (text.getBytes(StandardCharsets.UTF_8).length <= limit) {
            assertThat(cut).isEqualTo(text);
        } else {
            assertThat(cut).endsWith("…");
            assertThat(text).startsWith(cut.substring(0, cut.length() - 1));
        }
    }

    // --- the shipped edition ------------------------------------------------------------------------------

    @Test
    void shipped2027_hasOneVariablePerColumn() {
        Edition edition = Definitions.standard().readEdition(EDITION_2027);
        Codebook codebook = Codebook.of(edition, "nl");

        assertThat(codebook.variables()).hasSize(6 + edition.questions().size());
        assertThat(codebook.variables().subList(6, codebook.variables().size()))
                .extracting(Variable::name)
                .containsExactlyElementsOf(
                        edition.questions().stream().map(Question::id).toList());
        assertThat(codebook.variable("doc04").orElseThrow().label())
                .isEqualTo("Docenten vertellen me wat ik kan verbeteren aan mijn werk.");
        assertThat(Codebook.of(edition, "en").variable("doc04").orElseThrow().label())
                .isEqualTo("Teachers tell me what I can improve in my work.");
        assertThat(codebook.variable("doc04").orElseThrow().module()).isEqualTo("basis");
        Variable grade = codebook.variables().stream()
                .filter(v -> v.type().equals("grade"))
                .findFirst()
                .orElseThrow();
        assertThat(grade.name()).isEqualTo("opl07");
        assertThat(grade.values().keySet()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(edition.question("opl07").orElseThrow()).isInstanceOf(GradeQuestion.class);
        assertThat(codebook.missingCodes()).containsExactly(Map.entry("nvt", 97), Map.entry("wn", 98));
        assertThat(codebook.variable("doc04").orElseThrow().missingCodes()).containsExactly(Map.entry("nvt", 97));
        assertThat(codebook.variables().stream().filter(v -> !v.type().equals("scale")))
                .allMatch(v -> v.missingCodes().isEmpty());
    }

    @Test
    void shipped2027_spssNamesEveryColumnOnce() {
        Edition edition = Definitions.standard().readEdition(EDITION_2027);
        String sps = Codebook.of(edition, "nl").toSpss();
        String getData = sps.substring(sps.indexOf("/VARIABLES="), sps.indexOf(".\n", sps.indexOf("/VARIABLES=")));
        assertThat(getData.lines().skip(1)).hasSize(6 + edition.questions().size());
        for (Question question : edition.questions()) {
            assertThat(sps).contains("\n  /" + question.id() + " '");
        }
        assertThat(sps.lines())
                .allMatch(l -> l.getBytes(StandardCharsets.UTF_8).length <= 120, "lines of at most 120 bytes");
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }
}
