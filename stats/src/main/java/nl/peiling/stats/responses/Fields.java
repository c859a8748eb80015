package nl.peiling.stats.responses;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The fields of one record: ranges into the data, with a flag for quoted fields with doubled quotes. */
final class Fields {
    int[] starts = new int[256];
    int[] ends = new int[256];
    boolean[] escaped = new boolean[256];
    int count;

    /** Where the last split record's content ends (before its line end). */
    int recordEnd;
    /** The line ends inside quoted fields of the last split record. */
    int innerNewlines;
    /**
     * The first field of the last split record that is quoted but not well formed (text between its
     * closing quote and the next delimiter, or no closing quote), or -1; its bytes from the opening
     * quote are data[malformedFrom, malformedTo).
     */
    int malformed;

    int malformedFrom;
    int malformedTo;

    /** Whether the {@link #malformed} field has no closing quote (it runs to the end of the data). */
    boolean unclosed() {
        return ends[malformed] == malformedTo;
    }

    /** The {@link #malformed} field as written, from its opening quote. */
    String malformedText(byte[] data) {
        return new String(data, malformedFrom, malformedTo - malformedFrom, StandardCharsets.UTF_8);
    }

    /**
     * Splits the record that starts at {@code start} into fields, up to its line end outside quotes
     * or {@code limit}; returns where the next record starts. Unquoted stretches are scanned eight
     * bytes at a time: a word without quote or line end yields all its commas at once.
     */
    int split(byte[] data, int start, int limit) {
        count = 0;
        innerNewlines = 0;
        malformed = -1;
        int fieldStart = start;
        int i = start;
        while (true) {
            if (i + 8 <= limit) {
                long word = (long) Swar.LONGS.get(data, i);
                long specials = Swar.zeros(word ^ Swar.QUOTES) | Swar.zeros(word ^ Swar.NEWLINES);
                if (specials == 0 && data[fieldStart] != '"') {
                    long commas = Swar.zeros(word ^ Swar.COMMAS);
                    while (commas != 0) {
                        int at = i + (Long.numberOfTrailingZeros(commas) >>> 3);
                        add(fieldStart, at, false);
                        fieldStart = at + 1;
                        commas &= commas - 1;
                    }
                    i += 8;
                    continue;
                }
            }
            if (i >= limit) {
                int end = limit > fieldStart && data[limit - 1] == '\r' ? limit - 1 : limit;
                add(fieldStart, end, false);
                recordEnd = end;
                return limit;
            }
            byte b = data[i];
            if (b == ',') {
                add(fieldStart, i, false);
                fieldStart = ++i;
            } else if (b == '\n') {
                int end = i > fieldStart && data[i - 1] == '\r' ? i - 1 : i;
                add(fieldStart, end, false);
                recordEnd = end;
                return i + 1;
            } else if (b == '"' && i == fieldStart) {
                i = quoted(data, i, limit);
                if (i >= limit || data[i] == '\n') {
                    recordEnd = i;
                    return i >= limit ? limit : i + 1;
                }
                fieldStart = ++i; // after the comma
                if (fieldStart == limit) {
                    add(limit, limit, false);
                    recordEnd = limit;
                    return limit;
                }
            } else {
                i++;
            }
        }
    }

    /**
     * Reads the quoted field at data[i] (a quote); returns the position of the delimiter after it. Text
     * between the closing quote and the delimiter, or a missing closing quote, makes the field
     * {@link #malformed}.
     */
    private int quoted(byte[] data, int i, int limit) {
        int from = i + 1;
        int j = from;
        boolean doubled = false;
        while (j < limit) {
            byte c = data[j];
            if (c == '"') {
                if (j + 1 < limit && data[j + 1] == '"') {
                    doubled = true;
                    j += 2;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                innerNewlines++;
            }
            j++;
        }
        add(from, Math.min(j, limit), doubled);
        int k = j + 1;
        byte b;
        while (k < limit && (b = data[k]) != ',' && b != '\n') {
            k++;
        }
        // A \r before the line end (or at the end of the data) ends the line, not the field.
        int end = Math.min(k, limit);
        if (end > j + 1 && data[end - 1] == '\r' && (k >= limit || data[k] == '\n')) {
            end--;
        }
        if ((j >= limit || end > j + 1) && malformed < 0) {
            malformed = count - 1;
            malformedFrom = i;
            malformedTo = Math.min(end, limit);
        }
        return Math.min(k, limit);
    }

    private void add(int from, int to, boolean doubled) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            escaped = Arrays.copyOf(escaped, count * 2);
        }
        starts[count] = from;
        ends[count] = to;
        escaped[count] = doubled;
        count++;
    }

    /** Whether the field is exactly these bytes (an unquoted or quoted field without doubled quotes). */
    boolean is(byte[] data, int field, byte[] value) {
        return !escaped[field] && Arrays.equals(data, starts[field], ends[field], value, 0, value.length);
    }

    String text(byte[] data, int field) {
        if (escaped[field]) {
            return new String(unescaped(data, field), StandardCharsets.UTF_8);
        }
        return new String(data, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    byte[] unescaped(byte[] data, int field) {
        byte[] out = new byte[ends[field] - starts[field]];
        int n = 0;
        for (int i = starts[field]; i < ends[field]; i++) {
            out[n++] = data[i];
            if (data[i] == '"' && i + 1 < ends[field] && data[i + 1] == '"') {
                i++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
