package nl.peiling.stats.scores;

import java.util.Locale;

/**
 * What an item's or a cluster's figures of a group are: the values of {@code state} in results. Three
 * ways for a figure to be missing, which a report must not confuse: the group never got the question,
 * its figures are withheld, or nobody answered.
 */
public enum FigureState {
    /** The figures are shown. */
    SHOWN,
    /** Withheld ({@code suppressed: true}); {@code suppressedBecause} says why. */
    SUPPRESSED,
    /** The group's respondents got the question but none answered it (n = 0). */
    NO_ANSWERS,
    /** None of the group's respondents got the question's module (excluded, or not allocated). */
    NOT_ADMINISTERED;

    private final String key = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The value in results: {@code shown}, {@code suppressed}, {@code no-answers}, {@code not-administered}. */
    public String key() {
        return key;
    }

    /**
     * The state of a key; a null key (results written before states were recorded) is {@code suppressed}
     * or {@code shown} by the suppressed flag.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    public static FigureState of(String key, boolean suppressed) {
        if (key == null) {
            return suppressed ? SUPPRESSED : SHOWN;
        }
        for (FigureState state : values()) {
            if (state.key.equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown figure state \"" + key + "\"");
    }
}
