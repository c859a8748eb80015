package nl.peiling.stats.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table for people: a header, columns padded to their widest cell, numbers aligned right. */
final class TextTable {

    private final List<String> header;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns whose name starts with {@code >} are aligned right; the {@code >} is not shown. */
    TextTable(String... columns) {
        header = new ArrayList<>();
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            header.add(right[i] ? columns[i].substring(1) : columns[i]);
        }
    }

    TextTable row(String... cells) {
        if (cells.length != right.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + right.length);
        }
        rows.add(cells.clone());
        return this;
    }

    @Override
    public String toString() {
        int[] width = new int[right.length];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, header.toArray(String[]::new), width);
        for (String[] row : rows) {
            line(text, row, width);
        }
        return text.toString();
    }

    private void line(StringBuilder text, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            char[] pad = new char[width[i] - cells[i].length()];
            Arrays.fill(pad, ' ');
            if (right[i]) {
                line.append(pad).append(cells[i]);
            } else {
                line.append(cells[i]).append(pad);
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
