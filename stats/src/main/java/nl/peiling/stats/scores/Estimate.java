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

    /**
     * Collects cells, then estimates. It keeps seven running totals (n, Σwn, Σw·sum, Σw·sumSq and the
     * same with w²), since Σ over a cell of w(y − mean)² = w·(Σy² − 2·mean·Σy + n·mean²) expands into
     * them; so cells can be added in one pass and nothing per cell is kept.
     */
    static final class Builder {
        private long n;
        private double w;
        private double wy;
        private double wyy;
        private double ww;
        private double wwy;
        private double wwyy;

        Builder add(double weight, long count, double sumY, double sumYSquared) {
            if (count == 0) {
                return this;
            }
            n += count;
            w += weight * count;
            wy += weight * sumY;
            wyy += weight * sumYSquared;
            double squared = weight * weight;
            ww += squared * count;
            wwy += squared * sumY;
            wwyy += squared * sumYSquared;
            return this;
        }

        /** A builder with this builder's cells less the other's (which must be a subset of them). */
        Builder minus(Builder other) {
            Builder rest = new Builder();
            rest.n = n - other.n;
            rest.w = w - other.w;
            rest.wy = wy - other.wy;
            rest.wyy = wyy - other.wyy;
            rest.ww = ww - other.ww;
            rest.wwy = wwy - other.wwy;
            rest.wwyy = wwyy - other.wwyy;
            return rest;
        }

        /** The estimate, or null when no respondent was added. */
        Estimate build() {
            if (n == 0) {
                return null;
            }
            double mean = wy / w;
            if (n == 1) {
                return new Estimate(n, w, mean, null, null);
            }
            double ss = Math.max(0, wyy - 2 * mean * wy + mean * mean * w);
            double ss2 = Math.max(0, wwyy - 2 * mean * wwy + mean * mean * ww);
            double factor = n / (n - 1.0);
            return new Estimate(n, w, mean, Math.sqrt(factor * ss / w), Math.sqrt(factor * ss2) / w);
        }
    }
}
