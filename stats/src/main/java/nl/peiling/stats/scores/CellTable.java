package nl.peiling.stats.scores;

import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * The cells of an aggregation in key order, each with its exact sums and its weight; a group's sums are
 * gathered from the cells that belong to it.
 */
final class CellTable {
    final Plan plan;
    final CellKey[] keys;
    final long[][] sums;
    final double[] weight;

    CellTable(Plan plan, SortedMap<CellKey, CellStats> cells, Map<CellKey, Double> weights) {
        this.plan = plan;
        this.keys = cells.keySet().toArray(new CellKey[0]);
        this.sums = new long[keys.length][];
        this.weight = new double[keys.length];
        for (int c = 0; c < keys.length; c++) {
            sums[c] = cells.get(keys[c]).sums;
            weight[c] = weights.get(keys[c]);
        }
    }

    /** The indexes of the cells that belong to a group, in key order. */
    int[] members(Predicate<CellKey> member) {
        return IntStream.range(0, keys.length).filter(c -> member.test(keys[c])).toArray();
    }

    /** The sums of the cells that belong to a group, gathered in key order. */
    GroupSums sums(Predicate<CellKey> member) {
        return sums(members(member));
    }

    /** The sums of these cells (indexes in key order). */
    GroupSums sums(int[] cells) {
        return new GroupSums(plan, sums, weight, cells);
    }
}
