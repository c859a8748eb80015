package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.peiling.core.model.Edition;

/**
 * The response barometer: per institution, per location and per module, the responses so far against the required
 * net sample size of the population (SPEC section 4), so that institutions can follow their response during fieldwork
 * and JOB can see which module will get enough response. Immutable.
 *
 * <pre>{@code
 * Barometer barometer = Barometer.read(Path.of("population.csv"), Path.of("responses.csv"), edition);
 * barometer.rows();      // per institution its total row, then its locations
 * barometer.modules();   // per institution and module
 * System.out.print(barometer.summary());
 * }</pre>
 *
 * <p>A location row has the location's population N_l and responses n_l, net(N_l) and gross(N_l); the institution's
 * total row has ΣN_l and Σn_l over its locations, and net and gross of that sum (which is not the sum of the
 * locations' nets: the required size grows much slower than the population). Locations without responses are rows
 * with 0 responses. A location with population 0 requires nothing: net 0, gross 0, 100 % of net. Responses above
 * the population are reported as they are; the barometer does not judge the population file.
 *
 * <p>A module row relates the respondents allocated the module to the net size of the module's population, the
 * institution's population times the module's allocation share; see {@link ModuleRow}. There are module rows only
 * when the counts have modules (a responses file with a {@code modules} column).
 */
public final class Barometer {

    /** Which rows to show. */
    public enum By {
        /** Only the institutions' total rows. */
        INSTITUTION,
        /** Per institution its total row followed by its locations. */
        LOCATION;

        /**
         * The level named {@code institution} or {@code location} (any case).
         *
         * @throws IllegalArgumentException for any other name
         */
        public static By parse(String name) {
            requireNonNull(name, "name");
            for (By by : values()) {
                if (by.key().equalsIgnoreCase(name)) {
                    return by;
                }
            }
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "by (%s) must be institution or location", name));
        }

        /** The lower-case name: {@code institution} or {@code location}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final SampleSize sampleSize;
    private final List<BarometerRow> rows;
    private final List<ModuleRow> modules;

    private Barometer(SampleSize sampleSize, List<BarometerRow> rows, List<ModuleRow> modules) {
        this.sampleSize = sampleSize;
        this.rows = List.copyOf(rows);
        this.modules = List.copyOf(modules);
    }

    /** The barometer at JOB's standard parameters ({@link SampleSize#standard()}). */
    public static Barometer of(Population population, ResponseCounts counts) {
        return of(population, counts, SampleSize.standard());
    }

    /**
     * The barometer of counts against a population, with the given sample-size parameters.
     *
     * @throws BarometerException when the counts have an institution or location that the population lacks
     */
    public static Barometer of(Population population, ResponseCounts counts, SampleSize sampleSize) {
        requireNonNull(population, "population");
        requireNonNull(counts, "counts");
        requireNonNull(sampleSize, "sampleSize");
        checkKnown(population, counts);
        List<BarometerRow> rows = new ArrayList<>();
        List<ModuleRow> modules = new ArrayList<>();
        for (String institution : population.institutions()) {
            Map<String, Long> locations = population.locations(institution);
            long students = 0;
            long responses = 0;
            List<BarometerRow> locationRows = new ArrayList<>(locations.size());
            for (Map.Entry<String, Long> location : locations.entrySet()) {
                long n = counts.responses(institution, location.getKey());
                students += location.getValue();
                responses += n;
                locationRows.add(BarometerRow.of(institution, location.getKey(), location.getValue(), n, sampleSize));
            }
            rows.add(BarometerRow.of(institution, null, students, responses, sampleSize));
            rows.addAll(locationRows);
            for (Map.Entry<String, Long> module :
                    counts.allocated().getOrDefault(institution, Map.of()).entrySet()) {
                if (responses > 0) {
                    modules.add(ModuleRow.of(
                            institution, module.getKey(), students, responses, module.getValue(), sampleSize));
                }
            }
        }
        return new Barometer(sampleSize, rows, modules);
    }

    /**
     * Reads a {@code population.csv} and a {@code responses.csv} into a barometer at the standard parameters,
     * counting the rows as {@code aggregate} reads them: checked against the edition, bad rows rejected, of a
     * double login only the kept row; see {@link CountedResponses#read} for the counts with the rejects.
     *
     * @throws BarometerException for an unreadable or bad population file
     * @throws nl.peiling.stats.responses.ResponseFormatException for an unreadable responses file or a wrong
     *     header
     */
    public static Barometer read(Path population, Path responses, Edition edition) {
        requireNonNull(population, "population");
        requireNonNull(responses, "responses");
        requireNonNull(edition, "edition");
        Population students = Population.read(population);
        return of(students, CountedResponses.read(responses, students, edition).counts());
    }

    private static void checkKnown(Population population, ResponseCounts counts) {
        counts.responses().forEach((institution, locations) -> {
            if (!population.contains(institution)) {
                throw new BarometerException(
                        null,
                        null,
                        "institution",
                        institution,
                        "unknown institution, not in the population (known: "
                                + ResponseCounts.known(population.institutions()) + ")");
            }
            for (String location : locations.keySet()) {
                if (!population.contains(institution, location)) {
                    throw new BarometerException(
                            null,
                            null,
                            "location",
                            location,
                            String.format(
                                    Locale.ROOT,
                                    "unknown location of institution \"%s\", not in the population (known: %s)",
                                    institution,
                                    ResponseCounts.known(
                                            population.locations(institution).keySet())));
                }
            }
        });
        for (String institution : counts.allocated().keySet()) {
            if (!population.contains(institution)) {
                throw new BarometerException(
                        null,
                        null,
                        "institution",
                        institution,
                        "unknown institution in the module counts, not in the population");
            }
        }
    }

    /** The parameters of the required sizes. */
    public SampleSize sampleSize() {
        return sampleSize;
    }

    /** Per institution (in code order) its total row, followed by its location rows (in code order). */
    public List<BarometerRow> rows() {
        return rows;
    }

    /** The rows at a level: only the institutions' totals, or every institution's total followed by its locations. */
    public List<BarometerRow> rows(By by) {
        requireNonNull(by, "by");
        return by == By.LOCATION ? rows : institutions();
    }

    /** The institutions' total rows, in code order. */
    public List<BarometerRow> institutions() {
        return rows.stream().filter(BarometerRow::isInstitutionTotal).toList();
    }

    /** The total row of one institution, if the population has it. */
    public Optional<BarometerRow> institution(String code) {
        requireNonNull(code, "code");
        return rows.stream()
                .filter(row -> row.isInstitutionTotal() && row.institution().equals(code))
                .findFirst();
    }

    /** The module rows, per institution (in code order) its modules (in id order); empty without module counts. */
    public List<ModuleRow> modules() {
        return modules;
    }

    /** The barometer as text tables for people, by location (with institution totals) and per module. */
    public String summary() {
        return summary(By.LOCATION);
    }

    /** The barometer as text tables for people: the rows at a level, then the modules (if any). */
    public String summary(By by) {
        requireNonNull(by, "by");
        TextTable table = new TextTable(
                "institution", "location", ">population", ">responses", ">net", ">gross", ">% of net", "reached");
        for (BarometerRow row : rows(by)) {
            table.row(
                    row.institution(),
                    row.location() == null ? "(all)" : row.location(),
                    Long.toString(row.population()),
                    Long.toString(row.responses()),
                    Long.toString(row.net()),
                    Long.toString(row.gross()),
                    String.format(Locale.ROOT, "%.1f", row.percentOfNet()),
                    row.reached() ? "yes" : "no");
        }
        StringBuilder text = new StringBuilder(table.toString());
        if (!modules.isEmpty()) {
            TextTable perModule = new TextTable(
                    "institution",
                    "module",
                    ">share %",
                    ">population",
                    ">responses",
                    ">net",
                    ">gross",
                    ">% of net",
                    "reached");
            for (ModuleRow row : modules) {
                perModule.row(
                        row.institution(),
                        row.module(),
                        String.format(Locale.ROOT, "%.1f", 100 * row.share()),
                        Long.toString(row.population()),
                        Long.toString(row.responses()),
                        Long.toString(row.net()),
                        Long.toString(row.gross()),
                        String.format(Locale.ROOT, "%.1f", row.percentOfNet()),
                        row.reached() ? "yes" : "no");
            }
            text.append('\n').append(perModule);
        }
        return text.toString();
    }

    /** A compact summary, e.g. {@code Barometer[3 institutions, 9 locations, 24 module rows; 5 of 12 rows reached]}. */
    @Override
    public String toString() {
        long institutions =
                rows.stream().filter(BarometerRow::isInstitutionTotal).count();
        long reached = rows.stream().filter(BarometerRow::reached).count();
        return String.format(
                Locale.ROOT,
                "Barometer[%d institutions, %d locations, %d module rows; %d of %d rows reached]",
                institutions,
                rows.size() - institutions,
                modules.size(),
                reached,
                rows.size());
    }
}
