package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of an institution and its locations, from {@code institutions.json}, which results carry
 * so that a report can name them without the file.
 *
 * @param code the institution code
 * @param name its full name
 * @param shortName its short name, for chart labels
 * @param locations location code to name
 */
public record InstitutionNames(String code, String name, String shortName, Map<String, String> locations) {

    public InstitutionNames {
        requireNonNull(code, "code");
        locations =
                locations == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }
}
