package nl.peiling.stats.responses;

import java.util.Arrays;

/**
 * The respondent keys a worker accepted, as 128-bit hashes with where their rows are and a CRC-32C of
 * each row's bytes, so that a losing row read again at the end can be checked to be the row that was
 * read.
 */
final class Keys {
    long[] h1;
    long[] h2;
    long[] lines;
    long[] offsets;
    int[] lengths;
    int[] answered;
    /** The CRC-32C of each row's bytes, data[offset, offset + length) of the file. */
    int[] crcs;

    int size;

    /** The most keys these arrays grow to. */
    final int limit;

    /** Room for this many keys at first; it grows when needed, up to {@code limit}. */
    Keys(int capacity, int limit) {
        this.limit = limit;
        h1 = new long[capacity];
        h2 = new long[capacity];
        lines = new long[capacity];
        offsets = new long[capacity];
        lengths = new int[capacity];
        answered = new int[capacity];
        crcs = new int[capacity];
    }

    void add(byte[] data, int from, int to, long line, long offset, int length, int answers, int crc) {
        // Two independent 64-bit hashes of the key, in one pass over its bytes. The last word holds
        // the 0 to 7 bytes after the whole words and, in its top byte, how many they are: so keys of
        // the same words but other lengths end in other words, and hash apart.
        long a = SEED1;
        long b = SEED2;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) Swar.LONGS.get(data, i);
            a = Long.rotateLeft((a ^ word) * MULTIPLIER, 29) + SEED1;
            b = Long.rotateLeft((b ^ word) * MULTIPLIER, 29) + SEED2;
        }
        long tail = (long) (to - i) << 56;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (data[i] & 0xFFL) << shift;
        }
        put(
                mix(Long.rotateLeft((a ^ tail) * MULTIPLIER, 29) + SEED1),
                mix(Long.rotateLeft((b ^ tail) * MULTIPLIER, 29) + SEED2),
                line,
                offset,
                length,
                answers,
                crc);
    }

    /** Adds a key by its hashes. */
    void put(long hash1, long hash2, long line, long offset, int length, int answers, int crc) {
        if (size == h1.length) {
            int n = (int) Math.min(limit, 2L * size);
            h1 = Arrays.copyOf(h1, n);
            h2 = Arrays.copyOf(h2, n);
            lines = Arrays.copyOf(lines, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            answered = Arrays.copyOf(answered, n);
            crcs = Arrays.copyOf(crcs, n);
        }
        h1[size] = hash1;
        h2[size] = hash2;
        lines[size] = line;
        offsets[size] = offset;
        lengths[size] = length;
        answered[size] = answers;
        crcs[size] = crc;
        size++;
    }

    /** Whether the keys have reached their limit. */
    boolean full() {
        return size == limit;
    }

    /** The seeds and multiplier of the two key hashes (eight bytes at a time, one seed each). */
    private static final long SEED1 = 0x9E3779B97F4A7C15L;

    private static final long SEED2 = 0xC2B2AE3D27D4EB4FL;
    private static final long MULTIPLIER = 0x9FB21C651E98DF25L;

    /** The final avalanche of a hash (MurmurHash3's fmix64). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }
}
