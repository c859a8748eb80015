package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A mutable counter of responses, respondent by respondent or in bulk, with an immutable {@link #snapshot()}. Tallies
 * {@link #merge(ResponseTally) merge}, so counting can be split over threads or stores. Not thread-safe.
 *
 * <pre>{@code
 * ResponseTally tally = new ResponseTally();
 * tally.add("25LZ", "01", List.of("basis", "llo", "stage"));
 * tally.addResponses("25LZ", "02", 140);
 * ResponseCounts counts = tally.snapshot();
 * }</pre>
 */
public final class ResponseTally {

    /** Counts of one institution; the long[1] cells are updated in place on the hot path. */
    static final class Institution {
        private static final int PARSED_CELLS = 1024;

        final Map<String, long[]> locations = new HashMap<>();
        final Map<String, long[]> modules = new HashMap<>();
        /** The counters of the modules of a modules cell already split. */
        private final Map<String, long[][]> parsed = new HashMap<>();
        /** Only the known locations may be counted: those of the population it was made over. */
        final boolean closed;

        Institution(boolean closed) {
            this.closed = closed;
        }

        /** Counts one respondent at a location; false when the location is unknown to a closed tally. */
        boolean count(String location) {
            long[] cell = locations.get(location);
            if (cell == null) {
                if (closed) {
                    return false;
                }
                cell = new long[1];
                locations.put(location, cell);
            }
            cell[0]++;
            return true;
        }

        /**
         * Counts the modules of one respondent from a {@code |}-separated cell, each module once; returns a problem
         * text for a malformed cell, else null.
         */
        String allocate(String cell) {
            long[][] counters = parsed.get(cell);
            if (counters == null) {
                if (cell.isEmpty()) {
                    return "must not be empty: a respondent has at least the base module";
                }
                List<long[]> found = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                int start = 0;
                while (start <= cell.length()) {
                    int end = cell.indexOf('|', start);
                    if (end < 0) {
                        end = cell.length();
                    }
                    if (end == start) {
                        return "empty module id between '|' separators";
                    }
                    String module = cell.substring(start, end);
                    // A module listed twice is still one module for this respondent.
                    if (seen.add(module)) {
                        found.add(modules.computeIfAbsent(module, k -> new long[1]));
                    }
                    start = end + 1;
                }
                counters = found.toArray(long[][]::new);
                // Cells repeat (an institution has few module combinations), so each distinct cell is split once;
                // the cache is bounded so that memory cannot grow with the rows of an odd file.
                if (parsed.size() < PARSED_CELLS) {
                    parsed.put(cell, counters);
                }
            }
            for (long[] counter : counters) {
                counter[0]++;
            }
            return null;
        }
    }

    private final Map<String, Institution> institutions = new HashMap<>();
    private final boolean closed;

    /** An empty tally that accepts any institution, location and module. */
    public ResponseTally() {
        this.closed = false;
    }

    private ResponseTally(boolean closed) {
        this.closed = closed;
    }

    /** A tally with a zero count for every location of a population, accepting only those locations. */
    static ResponseTally over(Population population) {
        ResponseTally tally = new ResponseTally(true);
        for (String code : population.institutions()) {
            Institution institution = new Institution(true);
            for (String location : population.locations(code).keySet()) {
                institution.locations.put(location, new long[1]);
            }
            tally.institutions.put(code, institution);
        }
        return tally;
    }

    /** The counts of an institution, or null when a closed tally does not know it. */
    Institution known(String institution) {
        Institution counts = institutions.get(institution);
        if (counts == null && !closed) {
            counts = new Institution(false);
            institutions.put(institution, counts);
        }
        return counts;
    }

    /** Counts one respondent whose modules are not known. */
    public ResponseTally add(String institution, String location) {
        return addResponses(institution, location, 1);
    }

    /** Counts one respondent and the modules allocated to them (each module once). */
    public ResponseTally add(String institution, String location, Collection<String> modules) {
        requireNonNull(modules, "modules");
        add(institution, location);
        Set<String> distinct = new LinkedHashSet<>(modules);
        for (String module : distinct) {
            addAllocated(institution, module, 1);
        }
        return this;
    }

    /** Adds {@code count} respondents at a location. */
    public ResponseTally addResponses(String institution, String location, long count) {
        requireNonNull(institution, "institution");
        requireNonNull(location, "location");
        requireCount(count, "responses");
        Institution counts = known(institution);
        if (counts == null || (counts.closed && !counts.locations.containsKey(location))) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "location %s/%s is not in the population", institution, location));
        }
        counts.locations.computeIfAbsent(location, k -> new long[1])[0] += count;
        return this;
    }

    /** Adds {@code count} respondents of an institution allocated a module. */
    public ResponseTally addAllocated(String institution, String module, long count) {
        requireNonNull(institution, "institution");
        requireNonNull(module, "module");
        requireCount(count, "allocated");
        Institution counts = known(institution);
        if (counts == null) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "institution %s is not in the population", institution));
        }
        counts.modules.computeIfAbsent(module, k -> new long[1])[0] += count;
        return this;
    }

    /** Adds all counts of another tally to this one; the other is unchanged. */
    public ResponseTally merge(ResponseTally other) {
        // Through a snapshot, so that merging a tally into itself doubles it instead of failing.
        ResponseCounts counts = requireNonNull(other, "other").snapshot();
        counts.responses()
                .forEach((institution, byLocation) ->
                        byLocation.forEach((location, count) -> addResponses(institution, location, count)));
        counts.allocated()
                .forEach((institution, byModule) ->
                        byModule.forEach((module, count) -> addAllocated(institution, module, count)));
        return this;
    }

    /** The counts so far, as an immutable value. */
    public ResponseCounts snapshot() {
        Map<String, Map<String, Long>> responses = new HashMap<>();
        Map<String, Map<String, Long>> allocated = new HashMap<>();
        institutions.forEach((institution, counts) -> {
            Map<String, Long> byLocation = new HashMap<>();
            counts.locations.forEach((location, cell) -> byLocation.put(location, cell[0]));
            responses.put(institution, byLocation);
            if (!counts.modules.isEmpty()) {
                Map<String, Long> byModule = new HashMap<>();
                counts.modules.forEach((module, cell) -> byModule.put(module, cell[0]));
                allocated.put(institution, byModule);
            }
        });
        return new ResponseCounts(responses, allocated);
    }

    private static void requireCount(long count, String what) {
        if (count < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s (%d) must be >= 0", what, count));
        }
    }

    @Override
    public String toString() {
        return "ResponseTally" + snapshot().toString().substring("ResponseCounts".length());
    }
}
