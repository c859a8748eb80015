package nl.peiling.cli.report;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Location;

/**
 * Names of institutions and locations for people, from {@code institutions.json}; codes stand in for
 * names it does not have.
 *
 * @param institutions full name per institution code
 * @param shortNames short name per institution code, for chart labels
 * @param locations location name per institution code and location code
 */
public record Names(
        Map<String, String> institutions, Map<String, String> shortNames, Map<String, Map<String, String>> locations) {

    public Names {
        institutions = Map.copyOf(institutions);
        shortNames = Map.copyOf(shortNames);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        locations.forEach((code, names) -> copy.put(code, Map.copyOf(names)));
        locations = Map.copyOf(copy);
    }

    /** No names: every institution and location is shown by its code. */
    public static Names none() {
        return new Names(Map.of(), Map.of(), Map.of());
    }

    /** The names in an institutions file. */
    public static Names of(List<Institution> institutions) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> shortNames = new LinkedHashMap<>();
        Map<String, Map<String, String>> locations = new LinkedHashMap<>();
        for (Institution institution : requireNonNull(institutions, "institutions")) {
            names.put(institution.code(), institution.name());
            shortNames.put(institution.code(), institution.shortName());
            Map<String, String> own = new LinkedHashMap<>();
            for (Location location : institution.locations()) {
                own.put(location.code(), location.name());
            }
            locations.put(institution.code(), own);
        }
        return new Names(names, shortNames, locations);
    }

    /** The institution's full name, or its code. */
    public String institution(String code) {
        return institutions.getOrDefault(code, code);
    }

    /** The institution's short name for labels, or its code. */
    public String shortName(String code) {
        return shortNames.getOrDefault(code, code);
    }

    /** The location's name, or null when the file does not name it (or names it by its code). */
    public String location(String institution, String location) {
        String name = locations.getOrDefault(institution, Map.of()).get(location);
        return name == null || name.equals(location) ? null : name;
    }
}
