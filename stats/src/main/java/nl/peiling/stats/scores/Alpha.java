package nl.peiling.stats.scores;

/**
 * Cronbach's alpha of a cluster of k items over its complete cases:
 *
 * <pre>
 * alpha = k/(k−1) · (1 − Σ var(item) / var(total))
 * </pre>
 *
 * computed from exact integer sums, since n·(n−1)·var = n·Σx² − (Σx)².
 */
final class Alpha {

    private Alpha() {}

    /**
     * Alpha from complete-case sums; null for fewer than two items or cases, or no variance of the total.
     *
     * @param k the items
     * @param n the complete cases
     * @param total Σ of the cases' totals
     * @param totalSq Σ of the totals squared
     * @param sum per item Σ x
     * @param sumSq per item Σ x²
     */
    static Double of(int k, long n, long total, long totalSq, long[] sum, long[] sumSq) {
        if (k < 2 || n < 2) {
            return null;
        }
        double totalVariance = (double) (n * totalSq - total * total);
        if (totalVariance == 0) {
            return null;
        }
        long itemVariances = 0;
        for (int i = 0; i < k; i++) {
            itemVariances += n * sumSq[i] - sum[i] * sum[i];
        }
        return k / (k - 1.0) * (1 - itemVariances / totalVariance);
    }
}
