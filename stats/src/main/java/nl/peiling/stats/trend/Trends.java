package nl.peiling.stats.trend;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.Fingerprints;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;
import nl.peiling.stats.scores.Normal;
import nl.peiling.stats.scores.Results;

/**
 * Compares two results files of {@code aggregate} (SPEC section 8). For every group key present in
 * both and every item or cluster id present in both, for the mean (scales, grades, numbers, clusters)
 * and the positive share (scales, grades):
 *
 * <pre>
 * difference = current − previous
 * se         = √(se_previous² + se_current²)          (positiveSe for shares; independent samples)
 * z          = difference / se,   p = P(|Z| ≥ |z|)
 * q          = Benjamini–Hochberg adjusted p within the family: one group × one measure, items and
 *              clusters together, over the comparisons of that family that have a p (R p.adjust "BH")
 * significant = q < 0.05;   notable = significant and at least the {@link Materiality} minimum
 * </pre>
 *
 * Whether a figure is comparable comes from the fingerprints each results file records ({@link
 * Fingerprints}), so a trend needs nothing but the two files. Not comparable, suppressed on either side
 * or se = 0 (both sides one value, counted when they were aggregated): no test, and not in the family.
 *
 * <p>Immutable; {@code withX} returns a configured copy.
 */
public final class Trends {

    static final String MEAN = "mean";
    static final String POSITIVE = "positive";

    private final Materiality materiality;

    private Trends(Materiality materiality) {
        this.materiality = materiality;
    }

    /** Comparisons with the {@link Materiality#STANDARD} rule. */
    public static Trends standard() {
        return new Trends(Materiality.STANDARD);
    }

    /** A copy with this materiality rule. */
    public Trends withMateriality(Materiality rule) {
        return new Trends(requireNonNull(rule, "materiality"));
    }

    /**
     * The changes from {@code previous} to {@code current}.
     *
     * @param previousFile the previous results' file name, for the output; may be null
     * @param currentFile the current results' file name; may be null
     * @throws IllegalArgumentException when a results file has no fingerprints (written before they were
     *     recorded; aggregate it again)
     */
    public Trend compare(Results previous, String previousFile, Results current, String currentFile) {
        requireNonNull(previous, "previous");
        requireNonNull(current, "current");
        Fingerprints before = fingerprints(previous, previousFile);
        Fingerprints now = fingerprints(current, currentFile);
        List<Comparison> comparisons = new ArrayList<>();
        for (GroupResult group : current.groups()) {
            Optional<GroupResult> earlier = previous.group(group.key());
            if (earlier.isEmpty()) {
                continue;
            }
            for (ItemFigures item : group.items()) {
                Optional<ItemFigures> was = earlier.get().item(item.id());
                if (was.isEmpty()) {
                    continue;
                }
                boolean comparable = itemComparable(before, now, item.id());
                ItemFigures a = was.get();
                if (hasMean(item.type()) && hasMean(a.type())) {
                    comparisons.add(compare(
                            group.key(),
                            "item",
                            item.id(),
                            MEAN,
                            comparable,
                            a.suppressed() || item.suppressed(),
                            a.mean(),
                            a.se(),
                            a.sd(),
                            item.mean(),
                            item.se(),
                            item.sd()));
                }
                if (hasShares(item.type()) && hasShares(a.type())) {
                    comparisons.add(compare(
                            group.key(),
                            "item",
                            item.id(),
                            POSITIVE,
                            comparable,
                            a.suppressed() || item.suppressed(),
                            a.positive(),
                            a.positiveSe(),
                            null,
                            item.positive(),
                            item.positiveSe(),
                            null));
                }
            }
            for (ClusterFigures cluster : group.clusters()) {
                Optional<ClusterFigures> was = earlier.get().cluster(cluster.id());
                if (was.isEmpty()) {
                    continue;
                }
                ClusterFigures a = was.get();
                comparisons.add(compare(
                        group.key(),
                        "cluster",
                        cluster.id(),
                        MEAN,
                        clusterComparable(before, now, cluster.id()),
                        a.suppressed() || cluster.suppressed(),
                        a.mean(),
                        a.se(),
                        a.sd(),
                        cluster.mean(),
                        cluster.se(),
                        cluster.sd()));
            }
        }
        return new Trend(
                new Trend.Side(previous.edition(), previousFile),
                new Trend.Side(current.edition(), currentFile),
                materiality,
                adjust(comparisons));
    }

    private static Fingerprints fingerprints(Results results, String file) {
        if (results.fingerprints() == null) {
            throw new IllegalArgumentException((file == null ? "the results of edition " + results.edition() : file)
                    + " has no fingerprints of its questions (written by an older peiling); aggregate it again");
        }
        return results.fingerprints();
    }

    private static boolean hasMean(String type) {
        return type.equals("scale") || type.equals("grade") || type.equals("number");
    }

    private static boolean hasShares(String type) {
        return type.equals("scale") || type.equals("grade");
    }

    private static boolean itemComparable(Fingerprints before, Fingerprints now, String id) {
        String a = before.items().get(id);
        return a != null && a.equals(now.items().get(id));
    }

    private static boolean clusterComparable(Fingerprints before, Fingerprints now, String id) {
        Fingerprints.ClusterDefinition a = before.clusters().get(id);
        Fingerprints.ClusterDefinition b = now.clusters().get(id);
        return a != null && a.equals(b) && b.items().stream().allMatch(item -> itemComparable(before, now, item));
    }

    private static Comparison compare(
            Map<String, String> key,
            String kind,
            String id,
            String measure,
            boolean comparable,
            boolean suppressed,
            Double previous,
            Double previousSe,
            Double previousSd,
            Double current,
            Double currentSe,
            Double currentSd) {
        if (suppressed || previous == null || current == null) {
            return new Comparison(
                    key,
                    kind,
                    id,
                    measure,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    comparable,
                    true,
                    null,
                    null);
        }
        if (!comparable) {
            return new Comparison(
                    key, kind, id, measure, previous, current, null, null, null, null, null, null, false, false, null,
                    null);
        }
        double difference = current - previous;
        Double se = previousSe == null || currentSe == null
                ? null
                : Math.sqrt(previousSe * previousSe + currentSe * currentSe);
        Double d = null;
        if (measure.equals(MEAN) && previousSd != null && currentSd != null) {
            double pooled = Math.sqrt((previousSd * previousSd + currentSd * currentSd) / 2);
            d = pooled > 0 ? difference / pooled : null;
        }
        // se = 0 only when both sides are exactly 0, which aggregate sets when it counts one value.
        if (se == null || se == 0) {
            return new Comparison(
                    key,
                    kind,
                    id,
                    measure,
                    previous,
                    current,
                    difference,
                    se,
                    null,
                    null,
                    null,
                    null,
                    true,
                    false,
                    d,
                    null);
        }
        double z = difference / se;
        return new Comparison(
                key,
                kind,
                id,
                measure,
                previous,
                current,
                difference,
                se,
                z,
                Normal.twoSidedP(z),
                null,
                null,
                true,
                false,
                d,
                null);
    }

    /** Sets q, significance and notability per family (group × measure). */
    private List<Comparison> adjust(List<Comparison> comparisons) {
        Map<List<Object>, List<Integer>> families = new LinkedHashMap<>();
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison comparison = comparisons.get(c);
            if (comparison.p() != null) {
                families.computeIfAbsent(List.of(comparison.key(), comparison.measure()), k -> new ArrayList<>())
                        .add(c);
            }
        }
        List<Comparison> adjusted = new ArrayList<>(comparisons);
        for (List<Integer> family : families.values()) {
            double[] p =
                    family.stream().mapToDouble(c -> comparisons.get(c).p()).toArray();
            double[] q = BenjaminiHochberg.adjust(p);
            for (int i = 0; i < q.length; i++) {
                int c = family.get(i);
                adjusted.set(c, comparisons.get(c).withQ(q[i], materiality));
            }
        }
        return adjusted;
    }
}
