package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

/**
 * A location (vestiging) of an institution.
 *
 * @param code the location code, unique within its institution, e.g. {@code 01}
 * @param name the location's name for people
 */
public record Location(String code, String name) {

    public Location {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
    }

    /** A location named after its code. */
    public static Location of(String code) {
        return new Location(code, code);
    }
}
