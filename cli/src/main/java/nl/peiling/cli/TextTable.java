package nl.peiling.cli;

import java.util.ArrayList;
import java.util.List;

/** An aligned plain-text table for people: text columns left-aligned, numeric columns right-aligned. */
public final class TextTable {

    private final List<String> header;
    private final boolean[] numeric;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header, boolean[] numeric) {
        this.header = header;
        this.numeric = numeric;
    }

    /** A table with these column names; a name starting with {@code >} is a right-aligned number column. */
    public static TextTable of(String... columns) {
        List<String> names = new ArrayList<>();
        boolean[] numeric = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            numeric[i] = columns[i].startsWith(">");
            names.add(numeric[i] ? columns[i].substring(1) : columns[i]);
        }
        return new TextTable(List.copyOf(names), numeric);
    }

    /** Adds a row; values are shown with {@code String.valueOf}, null as "-". */
    public TextTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.length + " values for " + header.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value == null ? "-" : String.valueOf(value));
        }
        rows.add(row);
        return this;
    }

    @Override
    public String toString() {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(numeric[i] ? pad + cell : cell + pad);
            if (i < cells.size() - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
}
