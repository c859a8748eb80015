package nl.peiling.core.codebook;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/**
 * The codebook of an edition's data file: one {@link Variable} per column of {@code responses.csv}, in the
 * order of the file (the respondent fields, then every question in questionnaire order), with labels in one
 * language, value labels, non-substantive codes and the numeric missing codes the SPSS syntax uses.
 *
 * <p>Written as CSV ({@link #toCsv()}), Markdown ({@link #toMarkdown()}) or SPSS syntax ({@link #toSpss()}), or
 * with {@link #write(Format, Appendable)}. A codebook is immutable; {@link #withDataFile(String)} returns a copy
 * whose SPSS syntax reads another file.
 *
 * <pre>{@code
 * Codebook codebook = Codebook.of(edition, "nl");
 * codebook.variable("doc04").map(Variable::label);   // "Docenten vertellen me wat ik kan verbeteren ..."
 * Files.writeString(Path.of("responses.sps"), codebook.toSpss());
 * }</pre>
 */
public final class Codebook {

    /** The languages a codebook can be written in. */
    public static final List<String> LANGUAGES = List.of("nl", "en");

    /** The data file the SPSS syntax reads unless told otherwise. */
    public static final String DEFAULT_DATA_FILE = "responses.csv";

    /** The columns before the questions, in the order of the data file. */
    public static final List<String> RESPONDENT_FIELDS =
            List.of("respondent", "institution", "location", "level", "pathway", "modules");

    /** The lowest numeric code a non-substantive code is recoded to, unless a scale has points that high. */
    public static final int FIRST_MISSING_CODE = 97;

    // Widths in bytes of the free-form respondent fields: a hex HMAC-SHA256 pseudonym is 64 characters, BRIN
    // and location codes are a few; the margin keeps a longer key from being cut off silently in SPSS.
    static final int RESPONDENT_WIDTH = 100;
    static final int CODE_WIDTH = 16;
    // An unbounded text answer is read as this many bytes; bounded ones as 4 bytes (the longest UTF-8
    // character) per allowed character.
    static final int TEXT_WIDTH = 4000;
    static final int MAX_STRING_WIDTH = 32767;

    private final String edition;
    private final String language;
    private final Map<String, String> modules;
    private final Map<String, Integer> missingCodes;
    private final List<Variable> variables;
    private final String dataFile;

    private Codebook(
            String edition,
            String language,
            Map<String, String> modules,
            Map<String, Integer> missingCodes,
            List<Variable> variables,
            String dataFile) {
        this.edition = edition;
        this.language = language;
        this.modules = modules;
        this.missingCodes = missingCodes;
        this.variables = variables;
        this.dataFile = dataFile;
    }

    /**
     * The codebook of an edition with labels in one language.
     *
     * @param edition a valid edition
     * @param language one of {@link #LANGUAGES}; a text missing in that language falls back to Dutch
     * @throws IllegalArgumentException when the language is not supported, when a question id repeats the name
     *     of a respondent field, or when a scale question names a scale its module lacks
     */
    public static Codebook of(Edition edition, String language) {
        requireNonNull(edition, "edition");
        requireNonNull(language, "language");
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "language \"%s\" is not one of %s", language, String.join(", ", LANGUAGES)));
        }
        Texts texts = Texts.of(language);
        Map<String, Integer> missingCodes = missingCodes(edition);
        Map<String, String> modules = new LinkedHashMap<>();
        edition.modules().forEach(m -> modules.put(m.id(), m.title().in(language)));

        List<Variable> variables = new ArrayList<>(respondentFields(edition, language, texts));
        for (Module module : edition.modules()) {
            for (Question question : module.questions()) {
                if (RESPONDENT_FIELDS.contains(question.id())) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "modules[%s].questions[%s]: question id \"%s\" is the name of a respondent field (%s)",
                            module.id(),
                            question.id(),
                            question.id(),
                            String.join(", ", RESPONDENT_FIELDS)));
                }
                variables.add(variable(question, module, language, texts, missingCodes));
            }
        }
        return new Codebook(
                edition.id(),
                language,
                Collections.unmodifiableMap(modules),
                Collections.unmodifiableMap(missingCodes),
                List.copyOf(variables),
                DEFAULT_DATA_FILE);
    }

    /** A copy whose SPSS syntax reads {@code dataFile} (a path as SPSS should see it) instead. */
    public Codebook withDataFile(String dataFile) {
        requireNonNull(dataFile, "dataFile");
        if (dataFile.isBlank() || dataFile.contains("\n") || dataFile.contains("\r")) {
            throw new IllegalArgumentException("dataFile \"" + dataFile + "\" must be a non-blank path on one line");
        }
        return new Codebook(edition, language, modules, missingCodes, variables, dataFile);
    }

    /** The edition id. */
    public String edition() {
        return edition;
    }

    /** The language of the labels. */
    public String language() {
        return language;
    }

    /** The data file the SPSS syntax reads. */
    public String dataFile() {
        return dataFile;
    }

    /** The module ids with their titles in the codebook's language, in questionnaire order. */
    public Map<String, String> modules() {
        return modules;
    }

    /**
     * The numeric code of each distinct non-substantive code of the edition, in order of first use:
     * {@value #FIRST_MISSING_CODE}, 98, ... or, when a scale has points that high, from its highest point + 1.
     */
    public Map<String, Integer> missingCodes() {
        return missingCodes;
    }

    /** The variables, one per column of the data file, in the order of the file. */
    public List<Variable> variables() {
        return variables;
    }

    /** The variable of a column, if the data file has it. */
    public Optional<Variable> variable(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The codebook as CSV: a header row and one row per variable, RFC 4180 quoting, LF line ends. */
    public String toCsv() {
        return write(Format.CSV);
    }

    /** The codebook as Markdown: a table of respondent fields and one table per module. */
    public String toMarkdown() {
        return write(Format.MARKDOWN);
    }

    /** SPSS syntax that reads {@link #dataFile()} and sets variable labels, value labels and missing values. */
    public String toSpss() {
        return write(Format.SPSS);
    }

    /** SPSS syntax that reads {@code dataFile}; the same as {@code withDataFile(dataFile).toSpss()}. */
    public String toSpss(String dataFile) {
        return withDataFile(dataFile).toSpss();
    }

    /** Writes the codebook in a format; the text is UTF-8 clean and ends with a line break. */
    public void write(Format format, Appendable out) throws IOException {
        requireNonNull(format, "format");
        requireNonNull(out, "out");
        switch (format) {
            case CSV -> CsvWriter.write(this, out);
            case MARKDOWN -> MarkdownWriter.write(this, out);
            case SPSS -> SpssWriter.write(this, out);
            default -> throw new IllegalStateException("unknown format " + format);
        }
    }

    /** The codebook in a format, as a string. */
    public String write(Format format) {
        StringBuilder text = new StringBuilder();
        try {
            write(format, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Codebook[%s %s: %d variables (%d respondent fields, %d questions), missing codes %s]",
                edition,
                language,
                variables.size(),
                RESPONDENT_FIELDS.size(),
                variables.size() - RESPONDENT_FIELDS.size(),
                missingCodes);
    }

    private static Map<String, Integer> missingCodes(Edition edition) {
        int highestPoint = 0;
        List<String> codes = new ArrayList<>();
        for (Module module : edition.modules()) {
            for (Question question : module.questions()) {
                if (question instanceof ScaleQuestion item) {
                    Scale scale = scaleOf(item, module);
                    highestPoint = Math.max(highestPoint, scale.max());
                    scale.nonSubstantive().stream()
                            .map(Option::code)
                            .filter(code -> !codes.contains(code))
                            .forEach(codes::add);
                }
            }
        }
        int first = Math.max(FIRST_MISSING_CODE, highestPoint + 1);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            numbers.put(codes.get(i), first + i);
        }
        return numbers;
    }

    private static Scale scaleOf(ScaleQuestion question, Module module) {
        return module.scale(question.scale())
                .orElseThrow(() -> new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "modules[%s].questions[%s]: unknown scale \"%s\" (known: %s)",
                        module.id(),
                        question.id(),
                        question.scale(),
                        module.scales().stream().map(Scale::id).collect(Collectors.joining(", ")))));
    }

    private static List<Variable> respondentFields(Edition edition, String language, Texts texts) {
        Map<String, String> levels = new LinkedHashMap<>();
        for (int level = ResponseLayout.MIN_LEVEL; level <= ResponseLayout.MAX_LEVEL; level++) {
            levels.put(Integer.toString(level), texts.get("level." + level));
        }
        Map<String, String> pathways = new LinkedHashMap<>();
        for (Pathway pathway : Pathway.values()) {
            pathways.put(pathway.name(), texts.get("pathway." + pathway.name()));
        }
        Map<String, String> modules = new LinkedHashMap<>();
        edition.modules().forEach(m -> modules.put(m.id(), m.title().in(language)));
        List<Variable> fields = new ArrayList<>();
        for (String column : ResponseLayout.FIXED_COLUMNS) {
            fields.add(
                    switch (column) {
                        case "respondent" ->
                            field(
                                    column,
                                    "key",
                                    texts,
                                    Map.of(),
                                    texts.get("notes.respondent"),
                                    "A" + RESPONDENT_WIDTH);
                        case "institution", "location" -> field(column, "code", texts, Map.of(), "", "A" + CODE_WIDTH);
                        case "level" -> field(column, "single", texts, levels, "", "F1.0");
                        case "pathway" -> field(column, "single", texts, pathways, "", "A3");
                        case "modules" ->
                            field(
                                    column,
                                    "multi",
                                    texts,
                                    modules,
                                    texts.get("notes.modules"),
                                    "A" + joinedWidth(modules));
                        default ->
                            throw new IllegalStateException("the codebook has no entry for respondent field " + column
                                    + " of " + ResponseLayout.FIXED_COLUMNS);
                    });
        }
        return List.copyOf(fields);
    }

    private static Variable field(
            String name, String type, Texts texts, Map<String, String> values, String notes, String spssFormat) {
        return new Variable(name, null, type, texts.get(name), null, values, Map.of(), Map.of(), notes, spssFormat);
    }

    private static Variable variable(
            Question question, Module module, String language, Texts texts, Map<String, Integer> missingCodes) {
        String label = question.text().in(language);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> nonSubstantive = new LinkedHashMap<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        String notes = "";
        String format;
        if (question instanceof ScaleQuestion item) {
            Scale scale = scaleOf(item, module);
            for (ScalePoint point : scale.points()) {
                values.put(Integer.toString(point.code()), point.label().in(language));
            }
            int widest = Math.max(
                    Integer.toString(scale.max()).length(),
                    Integer.toString(scale.min()).length());
            for (Option code : scale.nonSubstantive()) {
                nonSubstantive.put(code.code(), code.label().in(language));
                int number = missingCodes.get(code.code());
                missing.put(code.code(), number);
                widest = Math.max(widest, Integer.toString(number).length());
            }
            notes = texts.format(
                    "notes.scale",
                    scale.id(),
                    codes(scale.negative()),
                    codes(scale.neutral()),
                    codes(scale.positive()));
            format = "F" + widest + ".0";
        } else if (question instanceof SingleQuestion single) {
            single.options().forEach(o -> values.put(o.code(), o.label().in(language)));
            format = "A" + widest(values);
        } else if (question instanceof MultiQuestion multi) {
            multi.options().forEach(o -> values.put(o.code(), o.label().in(language)));
            notes = texts.get("notes.multi") + bounds(texts, multi.minSelected(), multi.maxSelected(), "notes.codes");
            format = "A" + joinedWidth(values);
        } else if (question instanceof NumberQuestion number) {
            notes = texts.get("notes.number")
                    + (number.unit() == null
                            ? ""
                            : texts.format("notes.unit", number.unit().in(language)))
                    + bounds(texts, plain(number.min()), plain(number.max()), null);
            format = numberFormat(number);
        } else if (question instanceof GradeQuestion) {
            for (int grade = GradeQuestion.MIN; grade <= GradeQuestion.MAX; grade++) {
                values.put(Integer.toString(grade), Integer.toString(grade));
            }
            notes = texts.get("notes.grade");
            format = "F2.0";
        } else if (question instanceof TextQuestion text) {
            notes = texts.get("notes.text") + bounds(texts, null, text.maxLength(), "notes.characters");
            long width = text.maxLength() == null ? TEXT_WIDTH : 4L * text.maxLength();
            format = "A" + Math.min(MAX_STRING_WIDTH, width);
        } else {
            throw new IllegalStateException(
                    "unknown question type " + question.getClass().getName());
        }
        return new Variable(
                question.id(),
                module.id(),
                question.type().key(),
                label,
                question.visibleIf(),
                values,
                nonSubstantive,
                missing,
                notes,
                format);
    }

    /** "; at least 1, at most 3 codes" or "" when there are no bounds. */
    private static String bounds(Texts texts, Object min, Object max, String unitKey) {
        String unit = unitKey == null ? "" : texts.get(unitKey);
        if (min != null && max != null) {
            return "; " + texts.format("notes.between", min, max) + unit;
        } else if (min != null) {
            return "; " + texts.format("notes.atLeast", min) + unit;
        } else if (max != null) {
            return "; " + texts.format("notes.atMost", max) + unit;
        }
        return "";
    }

    private static String codes(List<Integer> codes) {
        return codes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    // Two decimals are shown unless the bounds have more; the width holds the widest bound, or twelve
    // characters when a bound is missing. SPSS reads delimited numbers whole whatever the width.
    private static String numberFormat(NumberQuestion question) {
        BigDecimal min = question.min();
        BigDecimal max = question.max();
        int decimals = 2;
        for (BigDecimal bound : new BigDecimal[] {min, max}) {
            if (bound != null) {
                decimals = Math.max(
                        decimals, Math.max(0, bound.stripTrailingZeros().scale()));
            }
        }
        int width = 12;
        if (min != null && max != null) {
            int integerDigits = Math.max(integerDigits(min), integerDigits(max));
            boolean negative = min.signum() < 0;
            width = integerDigits + 1 + decimals + (negative ? 1 : 0);
        }
        return "F" + Math.max(width, decimals + 2) + "." + decimals;
    }

    private static int integerDigits(BigDecimal number) {
        return number.abs()
                .setScale(0, java.math.RoundingMode.DOWN)
                .toPlainString()
                .length();
    }

    private static int widest(Map<String, String> values) {
        return Math.max(
                1, values.keySet().stream().mapToInt(Codebook::bytes).max().orElse(1));
    }

    /** The width of all codes joined by {@code |}, the longest cell a multi column can hold. */
    private static int joinedWidth(Map<String, String> values) {
        int sum = values.keySet().stream().mapToInt(Codebook::bytes).sum() + Math.max(0, values.size() - 1);
        return Math.max(1, Math.min(MAX_STRING_WIDTH, sum));
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
