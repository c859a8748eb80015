package nl.peiling.stats.sampling;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.peiling.core.io.Utf8;

/**
 * A streaming reader of some named columns of a CSV file with a header row (RFC 4180, UTF-8, optional byte order
 * mark). Only the wanted cells of a row are handed on and nothing is kept between rows, so memory does not grow with
 * the number of rows. Every problem is a {@link BarometerException} naming the file and line.
 */
final class CsvColumns {

    /** Receives the wanted cells of one data row, in the order asked for; absent optional columns are null. */
    @FunctionalInterface
    interface RowHandler {
        void row(String[] cells, long line);
    }

    /** Without a schema, the parser gives each row as an array of strings. */
    private static final CsvFactory FACTORY = new CsvFactory().enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private CsvColumns() {}

    /**
     * Reads {@code file}, calling {@code handler} once per data row with the cells of {@code required} then
     * {@code optional} columns.
     *
     * @param name the file name for messages, as the user gave it
     */
    static void read(Path file, String name, List<String> required, List<String> optional, RowHandler handler) {
        // From bytes, so that Jackson decodes UTF-8 in its own buffer and skips a byte order mark (spreadsheets
        // write one; it is not part of the first column's name).
        try (InputStream in = Files.newInputStream(file);
                CsvParser parser = FACTORY.createParser(in)) {
            parser.setSchema(CsvSchema.emptySchema());
            List<String> header = header(parser, name);
            int[] slot = slots(header, name, required, optional);
            String[] cells = new String[required.size() + optional.size()];
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    throw syntax(name, parser.currentTokenLocation(), "expected a row, found " + token);
                }
                // The row's own location is that of the previous row's end; its first cell has the physical line,
                // which counts the line breaks inside quoted cells too.
                Long line = null;
                Arrays.fill(cells, required.size(), cells.length, null);
                int column = 0;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    if (column == 0) {
                        line = (long) parser.currentTokenLocation().getLineNr();
                    }
                    if (column < slot.length && slot[column] >= 0) {
                        cells[slot[column]] = parser.getText();
                    }
                    column++;
                }
                if (column != header.size()) {
                    throw new BarometerException(
                            name,
                            line,
                            null,
                            null,
                            String.format(
                                    Locale.ROOT,
                                    "row has %d fields, the header has %d (RFC 4180: every row has as many fields as"
                                            + " the header)",
                                    column,
                                    header.size()));
                }
                handler.row(cells, line);
            }
        } catch (NoSuchFileException e) {
            throw new BarometerException(name, null, null, null, "cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new BarometerException(name, null, null, null, "cannot read: permission denied", e);
        } catch (JsonProcessingException e) {
            throw syntax(name, e.getLocation(), "malformed CSV: " + e.getOriginalMessage());
        } catch (CharConversionException e) {
            throw new BarometerException(name, invalidLine(file), null, null, "not UTF-8 text (is the file UTF-8?)", e);
        } catch (IOException e) {
            throw new BarometerException(
                    name,
                    null,
                    null,
                    null,
                    "cannot read: " + Objects.requireNonNullElse(e.getMessage(), "I/O error"),
                    e);
        }
    }

    /** The line of the first bytes of the file that are not UTF-8; null when it cannot be told. */
    private static Long invalidLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long line = Utf8.invalidLine(in);
            return line < 0 ? null : line;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> header(CsvParser parser, String name) throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new BarometerException(name, 1L, null, null, "empty file: a header row is required");
        }
        List<String> header = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            header.add(parser.getText());
        }
        return header;
    }

    private static int[] slots(List<String> header, String name, List<String> required, List<String> optional) {
        Map<String, Integer> wanted = new HashMap<>();
        for (int i = 0; i < required.size(); i++) {
            wanted.put(required.get(i), i);
        }
        for (int i = 0; i < optional.size(); i++) {
            wanted.put(optional.get(i), required.size() + i);
        }
        int[] slot = new int[header.size()];
        Arrays.fill(slot, -1);
        boolean[] found = new boolean[required.size() + optional.size()];
        for (int column = 0; column < header.size(); column++) {
            Integer target = wanted.get(header.get(column));
            if (target != null) {
                if (found[target]) {
                    throw new BarometerException(
                            name, 1L, header.get(column), null, "column appears twice in the header");
                }
                found[target] = true;
                slot[column] = target;
            }
        }
        for (int i = 0; i < required.size(); i++) {
            if (!found[i]) {
                throw new BarometerException(
                        name,
                        1L,
                        required.get(i),
                        null,
                        String.format(
                                Locale.ROOT,
                                "missing column (required: %s; header: %s)",
                                String.join(", ", required),
                                String.join(", ", header)));
            }
        }
        return slot;
    }

    private static BarometerException syntax(String name, JsonLocation location, String problem) {
        Long line = location == null || location.getLineNr() < 1 ? null : (long) location.getLineNr();
        return new BarometerException(name, line, null, null, problem);
    }
}
