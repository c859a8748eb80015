package nl.peiling.cli;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting of the response commands, for people and for JSON. */
final class Numbers {

    private Numbers() {}

    /** A number as people write it: 5 rather than 5.0, 1.96 rather than 1.9600. */
    static String show(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : "" + value;
    }

    /** A number with a fixed number of decimals, e.g. 4.9968. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The value, or null (JSON null) when it is infinite or not a number, which JSON cannot hold. */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** A count and its noun, singular for exactly one: {@code 1 cluster}, {@code 2 clusters}. */
    static String counted(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
