package nl.peiling.core.codebook;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.peiling.core.io.Csv;

/**
 * Writes a codebook as CSV: one row per variable; code lists as {@code code=label} pairs joined by
 * {@code "; "}, a code alone where its label is the code itself (grades). Fields are quoted by RFC 4180: only
 * when they hold a comma, a quote or a line break, with quotes doubled.
 */
final class CsvWriter {

    static final List<String> HEADER = List.of(
            "variable", "module", "type", "label", "values", "non_substantive", "missing_codes", "visible_if", "notes");

    private CsvWriter() {}

    static void write(Codebook codebook, Appendable out) throws IOException {
        row(out, HEADER);
        for (Variable v : codebook.variables()) {
            row(
                    out,
                    List.of(
                            v.name(),
                            v.module() == null ? "" : v.module(),
                            v.type(),
                            v.label(),
                            pairs(v.values()),
                            pairs(v.nonSubstantive()),
                            pairs(v.missingCodes()),
                            v.visibleIf() == null ? "" : v.visibleIf(),
                            v.notes()));
        }
    }

    private static String pairs(Map<String, ?> map) {
        return map.entrySet().stream()
                .map(e ->
                        e.getKey().equals(String.valueOf(e.getValue())) ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void row(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Csv.quote(fields.get(i)));
        }
        out.append('\n');
    }
}
