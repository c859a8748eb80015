package nl.peiling.stats.trend;

/**
 * When a significant difference is large enough to be notable. Significance alone says a difference is
 * unlikely to be chance; with thousands of respondents a trivial difference is significant, so a
 * notable difference must also reach a minimum size.
 *
 * <p>Means (scales, grades, numbers, clusters) are measured in Cohen's d, difference / √((sd₁² + sd₂²)/2),
 * so that one rule serves a five-point scale, a grade and a number: 0.2 is Cohen's "small" effect
 * (J. Cohen, Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988, section 2.2.3), about
 * 0.2 points on a typical five-point item with sd 1. Shares are measured in percentage points: 2.5 is
 * the threshold at which the Office for Students calls an indicator "materially" above or below its
 * benchmark (TEF 2023).
 *
 * @param minCohensD the smallest |d| of a notable change of a mean, ≥ 0
 * @param minShareDifference the smallest |difference| of a notable change of a share, 0..1 (0.025 = 2.5
 *     percentage points)
 */
public record Materiality(double minCohensD, double minShareDifference) {

    /** d ≥ 0.2 for means, 2.5 percentage points for shares. */
    public static final Materiality STANDARD = new Materiality(0.2, 0.025);

    public Materiality {
        if (!(minCohensD >= 0) || Double.isInfinite(minCohensD)) {
            throw new IllegalArgumentException("minimum Cohen's d (" + minCohensD + ") must be finite and >= 0");
        }
        if (!(minShareDifference >= 0 && minShareDifference <= 1)) {
            throw new IllegalArgumentException(
                    "minimum share difference (" + minShareDifference + ") must be >= 0 and <= 1");
        }
    }
}
