package nl.peiling.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A short list of codes (options, non-substantive codes, module ids) that finds a code by its UTF-8
 * bytes without making a string: candidates are compared by length and first eight bytes as one number,
 * and only codes longer than eight bytes compare the rest.
 */
final class Codes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final List<String> list;
    private final byte[][] codes;
    private final long[] heads;
    private final int[] lengths;

    Codes(List<String> list) {
        this.list = List.copyOf(list);
        codes = new byte[list.size()][];
        heads = new long[list.size()];
        lengths = new int[list.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = list.get(i).getBytes(StandardCharsets.UTF_8);
            lengths[i] = codes[i].length;
            heads[i] = head(codes[i], 0, codes[i].length);
        }
    }

    int size() {
        return codes.length;
    }

    /** The code at an index. */
    String get(int index) {
        return list.get(index);
    }

    /** The codes, in order. */
    List<String> list() {
        return list;
    }

    /** The index of the code that data[from, to) is, or -1. */
    int find(byte[] data, int from, int to) {
        int length = to - from;
        long head = head(data, from, length);
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] == head
                    && lengths[i] == length
                    && (length <= 8 || Arrays.equals(codes[i], 8, length, data, from + 8, to))) {
                return i;
            }
        }
        return -1;
    }

    /** The first (at most) eight bytes of data[from, from + length) as a little-endian number. */
    private static long head(byte[] data, int from, int length) {
        int n = Math.min(length, 8);
        if (from + 8 <= data.length) {
            long word = (long) LONGS.get(data, from);
            return n == 8 ? word : word & ((1L << (8 * n)) - 1);
        }
        long head = 0;
        for (int i = 0; i < n; i++) {
            head |= (data[from + i] & 0xFFL) << (8 * i);
        }
        return head;
    }
}
