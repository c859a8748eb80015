package nl.peiling.core.allocation;

/**
 * SipHash-2-4, the keyed pseudo-random function of Aumasson and Bernstein (2012), with a 128-bit key
 * held as two longs in little-endian order.
 *
 * <p>It is the per-respondent hash of the allocator: cryptographically strong as a PRF for short inputs,
 * so that nobody without the key can predict or steer an allocation, and fast enough (tens of
 * nanoseconds) to hash a million respondents in a fraction of a second. The key itself is derived from
 * the secret seed with HMAC-SHA256 (see {@link Keys}).
 */
final class SipHash {

    /** The key halves: bytes 0..7 and 8..15 of the key, little-endian. */
    final long k0;

    final long k1;

    SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** The hash of bytes. */
    long hash(byte[] data) {
        State state = new State(k0, k1);
        int length = data.length;
        int full = length & ~7;
        for (int i = 0; i < full; i += 8) {
            long m = (data[i] & 0xffL)
                    | (data[i + 1] & 0xffL) << 8
                    | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24
                    | (data[i + 4] & 0xffL) << 32
                    | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48
                    | (data[i + 7] & 0xffL) << 56;
            state.compress(m);
        }
        long last = (long) length << 56;
        for (int i = full; i < length; i++) {
            last |= (data[i] & 0xffL) << (8 * (i - full));
        }
        return state.finish(last);
    }

    /** The hash of one 64-bit counter, as its 8 little-endian bytes. */
    long hash(long counter) {
        State state = new State(k0, k1);
        state.compress(counter);
        return state.finish(8L << 56);
    }

    /**
     * The hash of the UTF-8 encoding of a string, exactly {@code hash(text.getBytes(UTF_8))} (an unpaired
     * surrogate becomes {@code ?}, as there), but without building the byte array: this is the hot path
     * of both allocation modes.
     */
    long hashUtf8(String text) {
        int length = text.length();
        int full = length & ~7;
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= 0x80) {
                return hashAnyUtf8(text);
            }
        }
        // ASCII, the usual case for pseudonyms: one byte per char, eight chars per word.
        State state = new State(k0, k1);
        for (int i = 0; i < full; i += 8) {
            long m = (long) text.charAt(i)
                    | (long) text.charAt(i + 1) << 8
                    | (long) text.charAt(i + 2) << 16
                    | (long) text.charAt(i + 3) << 24
                    | (long) text.charAt(i + 4) << 32
                    | (long) text.charAt(i + 5) << 40
                    | (long) text.charAt(i + 6) << 48
                    | (long) text.charAt(i + 7) << 56;
            state.compress(m);
        }
        long last = (long) length << 56;
        for (int i = full; i < length; i++) {
            last |= (long) text.charAt(i) << (8 * (i - full));
        }
        return state.finish(last);
    }

    private long hashAnyUtf8(String text) {
        State state = new State(k0, k1);
        long word = 0;
        int filled = 0; // bytes in word
        long total = 0; // bytes hashed
        int length = text.length();
        for (int i = 0; i < length; i++) {
            int c = text.charAt(i);
            int bytes;
            int encoded; // the UTF-8 bytes, first byte lowest
            if (c < 0x80) {
                bytes = 1;
                encoded = c;
            } else if (c < 0x800) {
                bytes = 2;
                encoded = (0xc0 | c >> 6) | (0x80 | c & 0x3f) << 8;
            } else if (Character.isSurrogate((char) c)) {
                if (Character.isHighSurrogate((char) c)
                        && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint((char) c, text.charAt(++i));
                    bytes = 4;
                    encoded = (0xf0 | cp >> 18)
                            | (0x80 | cp >> 12 & 0x3f) << 8
                            | (0x80 | cp >> 6 & 0x3f) << 16
                            | (0x80 | cp & 0x3f) << 24;
                } else {
                    bytes = 1;
                    encoded = '?';
                }
            } else {
                bytes = 3;
                encoded = (0xe0 | c >> 12) | (0x80 | c >> 6 & 0x3f) << 8 | (0x80 | c & 0x3f) << 16;
            }
            for (int b = 0; b < bytes; b++) {
                word |= ((encoded >>> (8 * b)) & 0xffL) << (8 * filled);
                filled++;
                if (filled == 8) {
                    state.compress(word);
                    word = 0;
                    filled = 0;
                }
            }
            total += bytes;
        }
        return state.finish(word | total << 56);
    }

    /**
     * The four state words of one hash. A hash makes one, which stays on the stack (the JIT replaces it
     * by its fields), so the hot paths allocate nothing.
     */
    private static final class State {
        private long v0;
        private long v1;
        private long v2;
        private long v3;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        /** Takes in one 64-bit message word: SipHash-2-4's two compression rounds. */
        void compress(long m) {
            v3 ^= m;
            rounds(2);
            v0 ^= m;
        }

        /** Takes in the last word (length and tail bytes) and gives the hash: four finalization rounds. */
        long finish(long last) {
            compress(last);
            v2 ^= 0xff;
            rounds(4);
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void rounds(int count) {
            for (int r = 0; r < count; r++) {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13);
                v1 ^= v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16);
                v3 ^= v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21);
                v3 ^= v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17);
                v1 ^= v2;
                v2 = Long.rotateLeft(v2, 32);
            }
        }
    }

    /** A uniform number in {@code [0, bound)} from a hash; the bias is below bound / 2^64, far below any test. */
    static int below(long hash, int bound) {
        return (int) Long.remainderUnsigned(hash, bound);
    }
}
