package nl.peiling.core.codebook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a codebook as SPSS syntax that reads the data file in one step: GET DATA with a format per column,
 * scale items read as text into {@code <id>_raw} and recoded to numbers (non-substantive codes to their
 * missing codes), the raw variables deleted and the file order restored, then VARIABLE LABELS, VALUE LABELS,
 * MISSING VALUES and VARIABLE LEVEL.
 *
 * <p>Every command ends with a period at the end of a line; string literals are in single quotes with quotes
 * doubled, at most {@value #CHUNK_BYTES} bytes each, joined with {@code +} across lines so no line grows long.
 * Labels longer than SPSS allows ({@value #VARIABLE_LABEL_BYTES} bytes for a variable, {@value
 * #VALUE_LABEL_BYTES} for a value) are cut at a word (or else a character) boundary and end with an ellipsis.
 */
final class SpssWriter {

    /** The longest variable label SPSS keeps, in bytes. */
    static final int VARIABLE_LABEL_BYTES = 256;

    /** The longest value label SPSS keeps, in bytes. */
    static final int VALUE_LABEL_BYTES = 120;

    static final int CHUNK_BYTES = 60;
    private static final int LINE = 100;
    private static final String ELLIPSIS = "…";

    /** Words SPSS reserves; none can name a variable. */
    static final Set<String> RESERVED =
            Set.of("all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with");

    private SpssWriter() {}

    static void write(Codebook codebook, Appendable out) throws IOException {
        List<Variable> variables = codebook.variables();
        for (Variable v : variables) {
            if (RESERVED.contains(v.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "variable \"%s\" is a reserved word in SPSS (%s) and cannot name a variable",
                        v.name(),
                        RESERVED.stream()
                                .sorted()
                                .map(w -> w.toUpperCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
            }
        }
        Map<Variable, String> raw = rawNames(variables);

        out.append("* Encoding: UTF-8.\n");
        out.append(comment(String.format(
                Locale.ROOT,
                "Codebook of peiling edition %s, labels in %s.",
                codebook.edition(),
                codebook.language())));
        out.append("* One case per line of the data file, so a text answer must not hold a line break.\n");
        out.append("* An empty cell is system-missing: not answered or not shown.\n");
        if (!codebook.missingCodes().isEmpty()) {
            out.append(comment("Non-substantive codes of scale items become user-missing values: "
                    + codebook.missingCodes().entrySet().stream()
                            .map(e -> e.getKey() + " = " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + "."));
        }

        out.append("\nGET DATA /TYPE=TXT\n");
        out.append("  /FILE=").append(literal(codebook.dataFile())).append('\n');
        out.append("  /ENCODING='UTF8'\n");
        out.append("  /ARRANGEMENT=DELIMITED\n");
        out.append("  /DELCASE=LINE\n");
        out.append("  /FIRSTCASE=2\n");
        out.append("  /DELIMITERS=\",\"\n");
        out.append("  /QUALIFIER='\"'\n");
        out.append("  /VARIABLES=");
        for (int i = 0; i < variables.size(); i++) {
            Variable v = variables.get(i);
            out.append("\n    ");
            if (raw.containsKey(v)) {
                out.append(raw.get(v)).append(" A").append(Integer.toString(rawWidth(v)));
            } else {
                out.append(v.name()).append(' ').append(v.spssFormat());
            }
        }
        out.append(".\n");

        if (!raw.isEmpty()) {
            out.append("\n* Scale items are read as text, because a cell holds a point or a non-substantive code.\n");
            for (Map.Entry<Variable, String> item : raw.entrySet()) {
                Variable v = item.getKey();
                out.append("RECODE ").append(item.getValue());
                for (Map.Entry<String, Integer> code : v.missingCodes().entrySet()) {
                    out.append(" (")
                            .append(literal(code.getKey()))
                            .append('=')
                            .append(code.getValue().toString())
                            .append(')');
                }
                out.append(" (CONVERT) INTO ").append(v.name()).append(".\n");
            }
            Map<String, List<String>> byFormat = new LinkedHashMap<>();
            raw.keySet()
                    .forEach(v -> byFormat.computeIfAbsent(v.spssFormat(), f -> new ArrayList<>())
                            .add(v.name()));
            command(
                    out,
                    "FORMATS",
                    byFormat.entrySet().stream()
                            .map(e -> new Spec(e.getValue(), List.of("(" + e.getKey() + ")")))
                            .toList());
            out.append("EXECUTE.\n");
            list(out, "DELETE VARIABLES", new ArrayList<>(raw.values()));
            out.append("* Back to the column order of the data file.\n");
            list(
                    out,
                    "MATCH FILES /FILE=* /KEEP=",
                    variables.stream().map(Variable::name).toList());
        }

        out.append('\n');
        command(
                out,
                "VARIABLE LABELS",
                variables.stream()
                        .map(v -> new Spec(List.of(v.name()), List.of(label(v.label(), VARIABLE_LABEL_BYTES))))
                        .toList());

        Map<List<String>, List<String>> valueLabels = new LinkedHashMap<>();
        for (Variable v : variables) {
            List<String> lines = valueLabels(v);
            if (!lines.isEmpty()) {
                valueLabels.computeIfAbsent(lines, l -> new ArrayList<>()).add(v.name());
            }
        }
        if (!valueLabels.isEmpty()) {
            out.append('\n');
            command(
                    out,
                    "VALUE LABELS",
                    valueLabels.entrySet().stream()
                            .map(e -> new Spec(e.getValue(), e.getKey()))
                            .toList());
        }

        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (Variable v : variables) {
            if (!v.missingCodes().isEmpty()) {
                missing.computeIfAbsent(missingValues(v), m -> new ArrayList<>())
                        .add(v.name());
            }
        }
        if (!missing.isEmpty()) {
            out.append('\n');
            command(
                    out,
                    "MISSING VALUES",
                    missing.entrySet().stream()
                            .map(e -> new Spec(e.getValue(), List.of(e.getKey())))
                            .toList());
        }

        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Variable v : variables) {
            if (v.isNumeric()) {
                String level = v.type().equals("number") || v.type().equals("grade") ? "(SCALE)" : "(ORDINAL)";
                levels.computeIfAbsent(level, l -> new ArrayList<>()).add(v.name());
            }
        }
        if (!levels.isEmpty()) {
            out.append('\n');
            command(
                    out,
                    "VARIABLE LEVEL",
                    levels.entrySet().stream()
                            .map(e -> new Spec(e.getValue(), List.of(e.getKey())))
                            .toList());
        }
        out.append("\nEXECUTE.\n");
    }

    /** One specification of a command: a list of variables and what follows it, one item per line. */
    private record Spec(List<String> names, List<String> lines) {}

    /**
     * A command of {@code /}-separated specifications. A single item follows its variables on their line,
     * several go one per line below them; continued literals are indented. The period closes the last line.
     */
    private static void command(Appendable out, String name, List<Spec> specs) throws IOException {
        out.append(name);
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            String lead = i == 0 ? "\n  " : "\n  /";
            List<String> nameLines = wrap(spec.names(), LINE - 4);
            out.append(lead).append(nameLines.get(0));
            for (String more : nameLines.subList(1, nameLines.size())) {
                out.append("\n    ").append(more);
            }
            if (spec.lines().size() == 1) {
                String[] parts = spec.lines().get(0).split("\n");
                out.append(' ').append(parts[0]);
                for (int p = 1; p < parts.length; p++) {
                    out.append("\n    ").append(parts[p]);
                }
            } else {
                for (String item : spec.lines()) {
                    String[] parts = item.split("\n");
                    out.append("\n    ").append(parts[0]);
                    for (int p = 1; p < parts.length; p++) {
                        out.append("\n      ").append(parts[p]);
                    }
                }
            }
        }
        out.append(".\n");
    }

    /** A command followed by a plain variable list, wrapped. */
    private static void list(Appendable out, String command, List<String> names) throws IOException {
        String separator = command.endsWith("=") ? "" : " ";
        List<String> lines = wrap(names, LINE - command.length() - 1);
        out.append(command).append(separator).append(lines.get(0));
        for (String more : lines.subList(1, lines.size())) {
            out.append("\n    ").append(more);
        }
        out.append(".\n");
    }

    private static List<String> wrap(List<String> words, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The value label lines of a variable: substantive values, then missing codes; none for code lists. */
    private static List<String> valueLabels(Variable v) {
        List<String> lines = new ArrayList<>();
        if (v.type().equals("multi")) {
            return lines; // a cell holds several codes joined by |, which no single label describes
        }
        for (Map.Entry<String, String> value : v.values().entrySet()) {
            if (!value.getKey().equals(value.getValue())) {
                String code = v.isNumeric() ? value.getKey() : literal(value.getKey());
                lines.add(code + " " + label(value.getValue(), VALUE_LABEL_BYTES));
            }
        }
        for (Map.Entry<String, Integer> code : v.missingCodes().entrySet()) {
            lines.add(code.getValue() + " " + label(v.nonSubstantive().get(code.getKey()), VALUE_LABEL_BYTES));
        }
        return lines;
    }

    // SPSS takes at most three discrete missing values; more become one range, which covers only missing
    // codes because they all lie above every point of every scale.
    private static String missingValues(Variable v) {
        List<Integer> codes = v.missingCodes().values().stream().sorted().toList();
        if (codes.size() <= 3) {
            return codes.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        }
        return "(" + codes.get(0) + " THRU " + codes.get(codes.size() - 1) + ")";
    }

    private static Map<Variable, String> rawNames(List<Variable> variables) {
        Set<String> taken = new HashSet<>();
        variables.forEach(v -> taken.add(v.name().toLowerCase(Locale.ROOT)));
        Map<Variable, String> raw = new LinkedHashMap<>();
        for (Variable v : variables) {
            if (v.type().equals("scale")) {
                String name = v.name() + "_raw";
                for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
                    name = v.name() + "_raw" + n;
                }
                taken.add(name.toLowerCase(Locale.ROOT));
                raw.put(v, name);
            }
        }
        return raw;
    }

    private static int rawWidth(Variable v) {
        int width = 1;
        for (String code : v.values().keySet()) {
            width = Math.max(width, Codebook.bytes(code));
        }
        for (String code : v.nonSubstantive().keySet()) {
            width = Math.max(width, Codebook.bytes(code));
        }
        return width;
    }

    private static String comment(String text) {
        return "* " + text.replaceAll("[\\r\\n]+", " ") + "\n";
    }

    /** A label cut to {@code maxBytes}, as one or more literals joined by {@code +} on separate lines. */
    static String label(String text, int maxBytes) {
        String cut = truncate(oneLine(text), maxBytes);
        return chunks(cut).stream().map(SpssWriter::literal).collect(Collectors.joining(" +\n"));
    }

    /** A string literal: single quotes, inner quotes doubled. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String truncate(String text, int maxBytes) {
        if (Codebook.bytes(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - Codebook.bytes(ELLIPSIS);
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = Codebook.bytes(new String(Character.toChars(codePoint)));
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        // Cut at the last space when one is near, so the label does not end in half a word.
        int space = text.lastIndexOf(' ', end);
        if (space > 0 && end - space <= 20 && text.charAt(end) != ' ') {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * Splits text into pieces of at most {@value #CHUNK_BYTES} bytes, at a space where one is near the end,
     * never inside a character. The pieces joined give the text back.
     */
    static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            int bytes = 0;
            int lastSpace = -1;
            while (end < text.length()) {
                int codePoint = text.codePointAt(end);
                int size = Codebook.bytes(new String(Character.toChars(codePoint)));
                if (bytes + size > CHUNK_BYTES) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
                if (codePoint == ' ') {
                    lastSpace = end;
                }
            }
            if (end < text.length() && lastSpace > start + CHUNK_BYTES / 3) {
                end = lastSpace;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        if (chunks.isEmpty()) {
            chunks.add("");
        }
        return chunks;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n\\t]+\\s*", " ").strip();
    }
}
