package nl.peiling.stats.responses;

import java.util.ArrayList;
import java.util.List;

/**
 * An open-addressing table from key hash to the row kept so far; collects the losing rows. A slot
 * holds the first hash and a reference to the key in its worker's {@link Keys} (16 bytes a slot),
 * so that the keys are not copied.
 */
final class KeyTable {
    final List<Keys> keys;
    final long[] h1;
    /** Per slot: 0 when empty, else worker << 32 | index, plus 1. */
    final long[] refs;

    final int mask;
    /** The losing rows: references to their keys, and the slot whose final winner they lost to. */
    private final List<long[]> lost = new ArrayList<>();

    /**
     * The losing rows of these keys as {line, offset, length, kept line, CRC-32C of the row}, the kept
     * line being the final winner's.
     */
    static List<long[]> losers(List<Keys> keys) {
        KeyTable table = new KeyTable(keys);
        for (int k = 0; k < keys.size(); k++) {
            for (int i = 0; i < keys.get(k).size; i++) {
                table.offer(k, i);
            }
        }
        List<long[]> rows = new ArrayList<>();
        for (long[] loser : table.lost) {
            Keys of = table.keys(loser[0]);
            int i = index(loser[0]);
            long winner = table.refs[(int) loser[1]];
            rows.add(new long[] {
                of.lines[i], of.offsets[i], of.lengths[i], table.keys(winner).lines[index(winner)], of.crcs[i]
            });
        }
        return rows;
    }

    private KeyTable(List<Keys> keys) {
        this.keys = keys;
        int expected = keys.stream().mapToInt(k -> k.size).sum();
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        h1 = new long[capacity];
        refs = new long[capacity];
        mask = capacity - 1;
    }

    private void offer(int worker, int i) {
        Keys offered = keys.get(worker);
        long hash = offered.h1[i];
        int slot = (int) hash & mask;
        while (refs[slot] != 0 && (h1[slot] != hash || keys(refs[slot]).h2[index(refs[slot])] != offered.h2[i])) {
            slot = (slot + 1) & mask;
        }
        long ref = ((long) worker << 32 | i) + 1;
        if (refs[slot] == 0) {
            h1[slot] = hash;
            refs[slot] = ref;
            return;
        }
        Keys kept = keys(refs[slot]);
        int k = index(refs[slot]);
        boolean newWins = offered.answered[i] > kept.answered[k]
                || (offered.answered[i] == kept.answered[k] && offered.lines[i] > kept.lines[k]);
        if (newWins) {
            lost.add(new long[] {refs[slot], slot});
            refs[slot] = ref;
        } else {
            lost.add(new long[] {ref, slot});
        }
    }

    private Keys keys(long ref) {
        return keys.get((int) ((ref - 1) >>> 32));
    }

    private static int index(long ref) {
        return (int) (ref - 1);
    }
}
