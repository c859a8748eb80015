package nl.peiling.stats.responses;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight bytes at a time: reading them as one number, and finding the bytes equal to a given one. */
final class Swar {

    /** The eight bytes at an index of a byte array as a little-endian long: {@code (long) LONGS.get(data, i)}. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    static final long QUOTES = 0x2222222222222222L;
    static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private Swar() {}

    /** Eight copies of a byte, to compare a word with: {@code zeros(word ^ pattern(b))}. */
    static long pattern(byte b) {
        return 0x0101010101010101L * (b & 0xFF);
    }

    /** Marks the zero bytes of x with their high bit, exactly (no false positives from borrows). */
    static long zeros(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }
}
