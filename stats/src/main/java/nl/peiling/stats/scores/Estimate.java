package nl.peiling.stats.scores;

/**
 * The weighted mean, sd and standard error of a variable over cells with a common weight per cell,
 * from the cells' exact sums. With one respondent per cell and weight w_i this is exactly R survey's
 * {@code svymean(~y, svydesign(ids=~1, weights=~w))} and {@code svyvar}:
 *
 * <pre>
 * mean       = Σ w y / Σ w
 * var        = n/(n−1) · Σ w (y − mean)² / Σ w                      (svyvar; sd = √var)
 * se         = √( n/(n−1) · Σ z² ),  z = w (y − mean) / Σ w          (linearization, no fpc)
 * nEffective = (Σ w)² / Σ w²                                         (Kish; n without weights)
 * </pre>
 *
 * where Σ over a cell of (y − mean)² = Σy² − 2·mean·Σy + n·mean². Empty input: no estimate; n = 1: sd
 * and se are null (R gives NA); one distinct value (known by counting, see {@link Builder#add(double,
 * long, double, double, long, long)}): sd and se are exactly 0.
 *
 * @param n respondents
 * @param weight Σ w
 * @param mean weighted mean
 * @param sd weighted sd, null for n = 1
 * @param se standard error of the mean, null for n = 1
 * @param nEffective Kish's effective sample size (Σw)²/Σw², in respondents
 * @param constant whether every respondent is known, by counting, to have the same value
 */
record Estimate(long n, double weight, double mean, Double sd, Double se, double nEffective, boolean constant) {

    /**
     * Collects cells, then estimates. It keeps seven running totals (n, Σwn, Σw·sum, Σw·sumSq and the
     * same with w²), since Σ over a cell of w(y − mean)² = w·(Σy² − 2·mean·Σy + n·mean²) expands into
     * them; so cells can be added in one pass and nothing per cell is kept. Beside them it keeps the
     * one value all cells so far share, as an exact fraction, or that there is more than one.
     */
    static final class Builder {
        private long n;
        private double w;
        private double wy;
        private double wyy;
        private double ww;
        private double wwy;
        private double wwyy;
        /** The one value so far as numerator / denominator; denominator 0 once there are several. */
        private long valueNumerator;

        private long valueDenominator;
        private boolean varied;

        /** Adds a cell of {@code count} values whose distinct values are not known: as if several. */
        Builder add(double weight, long count, double sumY, double sumYSquared) {
            return add(weight, count, sumY, sumYSquared, 0, 0);
        }

        /**
         * Adds a cell of {@code count} values with sum and sum of squares; when all its values are
         * equal, {@code numerator / denominator} is that value (denominator > 0), otherwise the
         * denominator is 0.
         */
        Builder add(double weight, long count, double sumY, double sumYSquared, long numerator, long denominator) {
            if (count == 0) {
                return this;
            }
            note(numerator, denominator);
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

        private void note(long numerator, long denominator) {
            if (varied) {
                return;
            }
            if (denominator == 0) {
                varied = true;
            } else if (valueDenominator == 0) {
                valueNumerator = numerator;
                valueDenominator = denominator;
            } else if (numerator * valueDenominator != valueNumerator * denominator) {
                varied = true;
            }
        }

        /** Adds the other builder's cells to this one's. */
        Builder add(Builder other) {
            if (other.n == 0) {
                return this;
            }
            note(other.varied ? 0 : other.valueNumerator, other.varied ? 0 : other.valueDenominator);
            n += other.n;
            w += other.w;
            wy += other.wy;
            wyy += other.wyy;
            ww += other.ww;
            wwy += other.wwy;
            wwyy += other.wwyy;
            return this;
        }

        /**
         * A builder with this builder's cells less the other's (which must be a subset of them); whether
         * the rest's values are all equal is not known, so they count as several.
         */
        Builder minus(Builder other) {
            Builder rest = new Builder();
            rest.n = n - other.n;
            rest.w = w - other.w;
            rest.wy = wy - other.wy;
            rest.wyy = wyy - other.wyy;
            rest.ww = ww - other.ww;
            rest.wwy = wwy - other.wwy;
            rest.wwyy = wwyy - other.wwyy;
            rest.varied = true;
            return rest;
        }

        /** The respondents added so far. */
        long n() {
            return n;
        }

        /** The estimate, or null when no respondent was added. */
        Estimate build() {
            if (n == 0) {
                return null;
            }
            double mean = wy / w;
            double nEffective = w * w / ww;
            boolean constant = !varied;
            if (n == 1) {
                return new Estimate(n, w, mean, null, null, nEffective, constant);
            }
            if (constant) {
                return new Estimate(n, w, mean, 0.0, 0.0, nEffective, true);
            }
            double ss = Math.max(0, wyy - 2 * mean * wy + mean * mean * w);
            double ss2 = Math.max(0, wwyy - 2 * mean * wwy + mean * mean * ww);
            double factor = n / (n - 1.0);
            return new Estimate(n, w, mean, Math.sqrt(factor * ss / w), Math.sqrt(factor * ss2) / w, nEffective, false);
        }
    }
}
