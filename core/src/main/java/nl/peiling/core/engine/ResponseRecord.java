package nl.peiling.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.Csv;

/**
 * A finished respondent's row of {@code responses.csv}: the respondent fields, then one cell per
 * question of the edition (empty when not answered, not shown or not allocated).
 *
 * @param columns the column names, as {@link ResponseLayout#columns}
 * @param cells the cell texts, one per column
 */
public record ResponseRecord(List<String> columns, List<String> cells) {

    public ResponseRecord {
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
        if (columns.size() != cells.size()) {
            throw new IllegalArgumentException(
                    cells.size() + " cells for " + columns.size() + " columns; a record has one cell per column");
        }
    }

    /** The cell of a column; empty for an unknown column. */
    public String cell(String column) {
        int at = columns.indexOf(column);
        return at < 0 ? "" : cells.get(at);
    }

    /** The record as a map from column to cell, in column order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            map.put(columns.get(i), cells.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The header line of the file, without a line end. */
    public String csvHeader() {
        return line(columns);
    }

    /** The record as a line of {@code responses.csv}, quoted by RFC 4180, without a line end. */
    public String csvLine() {
        return line(cells);
    }

    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder(fields.size() * 3);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Csv.append(line, fields.get(i));
        }
        return line.toString();
    }

    @Override
    public String toString() {
        long answered = cells.stream()
                .skip(ResponseLayout.FIXED_COLUMNS.size())
                .filter(c -> !c.isEmpty())
                .count();
        return "ResponseRecord[" + cells.get(0) + ", " + answered + " answers]";
    }
}
