package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden values from ../shared/reference/README.md, computed there with R 4.2.2, survey 4.1.1 and
 * psych 2.2.9 and checked by hand to 10 decimals. Tolerance 1e-9 (absolute; all values are of order 1).
 */
class ReferenceValuesTest {

    private static final double TOLERANCE = 1e-9;

    // The weighted-mean data set of the reference.
    static final String[] INST = {"A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B"};
    static final int[] Y = {4, 5, 3, 4, 2, 5, 3, 4, 2, 3, 4, 5};
    static final double[] W = {1.5, 1.5, 2.0, 1.0, 1.0, 2.5, 3.0, 3.0, 1.2, 1.2, 1.2, 2.0};

    // The alpha data set: 10 respondents × 4 items, all answered.
    static final int[][] ITEMS = {
        {4, 5, 3, 4, 2, 5, 4, 3, 4, 5},
        {4, 4, 3, 5, 2, 4, 4, 2, 3, 5},
        {3, 5, 2, 4, 1, 4, 5, 3, 4, 4},
        {5, 4, 3, 4, 2, 5, 3, 3, 4, 5}
    };

    /** One cell per respondent, so each respondent has a weight of its own, as in svydesign(weights=~w). */
    private static Estimate estimate(String institution, boolean weighted, java.util.function.IntToDoubleFunction y) {
        Estimate.Builder builder = new Estimate.Builder();
        for (int i = 0; i < Y.length; i++) {
            if (institution == null || INST[i].equals(institution)) {
                double value = y.applyAsDouble(i);
                builder.add(weighted ? W[i] : 1.0, 1, value, value * value);
            }
        }
        return builder.build();
    }

    @Test
    void weightedMeanAndLinearizationSe_allTwelve() {
        Estimate all = estimate(null, true, i -> Y[i]);
        assertThat(all.mean()).isCloseTo(3.7819905213, within(TOLERANCE));
        assertThat(all.se()).isCloseTo(0.2960682645, within(TOLERANCE));
        assertThat(all.n()).isEqualTo(12);
    }

    @Test
    void topTwoBoxShare_isTheMeanOfTheIndicator() {
        Estimate share = estimate(null, true, i -> Y[i] >= 4 ? 1 : 0);
        assertThat(share.mean()).isCloseTo(0.6018957346, within(TOLERANCE));
        assertThat(share.se()).isCloseTo(0.1586036592, within(TOLERANCE));
    }

    @Test
    void eachInstitutionAsItsOwnSample() {
        Estimate a = estimate("A", true, i -> Y[i]);
        Estimate b = estimate("B", true, i -> Y[i]);
        assertThat(a.mean()).isCloseTo(4.0, within(TOLERANCE));
        assertThat(a.se()).isCloseTo(0.4683914834, within(TOLERANCE));
        assertThat(b.mean()).isCloseTo(3.6034482759, within(TOLERANCE));
        assertThat(b.se()).isCloseTo(0.3887598265, within(TOLERANCE));
    }

    @Test
    void cohensD_unweightedPooledSd() {
        Estimate a = estimate("A", false, i -> Y[i]);
        Estimate b = estimate("B", false, i -> Y[i]);
        BenchmarkFigures benchmark =
                BenchmarkFormula.of("A", "item", "y", a, b, estimate(null, false, i -> Y[i]), null, 1);
        assertThat(benchmark.cohensD()).isCloseTo(0.3001501126, within(TOLERANCE));
        // Hand calculation: own 23/6, rest 21/6, national 44/12; se² = s²/n unweighted.
        assertThat(benchmark.own()).isCloseTo(23 / 6.0, within(1e-15));
        assertThat(benchmark.rest()).isCloseTo(3.5, within(1e-15));
        assertThat(benchmark.difference()).isCloseTo(23 / 6.0 - 44 / 12.0, within(1e-15));
        double z = (23 / 6.0 - 3.5) / Math.sqrt(1.3666666666666667 / 6 + 1.1 / 6);
        assertThat(benchmark.p()).isCloseTo(2 * (1 - phi(z)), within(1e-9));
        assertThat(benchmark.significant()).isFalse();
    }

    @Test
    void sdOfOneValue_isNullAndConstantHasZeroSe() {
        Estimate one = new Estimate.Builder().add(1.0, 1, 4, 16).build();
        assertThat(one.sd()).isNull();
        assertThat(one.se()).isNull();
        Estimate constant =
                new Estimate.Builder().add(2.0, 3, 12, 48).add(1.0, 2, 8, 32).build();
        assertThat(constant.mean()).isEqualTo(4.0);
        assertThat(constant.sd()).isEqualTo(0.0);
        assertThat(constant.se()).isEqualTo(0.0);
        assertThat(new Estimate.Builder().build()).isNull();
    }

    @Test
    void cronbachsAlpha_rawAndWithoutEachItem() {
        assertThat(alpha(0, 1, 2, 3)).isCloseTo(0.9065880039, within(TOLERANCE));
        assertThat(alpha(1, 2, 3)).isCloseTo(0.8270481144, within(TOLERANCE));
        assertThat(alpha(0, 2, 3)).isCloseTo(0.8781407035, within(TOLERANCE));
        assertThat(alpha(0, 1, 3)).isCloseTo(0.9149797571, within(TOLERANCE));
        assertThat(alpha(0, 1, 2)).isCloseTo(0.8964285714, within(TOLERANCE));
        // The scale mean: the mean of the respondents' item means.
        double sum = 0;
        for (int[] item : ITEMS) {
            for (int value : item) {
                sum += value;
            }
        }
        assertThat(sum / 40).isCloseTo(3.7, within(TOLERANCE));
    }

    @Test
    void alpha_edgeCases_areNull() {
        assertThat(Alpha.of(4, 1, 10, 100, new long[4], new long[4]))
                .as("one respondent")
                .isNull();
        assertThat(Alpha.of(3, 5, 45, 405, new long[] {15, 15, 15}, new long[] {45, 45, 45}))
                .as("zero total variance")
                .isNull();
    }

    @Test
    void normalTail_knownValues() {
        assertThat(Normal.twoSidedP(1.959963984540054)).isCloseTo(0.05, within(1e-14));
        assertThat(Normal.twoSidedP(0)).isEqualTo(1.0);
        assertThat(Normal.twoSidedP(Double.NaN)).isNaN();
        assertThat(Normal.twoSidedP(2.5758293035489004)).isCloseTo(0.01, within(1e-14));
        assertThat(Normal.twoSidedP(6)).isCloseTo(1.973175290075396e-9, within(1e-21));
        assertThat(Normal.twoSidedP(-3.2905267314918945)).isCloseTo(0.001, within(1e-14));
    }

    private static double alpha(int... items) {
        int n = ITEMS[0].length;
        long total = 0;
        long totalSq = 0;
        long[] sum = new long[items.length];
        long[] sumSq = new long[items.length];
        for (int r = 0; r < n; r++) {
            long t = 0;
            for (int i = 0; i < items.length; i++) {
                int x = ITEMS[items[i]][r];
                t += x;
                sum[i] += x;
                sumSq[i] += (long) x * x;
            }
            total += t;
            totalSq += t * t;
        }
        return Alpha.of(items.length, n, total, totalSq, sum, sumSq);
    }

    /** The standard normal cdf by numerical integration (Simpson, 20,000 steps), independent of Normal. */
    private static double phi(double z) {
        int steps = 20_000;
        double a = 0;
        double h = z / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double x = a + i * h;
            double f = Math.exp(-x * x / 2);
            s += (i == 0 || i == steps) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
        }
        return 0.5 + s * h / 3 / Math.sqrt(2 * Math.PI);
    }
}
