package nl.peiling.stats.scores;

/**
 * The standard normal distribution's tail, for p values: erfc by its series (|x| ≤ 3, no cancellation)
 * and by its continued fraction beyond, accurate to about 1e-14 relative.
 */
public final class Normal {

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private Normal() {}

    /** The two-sided p value of a standard normal z: P(|Z| ≥ |z|) = erfc(|z|/√2). NaN for NaN. */
    public static double twoSidedP(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** The complementary error function for x ≥ 0. */
    static double erfc(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("x (" + x + ") must be >= 0");
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        if (x <= 3) {
            // erf(x) = 2/√π · e^(−x²) · Σ 2^n x^(2n+1) / (1·3·5···(2n+1)): positive terms only.
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
                if (term < sum * 1e-17) {
                    break;
                }
            }
            return 1 - 2 / SQRT_PI * Math.exp(-x * x) * sum;
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), by Lentz's method.
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / SQRT_PI / f;
    }
}
