package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

/**
 * A respondent to allocate: a pseudonymous key with the institution and location it is enrolled at.
 *
 * <p>The key is a pseudonym, never a student number; {@link Pseudonyms} makes one. The institution and
 * location together are the respondent's stratum, within which batch allocation balances the modules.
 *
 * @param key the respondent key, unique in a run
 * @param institution the institution code (BRIN), e.g. {@code 25LZ}
 * @param location the location (vestiging) code within the institution
 */
public record Respondent(String key, String institution, String location) {

    public Respondent {
        requireNonNull(key, "key");
        requireNonNull(institution, "institution");
        requireNonNull(location, "location");
        if (key.isBlank()) {
            throw new IllegalArgumentException("respondent key must not be blank");
        }
    }

    /** A respondent. */
    public static Respondent of(String key, String institution, String location) {
        return new Respondent(key, institution, location);
    }
}
