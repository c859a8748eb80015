package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

/**
 * The respondent fields of a response record (SPEC section 5): who answers, where, at what level and
 * in which pathway.
 *
 * @param respondent the respondent key, a pseudonym (never the student number)
 * @param institution the institution code (BRIN)
 * @param location the location code within the institution
 * @param level the level, 1 to 4
 * @param pathway BOL or BBL
 */
public record RespondentFields(String respondent, String institution, String location, int level, Pathway pathway) {

    public RespondentFields {
        requireNonNull(respondent, "respondent");
        requireNonNull(institution, "institution");
        requireNonNull(location, "location");
        requireNonNull(pathway, "pathway");
        nonBlank("respondent", respondent);
        nonBlank("institution", institution);
        nonBlank("location", location);
        if (!ResponseLayout.isLevel(level)) {
            throw new IllegalArgumentException("level (" + level + ") must be between " + ResponseLayout.MIN_LEVEL
                    + " and " + ResponseLayout.MAX_LEVEL);
        }
    }

    private static void nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
