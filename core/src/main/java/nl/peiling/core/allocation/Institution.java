package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An institution's plan for an edition, as in {@code institutions.json}: the modules it chooses for all
 * its students, the modules it excludes, and its locations.
 *
 * <p>The record holds what the file says; whether the plan fits an edition (known modules, the right
 * number chosen, nothing both chosen and excluded, …) is checked by {@link PlanCheck}.
 *
 * @param code the institution code (BRIN), e.g. {@code 25LZ}
 * @param name the full name
 * @param shortName a short name for tables
 * @param chosen the chosen optional modules, in the order the questionnaire asks them
 * @param excluded the optional modules the institution does not want
 * @param locations the locations (vestigingen)
 */
public record Institution(
        String code,
        String name,
        String shortName,
        List<String> chosen,
        List<String> excluded,
        List<Location> locations) {

    public Institution {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        requireNonNull(shortName, "shortName");
        chosen = List.copyOf(chosen);
        excluded = List.copyOf(excluded);
        locations = List.copyOf(locations);
    }

    /** An institution named after its code, with locations named after their codes. */
    public static Institution of(String code, List<String> chosen, List<String> excluded, String... locations) {
        return new Institution(
                code,
                code,
                code,
                chosen,
                excluded,
                Arrays.stream(locations).map(Location::of).toList());
    }

    /** The location with this code, if the institution has it. */
    public Optional<Location> location(String locationCode) {
        return locations.stream().filter(l -> l.code().equals(locationCode)).findFirst();
    }

    /** The location codes, in the file's order. */
    public List<String> locationCodes() {
        return locations.stream().map(Location::code).toList();
    }
}
