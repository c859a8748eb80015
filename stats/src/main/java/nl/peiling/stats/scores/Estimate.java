package nl.peiling.stats.scores;

/**
 * The weighted mean, sd and standard error of a variable over cells with a common weight per cell,
 * from the cells' exact sums. With one respondent per cell and weight w_i this is exactly R survey's
 * {@code svymean(~y, svydesign(ids=~1, weights=~w))} and {@code svyvar}:
 *
 * <pre>
 * mean = Σ w y / Σ w
 * var  = n/(n−1) · Σ w (y − mean)² / Σ w                      (svyvar; sd = √var)
 * se   = √( n/(n−1) · Σ z² ),  z = w (y − mean) / Σ w          (linearization, no fpc)
 * </pre>
 *
 * where Σ over a cell of (y − mean)² = Σy² − 2·mean·Σy + n·mean². Empty input: no estimate; n = 1: sd
 * and se are null (R gives NA); zero variance: sd and se are 0.
 *
 * @param n respondents
 * @param weight Σ w
 * @param mean weighted mean
 * @param sd weighted sd, null for n = 1
 * @param se standard error of the mean, null for n = 1
 */
record Estimate(long n, double weight, double mean, Double sd, Double se) {

    /** Collects cells, then estimates. */
    static final class Builder {
        private double[] w = new double[16];
        private long[] n = new long[16];
        private double[] sum = new double[16];
        private double[] sumSq = new double[16];
        private int cells;

        Builder add(double weight, long count, double sumY, double sumYSquared) {
            if (count == 0) {
                return this;
            }
            if (cells == w.length) {
                int size = cells * 2;
                w = java.util.Arrays.copyOf(w, size);
                n = java.util.Arrays.copyOf(n, size);
                sum = java.util.Arrays.copyOf(sum, size);
                sumSq = java.util.Arrays.copyOf(sumSq, size);
            }
            w[cells] = weight;
            n[cells] = count;
            sum[cells] = sumY;
            sumSq[cells] = sumYSquared;
            cells++;
            return this;
        }

        /** The estimate, or null when no respondent was added. */
        Estimate build() {
            long total = 0;
            double weight = 0;
            double weightedSum = 0;
            for (int h = 0; h < cells; h++) {
                total += n[h];
                weight += w[h] * n[h];
                weightedSum += w[h] * sum[h];
            }
            if (total == 0) {
                return null;
            }
            double mean = weightedSum / weight;
            if (total == 1) {
                return new Estimate(total, weight, mean, null, null);
            }
            double ss = 0;
            double ss2 = 0;
            for (int h = 0; h < cells; h++) {
                double deviations = Math.max(0, sumSq[h] - 2 * mean * sum[h] + n[h] * mean * mean);
                ss += w[h] * deviations;
                ss2 += w[h] * w[h] * deviations;
            }
            double factor = total / (total - 1.0);
            double sd = Math.sqrt(factor * ss / weight);
            double se = Math.sqrt(factor * ss2) / weight;
            return new Estimate(total, weight, mean, sd, se);
        }
    }
}
