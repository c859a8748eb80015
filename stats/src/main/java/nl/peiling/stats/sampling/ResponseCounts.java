package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The responses counted so far: per institution and location the number of respondents, and per institution and
 * module the number of respondents allocated that module. Immutable; maps iterate in code order.
 *
 * <p>Three ways to make one: {@link CountedResponses#read} reads a {@code responses.csv} as {@code aggregate} reads
 * it; {@link #of(Map, Map)} takes counts that a survey vendor keeps in its own store; {@link ResponseTally} counts
 * respondent by respondent and merges partial counts.
 *
 * <p>Zero counts are left out of the maps (a lookup gives 0), so equal counts are equal values whether they were read
 * from a file, handed in or tallied.
 *
 * @param responses institution code to location code to respondents
 * @param allocated institution code to module id to respondents allocated that module (empty when not known)
 */
public record ResponseCounts(Map<String, Map<String, Long>> responses, Map<String, Map<String, Long>> allocated) {

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
