package nl.peiling.stats.sampling;

import java.util.List;

/**
 * Textbook cases of the response formulas with their expected values, tolerance and source.
 *
 * <p>Source of the sample-size table and the margins: {@code /work/shared/reference/README.md} ("Reference
 * values", section "Sample size", computed with R 4.2.2 and checked by hand to 10 decimals), at SPEC section 4's
 * standard parameters z = 1.96, p = 50, e = 5. Gross sizes: hand calculation, ceil(1.1 × net) in exact decimals.
 */
final class SamplingReference {

    /** Tolerance of the raw values and margins, which the reference gives to 6 decimals. */
    static final double TOLERANCE = 1e-6;

    /**
     * One row of the reference table.
     *
     * @param population N
     * @param raw the value before {@code + 0.99} and floor
     * @param net the required net size
     * @param gross ceil(1.1 × net), by hand
     * @param marginAtNet the achieved margin at net, in percentage points
     */
    record Case(long population, double raw, long net, long gross, double marginAtNet) {}

    /** The reference table (reference/README.md, "Sample size"); gross by hand: 1.1 × 45 = 49.5 → 50, and so on. */
    static final List<Case> SAMPLE_SIZES = List.of(
            new Case(50, 44.343891, 45, 50, 4.666667),
            new Case(100, 79.509893, 80, 88, 4.924685),
            new Case(500, 217.491734, 218, 240, 4.989673),
            new Case(1000, 277.740825, 278, 306, 4.996772),
            new Case(5000, 356.816442, 357, 393, 4.998616),
            new Case(20000, 376.938610, 377, 415, 4.999585),
            new Case(100000, 382.693671, 383, 422, 4.997992));

    /**
     * An achieved margin (reference/README.md, "Margin of error").
     *
     * @param population N
     * @param responses n
     * @param margin e(n, N) in percentage points
     */
    record Margin(long population, long responses, double margin) {}

    static final List<Margin> MARGINS = List.of(new Margin(1000, 200, 6.201166), new Margin(100, 100, 0.0));

    /**
     * Populations whose net size times 1.1 is a whole number that double arithmetic overshoots (1.1 × 50 =
     * 55.000000000000007), so a floating-point ceil would add a respondent. By hand: net(57) = floor(49.94 + 0.99) =
     * 50 → gross 55; net(134) = 100 → gross 110.
     */
    static final List<Case> EXACT_GROSS =
            List.of(new Case(57, Double.NaN, 50, 55, Double.NaN), new Case(134, Double.NaN, 100, 110, Double.NaN));

    /**
     * Populations where the fraction of the raw value is below 0.01, so JOB's {@code + 0.99} rounds down and the
     * margin at net is a hair above 5 (by hand and exact rational arithmetic: raw(196) = 130.00787, raw(714) =
     * 250.00022).
     */
    static final List<Case> ROUNDS_DOWN =
            List.of(new Case(196, 130.007873, 130, 143, 5.000450), new Case(714, 250.000219, 250, 275, Double.NaN));

    private SamplingReference() {}
}
