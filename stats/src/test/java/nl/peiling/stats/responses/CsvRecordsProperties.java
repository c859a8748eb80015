package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

/**
 * The blocks that {@link CsvRecords} cuts, checked against the input itself rather than against another
 * reading: in order, they join up to exactly the input; each ends where a record ends (after a line end
 * outside quotes, or at the end of the input); and each knows its file offset and the line it starts on.
 *
 * <p>300 seeded tries; a failure names its seed, which reproduces the input and the block size.
 */
class CsvRecordsProperties {

    @Test
    void blocks_joinUpToTheInput_andEndWhereRecordsEnd() {
        Tries.check(
                300, draw -> blocks_joinUpToTheInput_andEndWhereRecordsEnd(draw.nextLong(), Tries.intIn(draw, 1, 80)));
    }

    private static void blocks_joinUpToTheInput_andEndWhereRecordsEnd(long seed, int blockSize) throws IOException {
        byte[] input = randomCsv(new Random(seed));
        CsvRecords records = new CsvRecords(new ByteArrayInputStream(input), blockSize);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        long offset = 0;
        for (CsvRecords.Block block = records.next(); block != null; block = records.next()) {
            assertThat(block.offset).as("offset").isEqualTo(offset);
            assertThat(block.line).as("line at offset %d", offset).isEqualTo(1 + lineEnds(input, (int) offset));
            assertThat(block.length).as("a block holds at least one record").isPositive();
            joined.write(block.data, 0, block.length);
            offset += block.length;
            assertThat(endsRecord(input, (int) offset))
                    .as("a block ends at a record end, offset %d of %d", offset, input.length)
                    .isTrue();
        }
        assertThat(joined.toByteArray()).isEqualTo(input);
    }

    /** Whether input[0, end) is whole records: the end of the input, or a line end outside quotes. */
    private static boolean endsRecord(byte[] input, int end) {
        if (end == input.length) {
            return true;
        }
        if (end == 0 || input[end - 1] != '\n') {
            return false;
        }
        int quotes = 0;
        for (int i = 0; i < end; i++) {
            quotes += input[i] == '"' ? 1 : 0;
        }
        return quotes % 2 == 0;
    }

    private static long lineEnds(byte[] input, int end) {
        long count = 0;
        for (int i = 0; i < end; i++) {
            count += input[i] == '\n' ? 1 : 0;
        }
        return count;
    }

    /**
     * Records of plain, empty and quoted fields; quoted fields hold commas, doubled quotes and line ends
     * (LF and CR LF). Some records are long enough to need a block larger than asked; the last record
     * may lack its line end.
     */
    private static byte[] randomCsv(Random random) {
        StringBuilder csv = new StringBuilder();
        int records = random.nextInt(30);
        for (int r = 0; r < records; r++) {
            int fields = 1 + random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    csv.append(',');
                }
                switch (random.nextInt(4)) {
                    case 0 -> {} // empty
                    case 1 -> csv.append(random.nextInt(1_000_000));
                    case 2 -> csv.append("abcdefghij", 0, 1 + random.nextInt(10));
                    default -> {
                        csv.append('"');
                        int length = random.nextInt(12);
                        for (int i = 0; i < length; i++) {
                            csv.append(
                                    switch (random.nextInt(6)) {
                                        case 0 -> ",";
                                        case 1 -> "\"\"";
                                        case 2 -> "\n";
                                        case 3 -> "\r\n";
                                        default -> "x";
                                    });
                        }
                        csv.append('"');
                    }
                }
            }
            boolean last = r == records - 1;
            if (!last || random.nextInt(3) > 0) {
                csv.append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        if (random.nextInt(10) == 0) {
            csv.append("\n\n"); // empty lines at the end
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
