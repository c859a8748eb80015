package nl.peiling.stats.responses;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts CSV bytes into blocks of whole records, so that workers can parse blocks in parallel while this
 * splitter reads on. A block ends after the last line end that is outside quotes. Finding it is cheap:
 * a block without any quote (the common case) is cut at its last line end, found from the back, and
 * its line ends are counted eight bytes at a time; only a block with quotes is scanned byte by byte.
 */
final class CsvRecords {

    /**
     * A block of whole records: {@code data[start, length)}; {@code data[0]} is at file offset
     * {@code offset}, the record at {@code start} on line {@code line}, and {@code start} is 0 except
     * after a header.
     */
    static final class Block {
        final byte[] data;
        final int length;
        final long line;
        final long offset;
        final int start;

        Block(byte[] data, int length, long line, long offset) {
            this(data, length, line, offset, 0);
        }

        Block(byte[] data, int length, long line, long offset, int start) {
            this.data = data;
            this.length = length;
            this.line = line;
            this.offset = offset;
            this.start = start;
        }
    }

    /**
     * The longest record read: far beyond any real row, it keeps a quote left open from pulling the rest
     * of the file into memory.
     */
    static final int MAX_RECORD = 16 << 20;

    private final InputStream in;
    private final int blockSize;
    /** Arrays of blocks that were read through, to be filled again rather than allocated. */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> spare =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    private byte[] carry = new byte[0];
    private int carryLength;
    private long offset;
    private long line = 1;
    /** What the last {@link #cut} found when it cut at the last line end: where, and the line ends before it. */
    private int cutAtLastNewline = -1;

    private long newlinesBeforeLast;
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
            byte[] data = carryLength * 2 <= blockSize ? spare.poll() : null;
            if (data == null) {
                data = new byte[Math.max(blockSize, Math.min(carryLength * 2, MAX_RECORD))];
            }
            System.arraycopy(carry, 0, data, 0, carryLength);
            int length = carryLength;
            while (!eof && length < data.length) {
                int read = in.read(data, length, data.length - length);
                if (read < 0) {
                    eof = true;
                } else {
                    length += read;
                }
            }
            cutAtLastNewline = -1;
            int cut = eof ? length : cut(data, length);
            if (cut == 0 && !eof) {
                if (length >= MAX_RECORD) {
                    throw new IOException("the record at line " + line + " runs on for more than " + (MAX_RECORD >> 20)
                            + " MiB without a line end outside quotes (is a quote left open?)");
                }
                carry = data; // a record longer than the block: read on with a bigger one
                carryLength = length;
                continue;
            }
            Block block = new Block(data, cut, line, offset);
            line += cut == cutAtLastNewline ? newlinesBeforeLast + 1 : newlines(data, 0, cut);
            offset += cut;
            carryLength = length - cut;
            carry = carryLength == 0 ? new byte[0] : Arrays.copyOfRange(data, cut, length);
            if (cut > 0) {
                return block;
            }
        }
    }

    /**
     * Takes back the array of a block that is read through (by any thread), to fill it again; the
     * block's bytes must no longer be used.
     */
    void recycle(byte[] data) {
        if (data.length == blockSize) {
            spare.add(data);
        }
    }

    /**
     * Where the last whole record of data[0, length) ends (after its line end); 0 when none does. The
     * last line end is outside quotes when the quotes before it are even in number (a doubled quote
     * counts twice), which is counted eight bytes at a time; only when it is odd, a line end inside a
     * quoted field, are the bytes scanned one by one. The line ends are counted in the same pass.
     */
    private int cut(byte[] data, int length) {
        int last = length - 1;
        while (last >= 0 && data[last] != '\n') {
            last--;
        }
        if (last < 0) {
            return 0;
        }
        // The quotes and the line ends before the last line end, in one pass, eight bytes at a time.
        long quotes = 0;
        long newlines = 0;
        int i = 0;
        for (; i + 8 <= last; i += 8) {
            long word = (long) Swar.LONGS.get(data, i);
            quotes += Long.bitCount(Swar.zeros(word ^ Swar.QUOTES));
            newlines += Long.bitCount(Swar.zeros(word ^ Swar.NEWLINES));
        }
        for (; i < last; i++) {
            quotes += data[i] == '"' ? 1 : 0;
            newlines += data[i] == '\n' ? 1 : 0;
        }
        if ((quotes & 1) == 0) {
            cutAtLastNewline = last + 1;
            newlinesBeforeLast = newlines;
            return last + 1;
        }
        int cut = 0;
        boolean quoted = false;
        for (int j = 0; j < length; j++) {
            byte b = data[j];
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                cut = j + 1;
            }
        }
        return cut;
    }

    /** The number of line ends in data[from, to), eight bytes at a time. */
    static long newlines(byte[] data, int from, int to) {
        return count(data, from, to, (byte) '\n');
    }

    /** The number of times the byte occurs in data[from, to), eight bytes at a time. */
    static long count(byte[] data, int from, int to, byte b) {
        long pattern = Swar.pattern(b);
        long count = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            count += Long.bitCount(Swar.zeros((long) Swar.LONGS.get(data, i) ^ pattern));
        }
        for (; i < to; i++) {
            if (data[i] == b) {
                count++;
            }
        }
        return count;
    }
}
