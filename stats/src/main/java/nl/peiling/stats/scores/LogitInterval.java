package nl.peiling.stats.scores;

/**
 * The 95% interval of a share on the logit scale, as R survey's {@code svyciprop(method = "xlogit", df =
 * Inf)}: expit(logit(p) ± z·se/(p(1−p))), z = qnorm(0.975).
 */
final class LogitInterval {
    /** The normal quantile of share intervals and tests of SPEC section 8: R's qnorm(0.975). */
    static final double Z975 = 1.959963984540054;

    private LogitInterval() {}

    /** The lower ({@code sign} −1) or upper ({@code sign} 1) end for a share p with standard error se; 0 < p < 1. */
    static double bound(double p, double se, int sign) {
        double logit = Math.log(p / (1 - p)) + sign * Z975 * se / (p * (1 - p));
        return 1 / (1 + Math.exp(-logit));
    }
}
