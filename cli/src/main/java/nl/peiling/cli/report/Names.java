package nl.peiling.cli.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Location;
import nl.peiling.stats.scores.InstitutionNames;
import nl.peiling.stats.scores.Results;

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

    /** The names the results carry (see {@code aggregate --institutions}); none when they carry none. */
    public static Names of(Results results) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> shortNames = new LinkedHashMap<>();
        Map<String, Map<String, String>> locations = new LinkedHashMap<>();
        for (InstitutionNames institution : requireNonNull(results, "results").institutions()) {
            if (institution.name() != null) {
                names.put(institution.code(), institution.name());
            }
            if (institution.shortName() != null) {
                shortNames.put(institution.code(), institution.shortName());
            }
            locations.put(institution.code(), institution.locations());
        }
        return new Names(names, shortNames, locations);
    }

    /** The names of an institutions file as results carry them. */
    public static List<InstitutionNames> forResults(List<Institution> institutions) {
        List<InstitutionNames> list = new ArrayList<>();
        for (Institution institution : requireNonNull(institutions, "institutions")) {
            Map<String, String> own = new LinkedHashMap<>();
            for (Location location : institution.locations()) {
                own.put(location.code(), location.name());
            }
            list.add(new InstitutionNames(institution.code(), institution.name(), institution.shortName(), own));
        }
        return list;
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
