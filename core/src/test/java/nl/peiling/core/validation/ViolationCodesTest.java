package nl.peiling.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import nl.peiling.core.io.Definitions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One minimal invalid definition per violation code, each written to real files and read through the
 * loader. Every test asserts the complete list of violations (code, path, severity), so a rule that
 * also fires elsewhere, or a code that stops firing, fails the test.
 */
class ViolationCodesTest {

    private static final Set<ViolationCode> COVERED = EnumSet.noneOf(ViolationCode.class);

    @TempDir
    Path dir;

    private ValidationReport validate(TestFolder folder) {
        return Definitions.standard().validate(folder.write(dir.resolve("2027")));
    }

    private static Tuple v(ViolationCode code, String path, Severity severity) {
        COVERED.add(code);
        return tuple(code, path, severity);
    }

    private static void assertExactly(ValidationReport report, Tuple... expected) {
        assertThat(report.violations())
                .as(report.toString())
                .extracting(Violation::code, Violation::path, Violation::severity)
                .containsExactlyInAnyOrder(expected);
        assertThat(report.isValid())
                .isEqualTo(Arrays.stream(expected).noneMatch(t -> t.toList().get(2) == Severity.ERROR));
    }

    @Test
    void validFolder_hasNoViolations() {
        ValidationReport report = validate(new TestFolder());
        assertThat(report.violations()).isEmpty();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void jsonSyntax_reportsLineAndColumn() {
        ValidationReport report =
                validate(new TestFolder().put("mod_a.json", "{\n  \"format\": \"peiling.module/1\",\n  \"id\": \n}"));
        assertExactly(report, v(ViolationCode.JSON_SYNTAX, "modules[mod_a]", Severity.ERROR));
        Violation syntax = report.violations().get(0);
        assertThat(syntax.line()).isEqualTo(4);
        assertThat(syntax.column()).isEqualTo(1);
        assertThat(syntax.file()).endsWith("mod_a.json");
    }

    @Test
    void notUtf8_isAJsonSyntaxErrorWithItsLine() throws java.io.IOException {
        java.nio.file.Path folder = new TestFolder().write(dir.resolve("2027"));
        java.nio.file.Path module = folder.resolve("mod_a.json");
        byte[] json = java.nio.file.Files.readAllBytes(module);
        String text = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"version\"");
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        json[at + 1] = (byte) 0xFF;
        java.nio.file.Files.write(module, json);
        ValidationReport report = Definitions.standard().validate(folder);
        Violation syntax = report.errors().get(0);
        assertThat(syntax.code()).isEqualTo(ViolationCode.JSON_SYNTAX);
        assertThat(syntax.message()).contains("Invalid UTF-8");
        assertThat(syntax.line()).isEqualTo((int) line);
    }

    @Test
    void duplicateProperty_isReportedAtTheRepeat() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "\"version\": \"2027.1\",", "\"version\": \"2027.1\", \"version\": \"2027.2\","));
        assertExactly(report, v(ViolationCode.DUPLICATE_PROPERTY, "version", Severity.ERROR));
    }

    @Test
    void unknownProperty_suggestsTheNearestName() {
        TestFolder folder = new TestFolder()
                .edit("mod_a.json", "\"reverse\": [\"a3\"]", "\"reverse\": [\"a3\"], \"minAnswerd\": 2");
        ValidationReport report = validate(folder);
        assertExactly(
                report, v(ViolationCode.UNKNOWN_PROPERTY, "modules[mod_a].clusters[a_c].minAnswerd", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("did you mean \"minAnswered\"");
        String[] lines = folder.get("mod_a.json").split("\n", -1);
        int line = 0;
        while (!lines[line].contains("minAnswerd")) {
            line++;
        }
        assertThat(report.violations().get(0).line()).isEqualTo(line + 1);
        assertThat(report.violations().get(0).column()).isEqualTo(lines[line].indexOf("\"minAnswerd\"") + 1);
    }

    @Test
    void wrongType_namesExpectedAndFound() {
        ValidationReport report =
                validate(new TestFolder().edit("edition.json", "\"maxMinutes\": 10", "\"maxMinutes\": \"10\""));
        assertExactly(report, v(ViolationCode.WRONG_TYPE, "edition.rules.maxMinutes", Severity.ERROR));
        assertThat(report.violations().get(0).message()).isEqualTo("expected a whole number, found a string \"10\"");
    }

    @Test
    void missingField_inAQuestion() {
        ValidationReport report = validate(new TestFolder()
                .edit(
                        "mod_a.json",
                        "\"type\": \"scale\", \"scale\": \"eens5\", \"text\": {\"nl\": \"Een\", \"en\": \"One\"}",
                        "\"type\": \"scale\", \"text\": {\"nl\": \"Een\", \"en\": \"One\"}"));
        // The question cannot be read, so the cluster's reference to it is not reported a second time.
        assertExactly(report, v(ViolationCode.MISSING_FIELD, "modules[mod_a].questions[a1].scale", Severity.ERROR));
    }

    @Test
    void unsupportedFormat() {
        ValidationReport report = validate(new TestFolder().edit("mod_b.json", "peiling.module/1", "peiling.module/2"));
        assertExactly(report, v(ViolationCode.UNSUPPORTED_FORMAT, "modules[mod_b].format", Severity.ERROR));
    }

    @Test
    void invalidValue_negativeSeconds() {
        ValidationReport report = validate(new TestFolder()
                .edit(
                        "mod_a.json",
                        "\"text\": {\"nl\": \"Twee\", \"en\": \"Two\"}",
                        "\"text\": {\"nl\": \"Twee\", \"en\": \"Two\"}, \"seconds\": -4"));
        assertExactly(report, v(ViolationCode.INVALID_VALUE, "modules[mod_a].questions[a2].seconds", Severity.ERROR));
        assertThat(report.violations().get(0).message()).isEqualTo("seconds -4 must be at least 1");
    }

    @Test
    void invalidId_upperCase() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "{\"id\": \"a2\"", "{\"id\": \"A2\"")
                .edit("mod_a.json", "\"items\": [\"a1\", \"a2\", \"a3\"]", "\"items\": [\"a1\", \"A2\", \"a3\"]"));
        assertExactly(report, v(ViolationCode.INVALID_ID, "modules[mod_a].questions[A2].id", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("\"A2\"").contains("[a-z][a-z0-9_]*");
    }

    @Test
    void duplicateId_questionInTwoModules() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_b.json", "{\"id\": \"c1\"", "{\"id\": \"a1\"")
                .edit("mod_b.json", "\"items\": [\"c1\"", "\"items\": [\"a1\""));
        assertExactly(report, v(ViolationCode.DUPLICATE_ID, "modules[mod_b].questions[a1].id", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("mod_a");
    }

    @Test
    void unknownReference_clusterItem() {
        ValidationReport report = validate(
                new TestFolder().edit("mod_a.json", "[\"a1\", \"a2\", \"a3\"]", "[\"a1\", \"a2\", \"a3\", \"a9\"]"));
        assertExactly(
                report, v(ViolationCode.UNKNOWN_REFERENCE, "modules[mod_a].clusters[a_c].items[3]", Severity.ERROR));
        assertThat(report.violations().get(0).message())
                .isEqualTo("unknown question \"a9\" (questions of module mod_a: a1, a2, a3)");
    }

    @Test
    void unknownReference_moduleWithoutFile() {
        ValidationReport report = validate(new TestFolder().remove("mod_b.json"));
        assertExactly(report, v(ViolationCode.UNKNOWN_REFERENCE, "edition.modules[1]", Severity.ERROR));
    }

    @Test
    void wrongKind_optionalModuleAsBase() {
        ValidationReport report =
                validate(new TestFolder().edit("basis.json", "\"kind\": \"base\"", "\"kind\": \"optional\""));
        assertExactly(report, v(ViolationCode.WRONG_KIND, "edition.base", Severity.ERROR));
    }

    @Test
    void invalidValue_selectionBoundsAgainstTheOptionsAndNumberBounds() {
        String questions =
                "{\"id\": \"b05\", \"type\": \"grade\", \"text\": {\"nl\": \"Rapportcijfer\", \"en\": \"Report mark\"}}";
        ValidationReport report = validate(new TestFolder().edit("basis.json", questions, questions + """
                                ,
                                {"id": "b06", "type": "multi", "text": {"nl": "Welke?", "en": "Which?"},
                                 "options": [{"code": "x", "label": {"nl": "X", "en": "X"}},
                                             {"code": "y", "label": {"nl": "Y", "en": "Y"}}],
                                 "minSelected": 3, "maxSelected": 1},
                                {"id": "b07", "type": "number", "text": {"nl": "Hoeveel?", "en": "How many?"},
                                 "min": 10, "max": 5}"""));
        assertExactly(
                report,
                v(ViolationCode.INVALID_VALUE, "modules[basis].questions[b06].minSelected", Severity.ERROR),
                v(ViolationCode.INVALID_VALUE, "modules[basis].questions[b06].maxSelected", Severity.ERROR),
                v(ViolationCode.INVALID_VALUE, "modules[basis].questions[b07].max", Severity.ERROR));
        assertThat(report.violations())
                .extracting(Violation::message)
                .containsExactlyInAnyOrder(
                        "minSelected (3) is more than the 2 options",
                        "maxSelected (1) is less than minSelected (3)",
                        "max (5) is less than min (10)");
    }

    @Test
    void unknownReference_scaleOfAQuestion_andDuplicateId_moduleListedTwice() {
        ValidationReport report = validate(new TestFolder()
                .edit(
                        "mod_a.json",
                        "{\"id\": \"a1\", \"type\": \"scale\", \"scale\": \"eens5\"",
                        "{\"id\": \"a1\", \"type\": \"scale\", \"scale\": \"eens7\"")
                .edit(
                        "edition.json",
                        "\"modules\": [\"mod_a\", \"mod_b\"]",
                        "\"modules\": [\"mod_a\", \"mod_b\", \"mod_a\", \"basis\"]"));
        // The cluster's other items now differ in scale from its first: reported too.
        assertExactly(
                report,
                v(ViolationCode.UNKNOWN_REFERENCE, "modules[mod_a].questions[a1].scale", Severity.ERROR),
                v(ViolationCode.DUPLICATE_ID, "edition.modules[2]", Severity.ERROR),
                v(ViolationCode.DUPLICATE_ID, "edition.modules[3]", Severity.ERROR),
                v(ViolationCode.CLUSTER_MIXED_SCALES, "modules[mod_a].clusters[a_c].items[1]", Severity.ERROR),
                v(ViolationCode.CLUSTER_MIXED_SCALES, "modules[mod_a].clusters[a_c].items[2]", Severity.ERROR));
        assertThat(report.violations())
                .extracting(Violation::code, Violation::path, Violation::message)
                .contains(
                        tuple(
                                ViolationCode.UNKNOWN_REFERENCE,
                                "modules[mod_a].questions[a1].scale",
                                "unknown scale \"eens7\" (scales of module mod_a: eens5)"),
                        tuple(ViolationCode.DUPLICATE_ID, "edition.modules[2]", "module \"mod_a\" is listed twice"),
                        tuple(ViolationCode.DUPLICATE_ID, "edition.modules[3]", "module \"basis\" is listed twice"));
    }

    @Test
    void unlistedModule_isAWarning() {
        ValidationReport report = validate(new TestFolder().put("mod_c.json", TestFolder.optional("mod_c", "e")));
        assertExactly(report, v(ViolationCode.UNLISTED_MODULE, "modules[mod_c]", Severity.WARNING));
    }

    @Test
    void missingTranslation_englishIsAWarningDutchAnError() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "{\"nl\": \"Een\", \"en\": \"One\"}", "{\"nl\": \"Een\"}")
                .edit("mod_a.json", "{\"nl\": \"Twee\", \"en\": \"Two\"}", "{\"en\": \"Two\"}"));
        assertExactly(
                report,
                v(ViolationCode.MISSING_TRANSLATION, "modules[mod_a].questions[a1].text", Severity.WARNING),
                v(ViolationCode.MISSING_TRANSLATION, "modules[mod_a].questions[a2].text", Severity.ERROR));
    }

    @Test
    void scaleClassification_pointInNoClass() {
        ValidationReport report =
                validate(new TestFolder().edit("mod_a.json", "\"positive\": [4, 5]", "\"positive\": [5]"));
        assertExactly(report, v(ViolationCode.SCALE_CLASSIFICATION, "modules[mod_a].scales[eens5]", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("point 4");
    }

    @Test
    void clusterSplit_itemOfAnotherModule() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "[\"a1\", \"a2\", \"a3\"]", "[\"a1\", \"a2\", \"c3\"]")
                .edit("mod_a.json", "\"reverse\": [\"a3\"]", "\"reverse\": []"));
        assertExactly(report, v(ViolationCode.CLUSTER_SPLIT, "modules[mod_a].clusters[a_c].items[2]", Severity.ERROR));
    }

    @Test
    void clusterMixedScales() {
        String second = TestFolder.SCALE.replace("\"id\": \"eens5\"", "\"id\": \"tevr5\"");
        ValidationReport report = validate(new TestFolder()
                .edit(
                        "mod_a.json",
                        "\"scales\": [" + TestFolder.SCALE,
                        "\"scales\": [" + TestFolder.SCALE + ", " + second)
                .edit(
                        "mod_a.json",
                        "{\"id\": \"a2\", \"type\": \"scale\", \"scale\": \"eens5\"",
                        "{\"id\": \"a2\", \"type\": \"scale\", \"scale\": \"tevr5\""));
        assertExactly(
                report, v(ViolationCode.CLUSTER_MIXED_SCALES, "modules[mod_a].clusters[a_c].items[1]", Severity.ERROR));
    }

    @Test
    void clusterItemType_gradeInACluster() {
        ValidationReport report = validate(
                new TestFolder().edit("basis.json", "[\"b02\", \"b03\", \"b04\"]", "[\"b02\", \"b03\", \"b05\"]"));
        assertExactly(
                report,
                v(ViolationCode.CLUSTER_ITEM_TYPE, "modules[basis].clusters[b_stage].items[2]", Severity.ERROR));
    }

    @Test
    void clusterReverseNotItem() {
        ValidationReport report =
                validate(new TestFolder().edit("mod_a.json", "\"reverse\": [\"a3\"]", "\"reverse\": [\"a3\", \"a4\"]"));
        assertExactly(
                report,
                v(ViolationCode.CLUSTER_REVERSE_NOT_ITEM, "modules[mod_a].clusters[a_c].reverse[1]", Severity.ERROR));
    }

    @Test
    void clusterMinAnswered_moreThanItems() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "\"reverse\": [\"a3\"]", "\"reverse\": [\"a3\"], \"minAnswered\": 4"));
        assertExactly(
                report,
                v(ViolationCode.CLUSTER_MIN_ANSWERED, "modules[mod_a].clusters[a_c].minAnswered", Severity.ERROR));
        assertThat(report.violations().get(0).message())
                .isEqualTo("minAnswered (4) must be between 1 and the number of items (3)");
    }

    @Test
    void routingSyntax_namesThePosition() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "\"visibleIf\": \"b01 = 'ja'\"", "\"visibleIf\": \"b01 = 'ja' and\""));
        assertExactly(
                report, v(ViolationCode.ROUTING_SYNTAX, "modules[mod_a].questions[a3].visibleIf", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("position 15");
    }

    @Test
    void routingForwardReference_laterQuestion() {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "\"visibleIf\": \"b01 = 'ja'\"", "\"visibleIf\": \"a2 >= 4 and a3 >= 4\""));
        assertExactly(
                report,
                v(ViolationCode.ROUTING_FORWARD_REFERENCE, "modules[mod_a].questions[a3].visibleIf", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("\"a3\" is the question itself");
    }

    @Test
    void routingCrossModule_readsAnotherOptionalModule() {
        ValidationReport report = validate(
                new TestFolder().edit("mod_a.json", "\"visibleIf\": \"b01 = 'ja'\"", "\"visibleIf\": \"c1 >= 4\""));
        assertExactly(
                report,
                v(ViolationCode.ROUTING_CROSS_MODULE, "modules[mod_a].questions[a3].visibleIf", Severity.ERROR));
    }

    @Test
    void routingTypeMismatch_unknownOption() {
        ValidationReport report = validate(
                new TestFolder().edit("mod_a.json", "\"visibleIf\": \"b01 = 'ja'\"", "\"visibleIf\": \"b01 = 'yes'\""));
        assertExactly(
                report,
                v(ViolationCode.ROUTING_TYPE_MISMATCH, "modules[mod_a].questions[a3].visibleIf", Severity.ERROR));
        assertThat(report.violations().get(0).message())
                .isEqualTo("'yes' is not an option of \"b01\" (options: ja, nee)");
    }

    @Test
    void routingTypeMismatch_gradeComparedWithText() {
        ValidationReport report = validate(
                new TestFolder().edit("mod_b.json", "\"visibleIf\": \"b01 = 'ja'\"", "\"visibleIf\": \"b05 >= '6'\""));
        assertExactly(
                report,
                v(ViolationCode.ROUTING_TYPE_MISMATCH, "modules[mod_b].questions[c3].visibleIf", Severity.ERROR));
    }

    @Test
    void lengthBudget_baseAndLongestModulesTooLong() {
        // Base 8 + 7 + 7 + 7 + 6 = 35 s, each optional module 21 s: 35 + 21 + 21 = 77 s > 1 minute.
        ValidationReport report =
                validate(new TestFolder().edit("edition.json", "\"maxMinutes\": 10", "\"maxMinutes\": 1"));
        assertExactly(report, v(ViolationCode.LENGTH_BUDGET, "edition.rules.maxMinutes", Severity.ERROR));
        assertThat(report.violations().get(0).message()).contains("1.3 minutes, more than maxMinutes (1)");
    }

    @Test
    void rulesInfeasible_moreModulesThanOffered() {
        ValidationReport report = validate(
                new TestFolder().edit("edition.json", "\"randomPerRespondent\": 1", "\"randomPerRespondent\": 2"));
        assertExactly(report, v(ViolationCode.RULES_INFEASIBLE, "edition.rules.randomPerRespondent", Severity.ERROR));
    }

    @Test
    void trendBreak_changedTextSincePreviousEdition() {
        new TestFolder()
                .put(
                        "edition.json",
                        TestFolder.EDITION
                                .replace("\"2027\", \"previous\": \"2025\"", "\"2025\"")
                                .replace("\"mod_a\", \"mod_b\"", "")
                                .replace(
                                        "\"chosenPerInstitution\": 1, \"randomPerRespondent\": 1",
                                        "\"chosenPerInstitution\": 0, \"randomPerRespondent\": 0"))
                .edit("basis.json", "Stelling drie", "Stelling drie, oud")
                .remove("mod_a.json")
                .remove("mod_b.json")
                .write(dir.resolve("2025"));
        ValidationReport report = validate(new TestFolder());
        assertExactly(report, v(ViolationCode.TREND_BREAK, "modules[basis].questions[b03]", Severity.WARNING));
    }

    @Test
    void unreadable_missingPath() {
        ValidationReport report = Definitions.standard().validate(dir.resolve("nothing-here.json"));
        assertExactly(
                report,
                v(ViolationCode.UNREADABLE, dir.resolve("nothing-here.json").toString(), Severity.ERROR));
    }

    @Test
    void everyProblem_isReportedInOneRun() throws Exception {
        ValidationReport report = validate(new TestFolder()
                .edit("mod_a.json", "\"version\"", "\"versoin\"")
                .edit("mod_a.json", "[\"a1\", \"a2\", \"a3\"]", "[\"a1\", \"a2\", \"a3\", \"a9\"]")
                .edit("mod_b.json", "\"positive\": [4, 5]", "\"positive\": [5]")
                .edit("edition.json", "\"maxMinutes\": 10", "\"maxMinutes\": 0"));
        assertThat(report.violations())
                .extracting(Violation::code)
                .contains(
                        ViolationCode.MISSING_FIELD,
                        ViolationCode.UNKNOWN_PROPERTY,
                        ViolationCode.UNKNOWN_REFERENCE,
                        ViolationCode.SCALE_CLASSIFICATION,
                        ViolationCode.INVALID_VALUE);
        assertThat(report.violations()).isSortedAccordingTo(Violation.ORDER);
        assertThat(Files.exists(dir.resolve("2027/edition.json"))).isTrue();
    }

    @AfterAll
    static void everyCodeHasATest() {
        assertThat(COVERED)
                .as("violation codes without a test in this class")
                .containsAll(EnumSet.complementOf(EnumSet.of(ViolationCode.JSON_SYNTAX)).stream()
                        .filter(c -> c != ViolationCode.JSON_SYNTAX)
                        .toList());
    }
}
