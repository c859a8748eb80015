package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The enrolled students per institution and location: the N of the response formulas. Immutable; institutions and
 * locations iterate in code order.
 *
 * <p>Read it from a {@code population.csv} ({@code institution,location,level,pathway,population}, SPEC section 5),
 * which sums the level × pathway cells of each location, or build it from counts with {@link #of(Map)}.
 */
public final class Population {

    private static final List<String> COLUMNS = List.of("institution", "location", "level", "pathway", "population");

    /**
     * One cell of a {@code population.csv}: institution × location × level × pathway, as the file writes
     * them.
     *
     * @param institution the institution code
     * @param location the location code
     * @param level the level as written (1 to 4)
     * @param pathway the pathway as written ({@code BOL} or {@code BBL})
     */
    public record Cell(String institution, String location, String level, String pathway) {}

    private final SortedMap<String, SortedMap<String, Long>> locations;
    private final Map<Cell, Long> cells;
    private final long total;

    private Population(SortedMap<String, SortedMap<String, Long>> locations, Map<Cell, Long> cells) {
        this.locations = locations;
        this.cells = cells;
        this.total = locations.values().stream()
                .flatMap(byLocation -> byLocation.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * A population from counts: institution code to location code to enrolled students.
     *
     * @throws IllegalArgumentException for a blank code, a count below 0 or an institution without locations
     */
    public static Population of(Map<String, ? extends Map<String, Long>> studentsByInstitutionAndLocation) {
        requireNonNull(studentsByInstitutionAndLocation, "studentsByInstitutionAndLocation");
        SortedMap<String, SortedMap<String, Long>> copy = new TreeMap<>();
        studentsByInstitutionAndLocation.forEach((institution, byLocation) -> {
            requireCode(institution, "institution");
            requireNonNull(byLocation, "locations of " + institution);
            if (byLocation.isEmpty()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "institution \"%s\" has no locations (an institution needs >= 1)", institution));
            }
            SortedMap<String, Long> counts = new TreeMap<>();
            byLocation.forEach((location, students) -> {
                requireCode(location, "location");
                requireNonNull(students, "population of " + institution + "/" + location);
                if (students < 0) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT, "population of %s/%s (%d) must be >= 0", institution, location, students));
                }
                counts.put(location, students);
            });
            copy.put(institution, Collections.unmodifiableSortedMap(counts));
        });
        return new Population(Collections.unmodifiableSortedMap(copy), Map.of());
    }

    /**
     * A population from its cells: institution × location × level × pathway to enrolled students.
     *
     * @throws IllegalArgumentException for a blank code or a count below 0
     */
    public static Population ofCells(Map<Cell, Long> cells) {
        requireNonNull(cells, "cells");
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        Map<Cell, Long> copy = new java.util.LinkedHashMap<>();
        cells.forEach((cell, students) -> {
            requireCode(cell.institution(), "institution");
            requireCode(cell.location(), "location");
            requireNonNull(students, "population of " + cell);
            if (students < 0) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "population of %s (%d) must be >= 0", cell, students));
            }
            counts.computeIfAbsent(cell.institution(), k -> new TreeMap<>())
                    .merge(cell.location(), students, Math::addExact);
            copy.put(cell, students);
        });
        SortedMap<String, SortedMap<String, Long>> frozen = new TreeMap<>();
        counts.forEach(
                (institution, byLocation) -> frozen.put(institution, Collections.unmodifiableSortedMap(byLocation)));
        return new Population(Collections.unmodifiableSortedMap(frozen), Collections.unmodifiableMap(copy));
    }

    /**
     * Reads a {@code population.csv}: the columns {@code institution,location,level,pathway,population} in any order
     * (other columns are ignored), summing the cells of each location. A cell (institution, location, level, pathway)
     * may appear once; a population of 0 is allowed.
     *
     * @throws BarometerException naming file, line, column and value when the file cannot be read, a column is
     *     missing, a code is empty, a cell repeats, or a population is not a whole number &gt;= 0
     */
    public static Population read(Path file) {
        requireNonNull(file, "file");
        String name = file.toString();
        SortedMap<String, SortedMap<String, Long>> counts = new TreeMap<>();
        Set<List<String>> cells = new HashSet<>();
        Map<Cell, Long> byCell = new java.util.LinkedHashMap<>();
        CsvColumns.read(file, name, COLUMNS, List.of(), (row, line) -> {
            for (int i = 0; i < 4; i++) {
                if (row[i].isEmpty()) {
                    throw new BarometerException(name, line, COLUMNS.get(i), row[i], "must not be empty");
                }
            }
            long students = parseCount(row[4], name, line);
            if (!cells.add(List.of(row[0], row[1], row[2], row[3]))) {
                throw new BarometerException(
                        name,
                        line,
                        null,
                        null,
                        String.format(
                                Locale.ROOT,
                                "cell %s/%s/%s/%s appears twice (each institution, location, level and pathway once)",
                                row[0],
                                row[1],
                                row[2],
                                row[3]));
            }
            counts.computeIfAbsent(row[0], k -> new TreeMap<>()).merge(row[1], students, Math::addExact);
            byCell.put(new Cell(row[0], row[1], row[2], row[3]), students);
        });
        if (counts.isEmpty()) {
            throw new BarometerException(name, null, null, null, "no data rows: a population needs >= 1 location");
        }
        SortedMap<String, SortedMap<String, Long>> frozen = new TreeMap<>();
        counts.forEach(
                (institution, byLocation) -> frozen.put(institution, Collections.unmodifiableSortedMap(byLocation)));
        return new Population(Collections.unmodifiableSortedMap(frozen), Collections.unmodifiableMap(byCell));
    }

    private static long parseCount(String text, String name, long line) {
        long students;
        try {
            students = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new BarometerException(name, line, "population", text, "must be a whole number >= 0");
        }
        if (students < 0) {
            throw new BarometerException(name, line, "population", text, "must be a whole number >= 0");
        }
        return students;
    }

    private static void requireCode(String code, String what) {
        requireNonNull(code, what);
        if (code.isBlank()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s code \"%s\" must not be blank", what, code));
        }
    }

    /**
     * The students per institution × location × level × pathway, in file order, as read from a
     * {@code population.csv}; empty for a population made {@link #of(Map) from location counts}.
     */
    public Map<Cell, Long> cells() {
        return cells;
    }

    /** The institution codes, in order. */
    public Set<String> institutions() {
        return locations.keySet();
    }

    /** The locations of an institution with their populations, in code order; empty for an unknown institution. */
    public SortedMap<String, Long> locations(String institution) {
        requireNonNull(institution, "institution");
        SortedMap<String, Long> byLocation = locations.get(institution);
        return byLocation == null ? Collections.emptySortedMap() : byLocation;
    }

    /** Whether the population has this institution. */
    public boolean contains(String institution) {
        return locations.containsKey(requireNonNull(institution, "institution"));
    }

    /** Whether the population has this location of this institution. */
    public boolean contains(String institution, String location) {
        return locations(institution).containsKey(requireNonNull(location, "location"));
    }

    /** The students of an institution, summed over its locations; 0 for an unknown institution. */
    public long of(String institution) {
        return locations(institution).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** The students of one location; 0 for an unknown location. */
    public long of(String institution, String location) {
        return locations(institution).getOrDefault(requireNonNull(location, "location"), 0L);
    }

    /** All students. */
    public long total() {
        return total;
    }

    /** The number of locations over all institutions. */
    public int locationCount() {
        return locations.values().stream().mapToInt(Map::size).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Population that && locations.equals(that.locations) && cells.equals(that.cells);
    }

    @Override
    public int hashCode() {
        return 31 * locations.hashCode() + cells.hashCode();
    }

    /** A compact summary, e.g. {@code Population[3 institutions, 12 locations, 41250 students]}. */
    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Population[%d institutions, %d locations, %d students]",
                locations.size(),
                locationCount(),
                total);
    }
}
