package nl.peiling.core.codebook;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a codebook as GitHub-flavoured Markdown: a table of the respondent fields, then one table per module
 * with its questions. Codes and routing conditions are code spans; other text is escaped so that a label cannot
 * break the table or turn into markup.
 */
final class MarkdownWriter {

    private static final List<String> COLUMNS =
            List.of("md.variable", "md.type", "md.label", "md.values", "md.nonSubstantive", "md.visibleIf", "md.notes");

    private MarkdownWriter() {}

    static void write(Codebook codebook, Appendable out) throws IOException {
        Texts texts = Texts.of(codebook.language());
        out.append("# ")
                .append(text(texts.format("md.title", codebook.edition())))
                .append("\n\n");
        out.append(texts.get("md.intro")).append("\n");
        section(
                out,
                texts,
                texts.get("md.respondentFields"),
                codebook.variables().stream()
                        .filter(Variable::isRespondentField)
                        .toList());
        for (Map.Entry<String, String> module : codebook.modules().entrySet()) {
            List<Variable> questions = codebook.variables().stream()
                    .filter(v -> module.getKey().equals(v.module()))
                    .toList();
            if (!questions.isEmpty()) {
                section(out, texts, text(module.getValue()) + " (" + code(module.getKey()) + ")", questions);
            }
        }
    }

    private static void section(Appendable out, Texts texts, String heading, List<Variable> variables)
            throws IOException {
        out.append("\n## ").append(heading).append("\n\n");
        out.append(COLUMNS.stream().map(texts::get).collect(Collectors.joining(" | ", "| ", " |\n")));
        out.append(COLUMNS.stream().map(c -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        for (Variable v : variables) {
            List<String> cells = List.of(
                    code(v.name()),
                    v.type(),
                    text(v.label()),
                    values(v.values()),
                    v.nonSubstantive().entrySet().stream()
                            .map(e -> code(e.getKey()) + " " + text(e.getValue()) + " ("
                                    + v.missingCodes().get(e.getKey()) + ")")
                            .collect(Collectors.joining("<br>")),
                    v.visibleIf() == null ? "" : code(v.visibleIf()),
                    text(v.notes()));
            out.append(cells.stream().collect(Collectors.joining(" | ", "| ", " |\n")));
        }
    }

    /** Codes with their labels, one per line; codes that are their own label (grades) on one line. */
    private static String values(Map<String, String> values) {
        if (values.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return values.keySet().stream().map(MarkdownWriter::code).collect(Collectors.joining(", "));
        }
        return values.entrySet().stream()
                .map(e -> code(e.getKey()) + " " + text(e.getValue()))
                .collect(Collectors.joining("<br>"));
    }

    /** A code span; GitHub tables need {@code |} escaped even there. Falls back to escaped text for backticks. */
    static String code(String code) {
        String line = oneLine(code);
        if (line.isEmpty() || line.contains("`")) {
            return text(line);
        }
        return "`" + line.replace("|", "\\|") + "`";
    }

    /** Text with Markdown's inline punctuation escaped, on one line. */
    static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : oneLine(text).toCharArray()) {
            if ("\\`*_[]<>|".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
