package nl.peiling.stats.sampling;

import java.util.Locale;

/** Checks and arithmetic shared by the barometer's row types. */
final class Rows {

    private Rows() {}

    static void requireCounts(long population, long responses, long net, long gross) {
        requireNonNegative(population, "population");
        requireNonNegative(responses, "responses");
        requireNonNegative(net, "net");
        requireNonNegative(gross, "gross");
    }

    /** 100 × responses / net, and 100 when nothing is required. */
    static double percent(long responses, long net) {
        return net == 0 ? 100.0 : 100.0 * responses / net;
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%d) must be >= 0", what, value));
        }
    }
}
