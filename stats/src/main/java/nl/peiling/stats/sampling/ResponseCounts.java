package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The responses counted so far: per institution and location the number of respondents, and per institution and
 * module the number of respondents allocated that module. Immutable; maps iterate in code order.
 *
 * <p>Three ways to make one: {@link #read(Path, Population)} streams a {@code responses.csv}; {@link #of(Map, Map)}
 * takes counts that a survey vendor keeps in its own store; {@link ResponseTally} counts respondent by respondent and
 * merges partial counts.
 *
 * <p>Zero counts are left out of the maps (a lookup gives 0), so equal counts are equal values whether they were read
 * from a file, handed in or tallied.
 *
 * @param responses institution code to location code to respondents
 * @param allocated institution code to module id to respondents allocated that module (empty when not known)
 */
public record ResponseCounts(Map<String, Map<String, Long>> responses, Map<String, Map<String, Long>> allocated) {

    private static final List<String> REQUIRED = List.of("respondent", "institution", "location");
    private static final List<String> OPTIONAL = List.of("modules");

    /**
     * Validates and copies the counts.
     *
     * @throws IllegalArgumentException for a blank code, a negative count, or a module count above the respondents of
     *     its institution
     */
    public ResponseCounts {
        responses = freeze(requireNonNull(responses, "responses"), "responses", "location");
        allocated = freeze(requireNonNull(allocated, "allocated"), "allocated", "module");
        for (Map.Entry<String, Map<String, Long>> institution : allocated.entrySet()) {
            long respondents = total(responses.getOrDefault(institution.getKey(), Map.of()));
            for (Map.Entry<String, Long> module : institution.getValue().entrySet()) {
                if (module.getValue() > respondents) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "allocated %s/%s (%d) must be <= the respondents of institution %s (%d)",
                            institution.getKey(),
                            module.getKey(),
                            module.getValue(),
                            institution.getKey(),
                            respondents));
                }
            }
        }
    }

    /** Counts of respondents per institution and location, without module counts. */
    public static ResponseCounts of(Map<String, ? extends Map<String, Long>> responses) {
        return of(responses, Map.of());
    }

    /**
     * Counts of respondents per institution and location, and per institution and module the respondents allocated
     * that module; for vendors who count in their own store.
     */
    public static ResponseCounts of(
            Map<String, ? extends Map<String, Long>> responses, Map<String, ? extends Map<String, Long>> allocated) {
        return new ResponseCounts(widen(responses), widen(allocated));
    }

    /**
     * Streams a {@code responses.csv}, reading only the columns {@code respondent}, {@code institution},
     * {@code location} and, when present, {@code modules} ({@code |}-separated module ids); other columns are skipped
     * unread, and memory does not grow with the number of rows. Every row counts as one respondent: this is a
     * fieldwork indicator, so a repeated respondent key (a double login) is counted twice here and resolved by the
     * aggregation.
     *
     * @param file the responses file
     * @param population gives the known institutions and locations
     * @throws BarometerException naming file, line, column and value when the file cannot be read or is not RFC 4180
     *     CSV, a required column is missing, a respondent key or a modules cell is empty, or an institution or
     *     location is not in the population
     */
    public static ResponseCounts read(Path file, Population population) {
        requireNonNull(file, "file");
        requireNonNull(population, "population");
        String name = file.toString();
        ResponseTally tally = ResponseTally.over(population);
        CsvColumns.read(file, name, REQUIRED, OPTIONAL, (row, line) -> {
            if (row[0].isEmpty()) {
                throw new BarometerException(name, line, "respondent", row[0], "the respondent key must not be empty");
            }
            ResponseTally.Institution institution = tally.known(row[1]);
            if (institution == null) {
                throw new BarometerException(
                        name,
                        line,
                        "institution",
                        row[1],
                        String.format(
                                Locale.ROOT,
                                "unknown institution, not in the population (known: %s)",
                                known(population.institutions())));
            }
            if (!institution.count(row[2])) {
                throw new BarometerException(
                        name,
                        line,
                        "location",
                        row[2],
                        String.format(
                                Locale.ROOT,
                                "unknown location of institution \"%s\", not in the population (known: %s)",
                                row[1],
                                known(population.locations(row[1]).keySet())));
            }
            if (row[3] != null) {
                String problem = institution.allocate(row[3]);
                if (problem != null) {
                    throw new BarometerException(name, line, "modules", row[3], problem);
                }
            }
        });
        return tally.snapshot();
    }

    /** The respondents of an institution over all its locations; 0 when unknown. */
    public long responses(String institution) {
        return total(responses.getOrDefault(requireNonNull(institution, "institution"), Map.of()));
    }

    /** The respondents of one location; 0 when unknown. */
    public long responses(String institution, String location) {
        requireNonNull(location, "location");
        return responses
                .getOrDefault(requireNonNull(institution, "institution"), Map.of())
                .getOrDefault(location, 0L);
    }

    /** The respondents of an institution allocated a module; 0 when unknown. */
    public long allocated(String institution, String module) {
        requireNonNull(module, "module");
        return allocated
                .getOrDefault(requireNonNull(institution, "institution"), Map.of())
                .getOrDefault(module, 0L);
    }

    /** All respondents. */
    public long total() {
        return responses.values().stream().mapToLong(ResponseCounts::total).sum();
    }

    /** A compact summary, e.g. {@code ResponseCounts[12 institutions, 3061 respondents, 8 modules]}. */
    @Override
    public String toString() {
        long modules = allocated.values().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .count();
        return String.format(
                Locale.ROOT,
                "ResponseCounts[%d institutions, %d respondents, %d modules]",
                responses.size(),
                total(),
                modules);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    static String known(Collection<String> codes) {
        int shown = 20;
        String list = String.join(", ", codes.stream().limit(shown).toList());
        return codes.size() > shown ? list + ", ... " + (codes.size() - shown) + " more" : list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> widen(Map<String, ? extends Map<String, Long>> counts) {
        // Read-only view with a wider type; the compact constructor copies it.
        return (Map<String, Map<String, Long>>) requireNonNull(counts, "counts");
    }

    private static Map<String, Map<String, Long>> freeze(
            Map<String, Map<String, Long>> counts, String what, String inner) {
        SortedMap<String, Map<String, Long>> copy = new TreeMap<>();
        counts.forEach((institution, byKey) -> {
            requireCode(institution, what + " institution");
            requireNonNull(byKey, what + " of " + institution);
            SortedMap<String, Long> values = new TreeMap<>();
            byKey.forEach((key, count) -> {
                requireCode(key, what + " " + inner);
                requireNonNull(count, what + " " + institution + "/" + key);
                if (count < 0) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "%s %s/%s (%d) must be >= 0", what, institution, key, count));
                }
                // Zero counts carry nothing and are left out, so equal counts are equal values however made.
                if (count > 0) {
                    values.put(key, count);
                }
            });
            if (!values.isEmpty()) {
                copy.put(institution, Collections.unmodifiableSortedMap(values));
            }
        });
        return Collections.unmodifiableSortedMap(copy);
    }

    private static void requireCode(String code, String what) {
        requireNonNull(code, what);
        if (code.isBlank()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s code \"%s\" must not be blank", what, code));
        }
    }
}
