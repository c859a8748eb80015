package nl.peiling.stats.scores;

import java.util.Locale;

/** Why a figure is withheld: the values of {@code suppressedBecause}. */
public enum Suppression {
    /** Fewer respondents than the minimum n. */
    N,
    /**
     * Shown groups of a partition of an institution withheld too, so that the withheld ones hold at
     * least the minimum n together and cannot be found by subtraction.
     */
    SECONDARY,
    /** The group's response rate is below the publication rule ({@code --min-response-rate}). */
    RESPONSE_RATE;

    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The value in results: {@code n}, {@code secondary}, {@code response-rate}. */
    public String key() {
        return key;
    }
}
