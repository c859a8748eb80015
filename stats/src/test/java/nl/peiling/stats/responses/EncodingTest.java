package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.stats.sampling.BarometerException;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes that are not UTF-8, in any field of a responses file, reject their row as {@code encoding}
 * with its line and column, on the fast path and the general path alike; in the header or a population
 * file they stop the read with the line.
 */
class EncodingTest {

    /** Stands in a cell for bytes that are not UTF-8, replaced after the row is written. */
    private static final String MARK = "\u00a7";

    @TempDir
    Path dir;

    private static String line(String respondent, Map<String, String> answers) {
        List<String> columns = ResponseLayout.columns(RoutedOutTest.EDITION);
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            cells.add(
                    switch (column) {
                        case "respondent" -> respondent;
                        case "institution" -> "25LZ";
                        case "location" -> "01";
                        case "level" -> "4";
                        case "pathway" -> "BOL";
                        case "modules" -> "basis|huisvesting|stage";
                        default -> answers.getOrDefault(column, "");
                    });
        }
        return new ResponseRecord(columns, cells).csvLine();
    }

    /** The lines as UTF-8, each mark replaced by these bytes. */
    private Path file(byte[] bad, String... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((String.join(",", ResponseLayout.columns(RoutedOutTest.EDITION)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String line : lines) {
            String[] parts = (line + "\n").split(MARK, -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.writeBytes(bad);
                }
                out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = dir.resolve("responses.csv");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static ReadResult<RowSink> read(ResponseReader reader, Path file) {
        return reader.read(file, () -> new RowSink() {
            @Override
            public void add(ResponseRow row) {}

            @Override
            public void remove(ResponseRow row) {}
        });
    }

    @Test
    void notUtf8InAnyField_rejectsTheRowAsEncoding_onBothPaths() throws IOException {
        for (byte[] bad : List.of(
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3}, // cut short
                new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                new byte[] {(byte) 0xE2, (byte) 0x82})) { // cut short before the field's end
            Path file = file(
                    bad,
                    line("ok", Map.of("opl01", "4", "alg02", "café ✓ “goed”")),
                    line("text", Map.of("opl01", "4", "alg02", "fijn" + MARK + "e docenten")),
                    line("key" + MARK, Map.of("opl01", "4")),
                    line("scale", Map.of("opl01", MARK)),
                    line("quoted", Map.of("opl01", "4", "alg02", "a, \"b\" " + MARK)),
                    line("last", Map.of("opl01", "4", lastColumn(), MARK)));
            for (ResponseReader reader : List.of(
                    ResponseReader.of(RoutedOutTest.EDITION),
                    ResponseReader.of(RoutedOutTest.EDITION).withoutFastPath(),
                    ResponseReader.of(RoutedOutTest.EDITION).withThreads(1).withBlockSize(1024))) {
                ReadResult<RowSink> read = read(reader, file);
                assertThat(read.accepted())
                        .as("the row with real non-ASCII text")
                        .isEqualTo(1);
                assertThat(read.rejects())
                        .extracting(Reject::line, Reject::reason, Reject::column, Reject::value)
                        .containsExactly(
                                tuple(3L, RejectReason.ENCODING, "alg02", "(not UTF-8 from byte 5 of the field)"),
                                tuple(4L, RejectReason.ENCODING, "respondent", "(not UTF-8 from byte 4 of the field)"),
                                tuple(5L, RejectReason.ENCODING, "opl01", "(not UTF-8 from byte 1 of the field)"),
                                tuple(6L, RejectReason.ENCODING, "alg02", "(not UTF-8 from byte 10 of the field)"),
                                tuple(7L, RejectReason.ENCODING, lastColumn(), "(not UTF-8 from byte 1 of the field)"));
            }
        }
    }

    private static String lastColumn() {
        List<String> columns = ResponseLayout.columns(RoutedOutTest.EDITION);
        return columns.get(columns.size() - 1);
    }

    @Test
    void notUtf8InTheHeader_stopsTheReadWithTheLine() throws IOException {
        Path file = dir.resolve("responses.csv");
        byte[] header = ("respondent,institution,location,level,pathway,modules,opl0" + MARK + "\n")
                .replace(MARK, "\u0000")
                .getBytes(StandardCharsets.UTF_8);
        header[header.length - 2] = (byte) 0xFF;
        Files.write(file, header);
        assertThatThrownBy(() -> read(ResponseReader.of(RoutedOutTest.EDITION), file))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage(file + ": line 1: header column 7 is not UTF-8 text (is the file UTF-8?)");
    }

    @Test
    void notUtf8InAPopulation_isAnEncodingProblemWithItsLine() throws IOException {
        Path file = dir.resolve("population.csv");
        byte[] text = "institution,location,level,pathway,population\n25LZ,01,4,BOL,10\n25LZ,0#,4,BBL,5\n"
                .getBytes(StandardCharsets.UTF_8);
        text[new String(text, StandardCharsets.ISO_8859_1).indexOf('#')] = (byte) 0xE9;
        Files.write(file, text);
        assertThatThrownBy(() -> Population.read(file))
                .isInstanceOfSatisfying(
                        BarometerException.class, e -> assertThat(e.line()).isEqualTo(3L))
                .hasMessage(file + ":3: not UTF-8 text (is the file UTF-8?)");
    }
}
