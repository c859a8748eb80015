package nl.peiling.stats.responses;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits RFC 4180 CSV bytes into records, quote-aware, without decoding: each record is a range of a
 * block, with the file line it starts on and its byte offset. Blocks are handed out whole so that
 * workers can parse their records in parallel while this splitter reads on.
 */
final class CsvRecords {

    /** A block of whole records: {@code data[starts[i] .. ends[i])} is record i (line end excluded). */
    static final class Block {
        byte[] data;
        int[] starts;
        int[] ends;
        long[] lines;
        long[] offsets;
        int count;
        /** The order of the block in the file, from 0. */
        long sequence;

        void add(int start, int end, long line, long offset) {
            if (count == starts.length) {
                int size = count * 2;
                starts = Arrays.copyOf(starts, size);
                ends = Arrays.copyOf(ends, size);
                lines = Arrays.copyOf(lines, size);
                offsets = Arrays.copyOf(offsets, size);
            }
            starts[count] = start;
            ends[count] = end;
            lines[count] = line;
            offsets[count] = offset;
            count++;
        }
    }

    private final InputStream in;
    private final int blockSize;
    private byte[] carry = new byte[0];
    private int carryLength;
    private long carryOffset;
    private long line = 1;
    private long sequence;
    private boolean eof;

    CsvRecords(InputStream in, int blockSize) {
        this.in = in;
        this.blockSize = blockSize;
    }

    /** The next block of whole records, or null at the end of the input. */
    Block next() throws IOException {
        while (true) {
            if (eof && carryLength == 0) {
                return null;
            }
            byte[] data = new byte[Math.max(blockSize, carryLength * 2)];
            System.arraycopy(carry, 0, data, 0, carryLength);
            int length = carryLength;
            long blockOffset = carryOffset;
            while (!eof && length < data.length) {
                int read = in.read(data, length, data.length - length);
                if (read < 0) {
                    eof = true;
                } else {
                    length += read;
                }
            }
            Block block = new Block();
            block.data = data;
            block.starts = new int[1024];
            block.ends = new int[1024];
            block.lines = new long[1024];
            block.offsets = new long[1024];
            block.sequence = sequence;
            int consumed = split(block, data, length, blockOffset);
            if (eof && consumed < length) {
                // The last record has no line end.
                block.add(consumed, length, line, blockOffset + consumed);
                line += countNewlines(data, consumed, length);
                consumed = length;
            }
            carryLength = length - consumed;
            carry = carryLength == 0 ? new byte[0] : Arrays.copyOfRange(data, consumed, length);
            carryOffset = blockOffset + consumed;
            if (block.count > 0) {
                sequence++;
                return block;
            }
            if (eof && carryLength == 0) {
                return null;
            }
        }
    }

    /** Records whole records of data[0, length) into the block; returns where the unfinished rest starts. */
    private int split(Block block, byte[] data, int length, long blockOffset) {
        int start = 0;
        int newlines = 0;
        boolean quoted = false;
        for (int i = 0; i < length; i++) {
            byte b = data[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n') {
                if (quoted) {
                    newlines++;
                } else {
                    int end = i > start && data[i - 1] == '\r' ? i - 1 : i;
                    block.add(start, end, line, blockOffset + start);
                    line += newlines + 1;
                    newlines = 0;
                    start = i + 1;
                }
            }
        }
        return start;
    }

    private static int countNewlines(byte[] data, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
