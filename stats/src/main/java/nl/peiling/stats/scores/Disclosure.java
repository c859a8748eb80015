package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Disclosure control (SPEC section 8): suppression that subtraction cannot undo, and the optional
 * publication rule on response rates.
 *
 * <p>Within an institution the groups of one grouping under it (its locations, its level × pathway
 * groups, any grouping that extends the institution) add up to the institution. For each figure (the
 * group's respondents, each item, each cluster): when the withheld groups of such a partition hold
 * together 1 to minN − 1 respondents, the shown groups with the fewest respondents (ties in key order)
 * are withheld too, one by one, until the withheld ones hold at least minN or all are withheld. A group
 * withheld as a whole (too few respondents, this rule, or a response rate below the publication rule)
 * has all its figures withheld for the same reason. The institution's own figures stay shown, and the
 * nation's partition into institutions is exempt: an institution sees only itself and the nation.
 */
final class Disclosure {

    private Disclosure() {}

    /**
     * A group's figures with the respondents behind each: [0] the group's respondents, then one count
     * per item, then one per cluster, in results order.
     */
    record Counted(GroupResult group, long[] counts) {}

    /** The counts of a group: its respondents, each item's n and each cluster's n. */
    static long[] counts(Plan plan, GroupSums sums) {
        long[] counts = new long[1 + plan.items.size() + plan.clusters.size()];
        counts[0] = sums.respondents;
        for (int i = 0; i < plan.items.size(); i++) {
            counts[1 + i] = sums.itemN[i];
        }
        for (int k = 0; k < plan.clusters.size(); k++) {
            counts[1 + plan.items.size() + k] = sums.clusterMoments[k].n();
        }
        return counts;
    }

    /**
     * The groups with the publication rule and secondary suppression applied.
     *
     * @param minResponseRate groups whose respondents / population is below it are withheld; null for
     *     no rule
     */
    static List<GroupResult> apply(List<Counted> groups, int minN, Double minResponseRate) {
        int size = groups.size();
        int figures = groups.get(0).counts().length;
        // Per group and figure: why it is withheld, or null.
        Suppression[][] reasons = new Suppression[size][figures];
        for (int g = 0; g < size; g++) {
            GroupResult group = groups.get(g).group();
            long[] counts = groups.get(g).counts();
            for (int f = 0; f < figures; f++) {
                if (counts[f] < minN) {
                    reasons[g][f] = Suppression.N;
                }
            }
            Long population = group.population();
            if (minResponseRate != null
                    && population != null
                    && population > 0
                    && counts[0] < minResponseRate * population) {
                reasons[g][0] = Suppression.RESPONSE_RATE;
            }
        }
        List<int[]> partitions = partitions(groups);
        // The group as a whole first: a group withheld as a whole has every figure withheld.
        for (int[] partition : partitions) {
            secondary(partition, groups, reasons, 0, minN);
        }
        for (int g = 0; g < size; g++) {
            if (reasons[g][0] != null) {
                for (int f = 1; f < figures; f++) {
                    if (reasons[g][f] == null) {
                        reasons[g][f] = reasons[g][0];
                    }
                }
            }
        }
        for (int f = 1; f < figures; f++) {
            for (int[] partition : partitions) {
                secondary(partition, groups, reasons, f, minN);
            }
        }
        List<GroupResult> result = new ArrayList<>(size);
        for (int g = 0; g < size; g++) {
            result.add(withhold(groups.get(g).group(), reasons[g]));
        }
        return result;
    }

    /** The partitions of institutions: groups (indexes) of one grouping under one institution. */
    private static List<int[]> partitions(List<Counted> groups) {
        Map<String, List<Integer>> partitions = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, String> key = groups.get(g).group().key();
            String institution = key.get(Dimension.INSTITUTION.key());
            if (institution != null && key.size() > 1) {
                partitions
                        .computeIfAbsent(key.keySet() + "\u0000" + institution, k -> new ArrayList<>())
                        .add(g);
            }
        }
        return partitions.values().stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toList();
    }

    /** Withholds shown groups of one partition for figure f until the withheld ones hold 0 or ≥ minN. */
    private static void secondary(int[] partition, List<Counted> groups, Suppression[][] reasons, int f, int minN) {
        long withheld = 0;
        for (int g : partition) {
            if (reasons[g][f] != null) {
                withheld += groups.get(g).counts()[f];
            }
        }
        if (withheld == 0 || withheld >= minN) {
            return;
        }
        // Fewest respondents first; partition indexes are in key order, and the sort is stable.
        Integer[] shown = Arrays.stream(partition)
                .filter(g -> reasons[g][f] == null)
                .boxed()
                .sorted(Comparator.comparingLong(g -> groups.get(g).counts()[f]))
                .toArray(Integer[]::new);
        for (int g : shown) {
            if (withheld >= minN) {
                return;
            }
            reasons[g][f] = Suppression.SECONDARY;
            withheld += groups.get(g).counts()[f];
        }
    }

    /** The group with the figures that have a reason withheld (the others as they are). */
    private static GroupResult withhold(GroupResult group, Suppression[] reasons) {
        boolean changed = false;
        for (Suppression reason : reasons) {
            changed |= reason != null && reason != Suppression.N;
        }
        if (!changed) {
            return group;
        }
        List<ItemFigures> items = new ArrayList<>();
        for (int i = 0; i < group.items().size(); i++) {
            ItemFigures item = group.items().get(i);
            Suppression reason = reasons[1 + i];
            items.add(reason == null || reason == Suppression.N ? item : Withheld.item(item.id(), item.type(), reason));
        }
        List<ClusterFigures> clusters = new ArrayList<>();
        for (int k = 0; k < group.clusters().size(); k++) {
            ClusterFigures cluster = group.clusters().get(k);
            Suppression reason = reasons[1 + items.size() + k];
            clusters.add(reason == null || reason == Suppression.N ? cluster : Withheld.cluster(cluster.id(), reason));
        }
        Suppression reason = reasons[0];
        return new GroupResult(
                group.key(),
                reason == null ? group.n() : null,
                group.population(),
                reason != null,
                items,
                clusters,
                reason == null ? null : reason.key());
    }
}
