package nl.peiling.stats.trend;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini–Hochberg adjusted p values, as R's {@code p.adjust(p, "BH")}: with the m p values in
 * decreasing order p_(m) ≥ … ≥ p_(1), q_(i) = min(1, min_{j ≥ i} m/j · p_(j)). Controls the expected
 * share of false discoveries among the comparisons called significant (q < α) at α, for independent or
 * positively dependent tests (Benjamini and Hochberg 1995).
 */
final class BenjaminiHochberg {

    private BenjaminiHochberg() {}

    /**
     * The adjusted p values, in the order of {@code p}. An empty array gives an empty array; one p value
     * is its own q.
     *
     * @throws IllegalArgumentException when a p value is not in 0..1
     */
    static double[] adjust(double[] p) {
        int m = p.length;
        for (double value : p) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("p value (" + value + ") must be in 0..1");
            }
        }
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        // Decreasing p; stable, as R's order().
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        double[] q = new double[m];
        double running = Double.POSITIVE_INFINITY;
        for (int r = 0; r < m; r++) {
            int rank = m - r; // the rank of order[r] in increasing order
            running = Math.min(running, (double) m / rank * p[order[r]]);
            q[order[r]] = Math.min(1, running);
        }
        return q;
    }
}
