package nl.peiling.stats.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * The response formulas of JOB's response barometer (SPEC section 4): the required net and gross sample size of a
 * population and the achieved margin of error of a number of responses.
 *
 * <p>Instances are immutable and thread-safe; {@link #standard()} gives JOB's parameters (95 % confidence, so
 * z = 1.96; proportion p = 50 %; margin e = 5 percentage points; 10 % extra) and each {@code withX(...)} returns a
 * copy with one parameter changed:
 *
 * <pre>{@code
 * SampleSize s = SampleSize.standard();
 * s.net(1000);                    // 278
 * s.gross(1000);                  // 306
 * s.achievedMargin(200, 1000);    // 6.201166...
 * s.withConfidence(99).withMargin(3).net(1000);
 * }</pre>
 *
 * <p>All parameters are in percent units, as JOB writes them: p = 50 and e = 5, not 0.5 and 0.05. The net and gross
 * sizes are computed exactly in decimal arithmetic from the decimal parameters (1.96, 50, 5, 10), so no
 * floating-point error can move a value across a rounding boundary; only {@link #rawNet(long)} and
 * {@link #achievedMargin(long, long)} are doubles.
 */
public final class SampleSize {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ROUND_UP_SHIFT = new BigDecimal("0.99");

    private static final SampleSize STANDARD =
            new SampleSize(95, new BigDecimal("50"), new BigDecimal("5"), new BigDecimal("10"));

    private final int confidence;
    private final BigDecimal z;
    private final BigDecimal proportion;
    private final BigDecimal margin;
    private final BigDecimal extra;

    private SampleSize(int confidence, BigDecimal proportion, BigDecimal margin, BigDecimal extra) {
        this.confidence = confidence;
        this.z = zOf(confidence);
        this.proportion = proportion;
        this.margin = margin;
        this.extra = extra;
    }

    /** JOB's parameters: confidence 95 % (z = 1.96), proportion 50 %, margin 5 percentage points, extra 10 %. */
    public static SampleSize standard() {
        return STANDARD;
    }

    /**
     * A copy with another confidence level: 90, 95 or 99 percent, that is z = 1.645, 1.96 or 2.576 (the values JOB
     * uses, rounded as JOB rounds them).
     *
     * @throws IllegalArgumentException for any other level
     */
    public SampleSize withConfidence(int percent) {
        if (percent != 90 && percent != 95 && percent != 99) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "confidence (%d) must be 90, 95 or 99", percent));
        }
        return new SampleSize(percent, proportion, margin, extra);
    }

    /**
     * A copy with another margin of error e, in percentage points (5 means ± 5 %).
     *
     * @throws IllegalArgumentException unless 0 &lt; e &lt;= 100
     */
    public SampleSize withMargin(double percentagePoints) {
        if (!(percentagePoints > 0 && percentagePoints <= 100)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "margin (%s) must be > 0 and <= 100 percentage points", show(percentagePoints)));
        }
        return new SampleSize(confidence, proportion, BigDecimal.valueOf(percentagePoints), extra);
    }

    /**
     * A copy with another expected proportion p, in percent; 50 (the default) is the most cautious choice because it
     * maximises p(100 − p).
     *
     * @throws IllegalArgumentException unless 0 &lt; p &lt; 100
     */
    public SampleSize withProportion(double percent) {
        if (!(percent > 0 && percent < 100)) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "proportion (%s) must be > 0 and < 100 percent", show(percent)));
        }
        return new SampleSize(confidence, BigDecimal.valueOf(percent), margin, extra);
    }

    /**
     * A copy with another extra percentage for the gross size (10 means invite 10 % more than the net size, because
     * not everyone responds).
     *
     * @throws IllegalArgumentException unless the percentage is finite and &gt;= 0
     */
    public SampleSize withExtra(double percent) {
        if (!(percent >= 0 && Double.isFinite(percent))) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "extra (%s) must be a finite percentage >= 0", show(percent)));
        }
        return new SampleSize(confidence, proportion, margin, BigDecimal.valueOf(percent));
    }

    /** The confidence level in percent: 90, 95 or 99. */
    public int confidence() {
        return confidence;
    }

    /** The z value of the confidence level: 1.645, 1.96 or 2.576. */
    public double z() {
        return z.doubleValue();
    }

    /** The expected proportion p in percent (default 50). */
    public double proportion() {
        return proportion.doubleValue();
    }

    /** The margin of error e in percentage points (default 5). */
    public double margin() {
        return margin.doubleValue();
    }

    /** The extra percentage of the gross size over the net size (default 10). */
    public double extra() {
        return extra.doubleValue();
    }

    /**
     * The required size before rounding, {@code N·z²·p(100 − p) / (z²·p(100 − p) + (N − 1)·e²)}: the number of
     * responses at which the achieved margin of error equals e exactly (for N = 1 it is 1).
     *
     * @param population N, the number of students in the population
     * @throws IllegalArgumentException if N &lt; 1
     */
    public double rawNet(long population) {
        checkPopulation(population);
        return numerator(population)
                .divide(denominator(population), MathContext.DECIMAL64)
                .doubleValue();
    }

    /**
     * The required net sample size, exactly as JOB's response barometer defines it:
     *
     * <pre>
     * net(N) = floor( N·z²·p(100 − p) / ( z²·p(100 − p) + (N − 1)·e² ) + 0.99 )
     * </pre>
     *
     * <p>With the standard parameters net(50) = 45, net(1000) = 278 and net(100000) = 383; it approaches
     * z²·p(100 − p)/e² ≈ 384.16 for large N. Edge cases:
     *
     * <ul>
     *   <li>N = 1 gives 1; in general 0 &lt;= net(N) &lt;= N (the raw value never exceeds N).
     *   <li>The {@code + 0.99} rounds up, except when the fraction of the raw value is below 0.01: then it rounds
     *       down, and the achieved margin at net(N) is a hair above e (for N = 196, 130.0079 gives 130 with a
     *       margin of 5.00045). This is JOB's rule and it is kept on purpose; net(N) + 1 always reaches e.
     *   <li>net(N) is non-decreasing in N whenever e² &lt;= z²·p(100 − p), that is e below about 98 points at
     *       p = 50; a larger e makes the raw value fall towards z²p(100 − p)/e² &lt; 1.
     * </ul>
     *
     * <p>The value is exact: the division and the rounding are done in decimal arithmetic.
     *
     * @param population N, the number of students in the population
     * @throws IllegalArgumentException if N &lt; 1
     */
    public long net(long population) {
        checkPopulation(population);
        BigDecimal denominator = denominator(population);
        // floor(a/b + 0.99) = floor((a + 0.99·b) / b), b > 0: one exact division with rounding to floor.
        return numerator(population)
                .add(ROUND_UP_SHIFT.multiply(denominator))
                .divide(denominator, 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /**
     * The gross sample size: {@code ceil(net(N) · (100 + extra) / 100)}, the net size plus the extra percentage
     * rounded up to a whole respondent; with the standard 10 %, 1.1 × net(N).
     *
     * <p>Exact decimal arithmetic, so a net of 50 gives 55 (in double arithmetic 1.1 × 50 is 55.000000000000007 and
     * would round up to 56). The gross size may exceed N for small populations (N = 10: net 10, gross 11), meaning
     * every student must be invited; it is not capped at N.
     *
     * @param population N, the number of students in the population
     * @throws IllegalArgumentException if N &lt; 1
     */
    public long gross(long population) {
        return grossOfNet(net(population));
    }

    /**
     * The gross size for a given net size: {@code ceil(net · (100 + extra) / 100)}, exact.
     *
     * @throws IllegalArgumentException if net &lt; 0
     */
    public long grossOfNet(long net) {
        if (net < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "net (%d) must be >= 0", net));
        }
        return BigDecimal.valueOf(net)
                .multiply(HUNDRED.add(extra))
                .movePointLeft(2)
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    /**
     * The achieved margin of error, in percentage points, of n responses from a population of N:
     *
     * <pre>
     * e(n, N) = z · sqrt( p(100 − p)/n · (N − n)/(N − 1) )
     * </pre>
     *
     * <p>The last factor is the finite population correction. Edge cases:
     *
     * <ul>
     *   <li>n = N (a census, including N = n = 1): 0, there is no sampling error.
     *   <li>n = 0: {@link Double#POSITIVE_INFINITY}; no responses give no precision at all.
     *   <li>e(net(N), N) &lt;= e, except for the rounding-down case described at {@link #net(long)}.
     * </ul>
     *
     * <p>Example: e(200, 1000) = 6.201166 at the standard parameters.
     *
     * @param responses n, the number of responses
     * @param population N, the number of students in the population
     * @throws IllegalArgumentException if N &lt; 1, n &lt; 0 or n &gt; N
     */
    public double achievedMargin(long responses, long population) {
        checkPopulation(population);
        if (responses < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "responses (%d) must be >= 0", responses));
        }
        if (responses > population) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "responses (%d) must be <= population (%d)", responses, population));
        }
        if (responses == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (responses == population) {
            return 0.0;
        }
        double p = proportion.doubleValue();
        double n = responses;
        double bigN = population;
        return z.doubleValue() * Math.sqrt(p * (100 - p) / n * ((bigN - n) / (bigN - 1)));
    }

    private BigDecimal variance() {
        // z²·p(100 − p)
        return z.multiply(z).multiply(proportion).multiply(HUNDRED.subtract(proportion));
    }

    private BigDecimal numerator(long population) {
        return BigDecimal.valueOf(population).multiply(variance());
    }

    private BigDecimal denominator(long population) {
        return variance().add(BigDecimal.valueOf(population - 1).multiply(margin.multiply(margin)));
    }

    private static void checkPopulation(long population) {
        if (population < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "population (%d) must be >= 1", population));
        }
    }

    private static BigDecimal zOf(int confidence) {
        switch (confidence) {
            case 90:
                return new BigDecimal("1.645");
            case 95:
                return new BigDecimal("1.96");
            case 99:
                return new BigDecimal("2.576");
            default:
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "confidence (%d) must be 90, 95 or 99", confidence));
        }
    }

    /** A number as people write it: 5 rather than 5.0, and NaN or Infinity as such. */
    static String show(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SampleSize that
                && confidence == that.confidence
                && proportion.compareTo(that.proportion) == 0
                && margin.compareTo(that.margin) == 0
                && extra.compareTo(that.extra) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                confidence, proportion.stripTrailingZeros(), margin.stripTrailingZeros(), extra.stripTrailingZeros());
    }

    /** The parameters, e.g. {@code SampleSize[confidence=95%, z=1.96, p=50, e=5, extra=10%]}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "SampleSize[confidence=%d%%, z=%s, p=%s, e=%s, extra=%s%%]",
                confidence,
                z.toPlainString(),
                proportion.stripTrailingZeros().toPlainString(),
                margin.stripTrailingZeros().toPlainString(),
                extra.stripTrailingZeros().toPlainString());
    }
}
