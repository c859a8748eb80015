package nl.peiling.stats.trend;

import java.util.List;

/**
 * The changes between two results files (SPEC section 8).
 *
 * @param previous the earlier results
 * @param current the later results
 * @param materiality the rule that makes a significant change notable
 * @param comparisons per group present in both, per item and cluster present in both, per measure: in
 *     the current results' group order, items before clusters, mean before positive share
 */
public record Trend(Side previous, Side current, Materiality materiality, List<Comparison> comparisons) {

    /**
     * One results file.
     *
     * @param edition its edition id
     * @param file its name as given; null when the results were not read from a file
     */
    public record Side(String edition, String file) {}

    public Trend {
        comparisons = List.copyOf(comparisons);
    }

    /** The notable changes: significant and at least the materiality minimum. */
    public List<Comparison> notable() {
        return comparisons.stream()
                .filter(c -> Boolean.TRUE.equals(c.notable()))
                .toList();
    }

    /** A one-line summary: counts of comparisons, notable, significant, not comparable and suppressed. */
    public String summary() {
        long significant = comparisons.stream()
                .filter(c -> Boolean.TRUE.equals(c.significant()))
                .count();
        return String.format(
                java.util.Locale.ROOT,
                "%s -> %s: %d comparisons, %d notable, %d significant, %d not comparable, %d suppressed",
                previous.edition(),
                current.edition(),
                comparisons.size(),
                notable().size(),
                significant,
                comparisons.stream().filter(c -> !c.comparable()).count(),
                comparisons.stream().filter(Comparison::suppressed).count());
    }

    @Override
    public String toString() {
        return "Trend[" + summary() + "]";
    }
}
