package nl.peiling.stats.responses;

import static nl.peiling.core.engine.ResponseLayout.FIXED_COLUMNS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.peiling.core.io.Utf8;

/**
 * The header of one responses file bound to the edition: which question each column holds, and per
 * column the bytes that are a whole answer (see {@link Schema#digitBytes}) and the bit of the question's
 * module.
 */
record Layout(Schema schema, List<String> header, int[] columnQuestion, long[] columnDigits, long[] columnModule) {

    /**
     * Binds the header that {@code fields} split from {@code data} to the schema's questions.
     *
     * @throws ResponseFormatException naming the file ({@code name}), the column and its value when the
     *     header is not the respondent fields followed by distinct question ids
     */
    static Layout bind(Schema schema, String name, byte[] data, Fields fields) {
        if (fields.malformed >= 0) {
            throw new ResponseFormatException(
                    name,
                    "header column " + (fields.malformed + 1)
                            + (fields.unclosed()
                                    ? " has no closing quote"
                                    : " has text after its closing quote: " + fields.malformedText(data)));
        }
        List<String> header = new ArrayList<>();
        for (int f = 0; f < fields.count; f++) {
            if (!Utf8.isValid(data, fields.starts[f], fields.ends[f])) {
                throw new ResponseFormatException(
                        name, "line 1: header column " + (f + 1) + " is not UTF-8 text (is the file UTF-8?)");
            }
            header.add(fields.text(data, f));
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (int i = 0; i < FIXED_COLUMNS.size(); i++) {
            if (header.size() <= i || !header.get(i).equals(FIXED_COLUMNS.get(i))) {
                throw new ResponseFormatException(
                        name,
                        String.format(
                                Locale.ROOT,
                                "header column %d is %s; the header must start with %s",
                                i + 1,
                                header.size() <= i ? "missing" : "\"" + header.get(i) + "\"",
                                String.join(",", FIXED_COLUMNS)));
            }
        }
        int[] columnQuestion = new int[header.size()];
        Arrays.fill(columnQuestion, -1);
        Set<String> seen = new HashSet<>();
        for (int c = FIXED_COLUMNS.size(); c < header.size(); c++) {
            String column = header.get(c);
            int q = schema.questionnaire.indexOf(column);
            if (q < 0) {
                throw new ResponseFormatException(
                        name,
                        "header column " + (c + 1) + " \"" + column + "\" is not a question of edition "
                                + schema.edition
                                + " (known question ids name the columns after "
                                + FIXED_COLUMNS.get(FIXED_COLUMNS.size() - 1) + ")");
            }
            if (!seen.add(column)) {
                throw new ResponseFormatException(
                        name, "header column " + (c + 1) + " \"" + column + "\" appears twice");
            }
            columnQuestion[c] = q;
        }
        long[] columnDigits = new long[header.size()];
        long[] columnModule = new long[header.size()];
        for (int c = FIXED_COLUMNS.size(); c < header.size(); c++) {
            columnDigits[c] = schema.digitBytes[columnQuestion[c]];
            columnModule[c] = 1L << schema.rules[columnQuestion[c]].module();
        }
        return new Layout(schema, List.copyOf(header), columnQuestion, columnDigits, columnModule);
    }
}
