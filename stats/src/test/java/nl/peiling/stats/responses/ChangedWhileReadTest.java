package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.engine.ResponseRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A losing double login is read again at the end to take its answers back from the sinks; when its row
 * changed on disk in between, the read fails instead of taking back answers that were never added.
 */
class ChangedWhileReadTest {

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

    /** A sink that, when the winning line 3 arrives, writes {@code replacement} at {@code position}. */
    private static RowSink overwriting(Path file, long position, byte replacement) {
        return new RowSink() {
            @Override
            public void add(ResponseRow row) {
                if (row.line() == 3) {
                    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                        out.seek(position);
                        out.write(replacement);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void remove(ResponseRow row) {}
        };
    }

    @Test
    void aLosingRowWhoseAnswerChanged4To3_failsTheRead_onBothPathsAndWithKeysInFiles() throws IOException {
        String header = String.join(",", ResponseLayout.columns(RoutedOutTest.EDITION));
        String loser = line("r1", Map.of("opl01", "4"));
        String winner = line("r1", Map.of("opl01", "5", "opl02", "5"));
        long answer = header.length() + 1 + loser.indexOf(",4,") + 1;
        for (ResponseReader reader : List.of(
                ResponseReader.of(RoutedOutTest.EDITION).withThreads(1),
                ResponseReader.of(RoutedOutTest.EDITION).withThreads(1).withoutFastPath(),
                ResponseReader.of(RoutedOutTest.EDITION).withThreads(1).withKeysInMemory(1))) {
            Path file = dir.resolve("responses.csv");
            Files.writeString(file, header + "\n" + loser + "\n" + winner + "\n", StandardCharsets.UTF_8);
            assertThat(Files.readString(file).charAt((int) answer)).isEqualTo('4');

            assertThatThrownBy(() -> reader.read(file, () -> overwriting(file, answer, (byte) '3')))
                    .isInstanceOf(ResponseFormatException.class)
                    .hasMessage(file + ": the file changed while it was read: line 2 reads differently");
            assertThat(Files.readString(file).charAt((int) answer)).isEqualTo('3');
        }
    }

    @Test
    void aLosingRowThatDidNotChange_isTakenBack() throws IOException {
        String header = String.join(",", ResponseLayout.columns(RoutedOutTest.EDITION));
        Path file = dir.resolve("responses.csv");
        Files.writeString(
                file,
                header + "\n" + line("r1", Map.of("opl01", "4")) + "\n" + line("r1", Map.of("opl01", "5", "opl02", "5"))
                        + "\n",
                StandardCharsets.UTF_8);
        List<Long> removed = new ArrayList<>();
        ReadResult<RowSink> read = ResponseReader.of(RoutedOutTest.EDITION)
                .withThreads(1)
                .withKeysInMemory(1)
                .read(file, () -> new RowSink() {
                    @Override
                    public void add(ResponseRow row) {}

                    @Override
                    public void remove(ResponseRow row) {
                        removed.add(row.line());
                    }
                });

        assertThat(removed).containsExactly(2L);
        assertThat(read.accepted()).isEqualTo(1);
        assertThat(read.rejects())
                .extracting(Reject::line, Reject::reason)
                .containsExactly(org.assertj.core.api.Assertions.tuple(2L, RejectReason.DUPLICATE));
    }
}
