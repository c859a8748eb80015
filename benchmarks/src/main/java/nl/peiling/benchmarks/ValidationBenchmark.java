package nl.peiling.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A JMH benchmark of definition validation on a synthetic edition of 300 questions: a base module of 100
 * and 8 optional modules of 25, with scales, clusters of 4 to 6 items and {@code visibleIf} routing.
 *
 * <p>{@link #readEdition} measures the whole loader (parse, bind and validate the 9 module files and the
 * edition file, all in memory); {@link #validate} measures the {@link Validator} alone on the parsed
 * edition. Run it with {@code java -jar benchmarks/target/benchmarks.jar ValidationBenchmark}; see
 * docs/performance.md, section "Validation".
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
// Hibernate Validator and Jackson need about 10 s of warm-up before the time per call settles.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class ValidationBenchmark {

    /** The number of questions of the base module. */
    static final int BASE_QUESTIONS = 100;

    /** The number of optional modules. */
    static final int OPTIONAL_MODULES = 8;

    /** The number of questions of each optional module. */
    static final int OPTIONAL_QUESTIONS = 25;

    private Map<String, byte[]> files;
    private Edition edition;

    @Setup(Level.Trial)
    public void setUp() {
        files = files();
        edition = Definitions.standard().readEdition("bench", files);
        int questions = edition.questions().size();
        if (questions != BASE_QUESTIONS + OPTIONAL_MODULES * OPTIONAL_QUESTIONS) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "the synthetic edition has %d questions, expected 300", questions));
        }
        ValidationReport report = Validator.standard().validate(edition);
        if (!report.isValid() || report.warningCount() > 0) {
            // A benchmark of an invalid edition would measure the error path, not the usual case.
            throw new IllegalStateException("the synthetic edition is not clean: " + report);
        }
    }

    /** Parses, binds and validates the whole edition from its files, as {@code peiling validate} does. */
    @Benchmark
    public Edition readEdition() {
        return Definitions.standard().readEdition("bench", files);
    }

    /** Validates the parsed edition: every rule of the definition format, without parsing. */
    @Benchmark
    public ValidationReport validate() {
        return Validator.standard().validate(edition);
    }

    // ------------------------------------------------------------------------------- the edition

    /** The definition files of the synthetic edition, by file name, as UTF-8 JSON. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> optional = new ArrayList<>();
        files.put("basis.json", utf8(baseModule()));
        for (int m = 1; m <= OPTIONAL_MODULES; m++) {
            String id = "opt" + m;
            optional.add('"' + id + '"');
            files.put(id + ".json", utf8(optionalModule(m)));
        }
        String edition = "{\n"
                + "  \"format\": \"peiling.edition/1\",\n"
                + "  \"edition\": \"2099\",\n"
                + "  \"base\": \"basis\",\n"
                + "  \"modules\": [" + String.join(", ", optional) + "],\n"
                + "  \"rules\": {\"chosenPerInstitution\": 3, \"randomPerRespondent\": 2, \"maxMinutes\": 45}\n"
                + "}\n";
        files.put(Definitions.EDITION_FILE, utf8(edition));
        return files;
    }

    /**
     * The base: 10 blocks of 10 questions, each 8 scale questions, one other type (grade, number, multi
     * or text) and a yes/no question that the next block routes on; clusters of 6, or of 4 and 4.
     */
    private static String baseModule() {
        List<String> questions = new ArrayList<>();
        List<String> clusters = new ArrayList<>();
        for (int block = 0; block < BASE_QUESTIONS / 10; block++) {
            String scale = block % 2 == 0 ? "eens5" : "tevr5";
            for (int k = 1; k <= 10; k++) {
                int i = block * 10 + k;
                String id = baseId(i);
                String visibleIf = null;
                if (k == 5) {
                    visibleIf = block == 0 ? baseId(1) + " >= 3" : baseId(i - 5) + " = 'ja'";
                } else if (k == 7) {
                    visibleIf = baseId(i - 1) + " >= 2 and " + baseId(i - 2) + " != 'nvt'";
                }
                if (k <= 8) {
                    questions.add(scaleQuestion(id, scale, visibleIf));
                } else if (k == 9) {
                    questions.add(otherQuestion(id, block));
                } else {
                    questions.add(yesNoQuestion(id, null));
                }
            }
            int first = block * 10 + 1;
            if (block % 2 == 0) {
                clusters.add(cluster("bc" + block + "a", rangeBase(first, 6), baseId(first + 2), null));
            } else {
                clusters.add(cluster("bc" + block + "a", rangeBase(first, 4), null, 3));
                clusters.add(cluster("bc" + block + "b", rangeBase(first + 4, 4), baseId(first + 5), 2));
            }
        }
        return module(
                "basis", "base", List.of(scale("eens5", "eens"), scale("tevr5", "tevreden")), questions, clusters);
    }

    /**
     * An optional module of 25 questions: 20 scale questions in clusters of 6, 5, 4 and 4, a yes/no, a
     * multi, a number, a grade and an open question, with routing on its own and on base questions.
     */
    private static String optionalModule(int m) {
        List<String> questions = new ArrayList<>();
        questions.add(yesNoQuestion(optId(m, 1), null));
        for (int k = 2; k <= 7; k++) {
            questions.add(scaleQuestion(optId(m, k), "eens5", null));
        }
        questions.add(scaleQuestion(optId(m, 8), "eens5", baseId(10 * m) + " = 'ja'"));
        for (int k = 9; k <= 13; k++) {
            questions.add(scaleQuestion(optId(m, k), "eens5", k == 13 ? optId(m, 1) + " = 'ja'" : null));
        }
        questions.add(multiQuestion(optId(m, 14), null));
        for (int k = 15; k <= 18; k++) {
            questions.add(scaleQuestion(
                    optId(m, k),
                    "eens5",
                    k == 15 ? optId(m, 14) + " = 'a' or " + optId(m, 14) + " in ('b', 'c')" : null));
        }
        questions.add(numberQuestion(optId(m, 19), null));
        questions.add(gradeQuestion(optId(m, 20), optId(m, 19) + " > 3"));
        for (int k = 21; k <= 24; k++) {
            questions.add(scaleQuestion(optId(m, k), "eens5", null));
        }
        questions.add(textQuestion(optId(m, 25), "answered(" + optId(m, 19) + ") and not " + baseId(1) + " < 2"));
        List<String> clusters = List.of(
                cluster("o" + m + "c1", rangeOpt(m, 2, 6), optId(m, 3), 4),
                cluster("o" + m + "c2", rangeOpt(m, 9, 5), null, null),
                cluster("o" + m + "c3", rangeOpt(m, 15, 4), optId(m, 18), null),
                cluster("o" + m + "c4", rangeOpt(m, 21, 4), null, 2));
        return module("opt" + m, "optional", List.of(scale("eens5", "eens")), questions, clusters);
    }

    private static String baseId(int i) {
        return String.format(Locale.ROOT, "b%03d", i);
    }

    private static String optId(int module, int k) {
        return String.format(Locale.ROOT, "o%dq%02d", module, k);
    }

    private static List<String> rangeBase(int first, int count) {
        List<String> result = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            result.add(baseId(i));
        }
        return result;
    }

    private static List<String> rangeOpt(int module, int first, int count) {
        List<String> result = new ArrayList<>();
        for (int k = first; k < first + count; k++) {
            result.add(optId(module, k));
        }
        return result;
    }

    // ---------------------------------------------------------------------------------- JSON text

    private static String module(
            String id, String kind, List<String> scales, List<String> questions, List<String> clusters) {
        return "{\n"
                + "  \"format\": \"peiling.module/1\",\n"
                + "  \"id\": " + quote(id) + ",\n"
                + "  \"version\": \"2099.1\",\n"
                + "  \"kind\": " + quote(kind) + ",\n"
                + "  \"title\": " + text("Module " + id) + ",\n"
                + "  \"scales\": [\n    " + String.join(",\n    ", scales) + "\n  ],\n"
                + "  \"questions\": [\n    " + String.join(",\n    ", questions) + "\n  ],\n"
                + "  \"clusters\": [\n    " + String.join(",\n    ", clusters) + "\n  ]\n"
                + "}\n";
    }

    private static String scale(String id, String word) {
        List<String> points = new ArrayList<>();
        for (int code = 1; code <= 5; code++) {
            points.add("{\"code\": " + code + ", \"label\": " + text(word + " " + code) + "}");
        }
        return "{\"id\": " + quote(id) + ", \"points\": [" + String.join(", ", points) + "], "
                + "\"negative\": [1, 2], \"neutral\": [3], \"positive\": [4, 5], "
                + "\"nonSubstantive\": [{\"code\": \"nvt\", \"label\": " + text("niet van toepassing") + "}]}";
    }

    private static String scaleQuestion(String id, String scale, String visibleIf) {
        return question(id, "scale", "\"scale\": " + quote(scale), visibleIf);
    }

    private static String yesNoQuestion(String id, String visibleIf) {
        return question(
                id,
                "single",
                "\"options\": [" + option("ja") + ", " + option("nee") + ", " + option("wn") + "]",
                visibleIf);
    }

    private static String multiQuestion(String id, String visibleIf) {
        return question(
                id,
                "multi",
                "\"options\": [" + option("a") + ", " + option("b") + ", " + option("c") + "], "
                        + "\"minSelected\": 1, \"maxSelected\": 2",
                visibleIf);
    }

    private static String numberQuestion(String id, String visibleIf) {
        return question(id, "number", "\"min\": 0, \"max\": 40.5, \"unit\": " + text("uur"), visibleIf);
    }

    private static String gradeQuestion(String id, String visibleIf) {
        return question(id, "grade", null, visibleIf);
    }

    private static String textQuestion(String id, String visibleIf) {
        return question(id, "text", "\"maxLength\": 500", visibleIf);
    }

    /** The base block's one question of another type, rotating over grade, number, multi and text. */
    private static String otherQuestion(String id, int block) {
        return switch (block % 4) {
            case 0 -> gradeQuestion(id, null);
            case 1 -> numberQuestion(id, null);
            case 2 -> multiQuestion(id, null);
            default -> textQuestion(id, null);
        };
    }

    private static String question(String id, String type, String extra, String visibleIf) {
        return "{\"id\": " + quote(id) + ", \"type\": " + quote(type) + ", \"text\": " + text("Vraag " + id)
                + (extra == null ? "" : ", " + extra)
                + (visibleIf == null ? "" : ", \"visibleIf\": " + quote(visibleIf))
                + "}";
    }

    private static String cluster(String id, List<String> items, String reverse, Integer minAnswered) {
        List<String> quoted = items.stream().map(ValidationBenchmark::quote).toList();
        return "{\"id\": " + quote(id) + ", \"title\": " + text("Cluster " + id)
                + ", \"items\": [" + String.join(", ", quoted) + "]"
                + (reverse == null ? "" : ", \"reverse\": [" + quote(reverse) + "]")
                + (minAnswered == null ? "" : ", \"minAnswered\": " + minAnswered)
                + "}";
    }

    private static String option(String code) {
        return "{\"code\": " + quote(code) + ", \"label\": " + text("optie " + code) + "}";
    }

    private static String text(String dutch) {
        return "{\"nl\": " + quote(dutch) + ", \"en\": " + quote("EN " + dutch) + "}";
    }

    /** A JSON string; the generated texts have no characters that need escaping. */
    private static String quote(String value) {
        return '"' + value + '"';
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
