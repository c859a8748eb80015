package nl.peiling.core.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no sequence cut short): the one check every reader of text input uses, so that text that is
 * not UTF-8 is rejected as an encoding problem with its place rather than read as replacement
 * characters.
 */
public final class Utf8 {
    /** Continuation bytes still expected by the sequence being read. */
    private int need;
    /** The range of the next continuation byte (narrower after E0, ED, F0 and F4). */
    private int low = 0x80;

    private int high = 0xBF;

    private Utf8() {}

    /**
     * The index of the first byte of data[from, to) where the text stops being UTF-8 (the start of a bad
     * or unfinished sequence), or -1 when all of it is.
     */
    public static int invalidAt(byte[] data, int from, int to) {
        int p = from;
        while (p < to && data[p] >= 0) { // ASCII, the common case
            p++;
        }
        if (p == to) {
            return -1;
        }
        Utf8 check = new Utf8();
        int start = p;
        for (; p < to; p++) {
            if (check.need == 0) {
                start = p;
            }
            if (!check.accept(data[p] & 0xFF)) {
                return start;
            }
        }
        return check.need == 0 ? -1 : start;
    }

    /** Whether data[from, to) is UTF-8. */
    public static boolean isValid(byte[] data, int from, int to) {
        return invalidAt(data, from, to) < 0;
    }

    /**
     * The line (from 1) of the first place where a stream stops being UTF-8, or -1 when all of it is;
     * reads the stream to that place.
     */
    public static long invalidLine(InputStream in) throws IOException {
        Utf8 check = new Utf8();
        long line = 1;
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (!check.accept(b)) {
                    return line;
                }
                if (b == '\n') {
                    line++;
                }
            }
        }
        return check.need == 0 ? -1 : line;
    }

    /** Takes the next byte; false when it cannot follow what came before. */
    private boolean accept(int b) {
        if (need > 0) {
            if (b < low || b > high) {
                return false;
            }
            need--;
            low = 0x80;
            high = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        return true;
    }
}
