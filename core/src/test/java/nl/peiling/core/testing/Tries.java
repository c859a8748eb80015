package nl.peiling.core.testing;

import java.util.SplittableRandom;
import org.opentest4j.TestAbortedException;

/**
 * Property tests as seeded tries: each try draws its inputs from a {@link SplittableRandom} of its own seed, and a
 * failure names the try and its seed. The first seed is new in every run, so that the builds together try ever more
 * inputs; {@code -Dpeiling.seed=S} starts from seed S, so that a reported case is tried first again. The seed
 * reproduces a failing case; there is no shrinking.
 *
 * <p>A try whose inputs a property cannot use says so with {@code Assumptions.assumeTrue}; it is skipped and another
 * is drawn, so that a property checks all its tries. It fails if more than five tries per try asked for are skipped.
 */
public final class Tries {

    /** One try of a property, on inputs drawn from {@code random}. */
    @FunctionalInterface
    public interface Try {
        void run(SplittableRandom random) throws Exception;
    }

    private Tries() {}

    /** Checks {@code property} on {@code tries} seeded tries, and fails with the try and seed of the first that fails. */
    public static void check(int tries, Try property) {
        String given = System.getProperty("peiling.seed");
        long first = given == null || given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given);
        int checked = 0;
        int skipped = 0;
        for (int i = 0; checked < tries; i++) {
            long seed = first + i;
            try {
                property.run(new SplittableRandom(seed));
                checked++;
            } catch (TestAbortedException assumption) {
                if (++skipped > 5 * tries) {
                    throw new AssertionError("from seed " + first + " " + skipped + " tries skipped, " + checked
                            + " of " + tries + " checked: " + assumption.getMessage());
                }
            } catch (Throwable failure) {
                throw new AssertionError(
                        "try " + (i + 1) + " failed (" + checked + " of " + tries + " passed before it), seed " + seed
                                + " (-Dpeiling.seed=" + seed + " tries it first): " + failure,
                        failure);
            }
        }
    }

    /**
     * An int from min to max, both included: min one time in twenty, max one in twenty, a small distance above min
     * (log-uniform) one in five, else uniform; so the bounds and small values are tried as well as the whole range.
     */
    public static int intIn(SplittableRandom random, int min, int max) {
        return Math.toIntExact(longIn(random, min, max));
    }

    /** A long from min to max, both included, drawn as {@link #intIn}; the range is narrower than 2⁶³ − 1. */
    public static long longIn(SplittableRandom random, long min, long max) {
        long span = max - min;
        if (min > max || span < 0 || span == Long.MAX_VALUE) {
            throw new IllegalArgumentException("no range from " + min + " to " + max);
        }
        int pick = random.nextInt(20);
        if (pick < 2 || span == 0) {
            return pick == 0 ? min : max;
        }
        if (pick < 6) { // log-uniform distance above min: 0 to 1, 0 to 3, 0 to 7 ... each as often
            int bits = 1 + random.nextInt(64 - Long.numberOfLeadingZeros(span));
            return min + random.nextLong(Math.min(span, (1L << bits) - 1) + 1);
        }
        return random.nextLong(min, max + 1);
    }

    /** Draws one character. */
    @FunctionalInterface
    public interface CharDraw {
        char next(SplittableRandom random);
    }

    /**
     * A string of minLength to maxLength characters, its length drawn as {@link #intIn} (so the shortest, the
     * longest and short strings are frequent: the empty string where allowed), each character from {@code chars}.
     */
    public static String string(SplittableRandom random, int minLength, int maxLength, CharDraw chars) {
        int length = intIn(random, minLength, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(chars.next(random));
        }
        return text.toString();
    }

    /**
     * Any char: one in four printable ASCII, else any of the 65,536 chars, so that control characters, two- and
     * three-byte UTF-8 forms and unpaired (and now and then paired) surrogates occur.
     */
    public static char anyChar(SplittableRandom random) {
        return (char) (random.nextInt(4) == 0 ? random.nextInt(0x20, 0x7f) : random.nextInt(Character.MAX_VALUE + 1));
    }
}
