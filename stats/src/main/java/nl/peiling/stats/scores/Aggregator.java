package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.responses.ReadResult;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;

/**
 * Aggregates a responses file into item and cluster figures per group, with benchmarks of each
 * institution against the nation.
 *
 * <p>The rows come from a {@link ResponseReader}, which holds every setting of the reading (threads,
 * block size, keys in memory, known locations); the aggregator holds those of the figures. Rows are
 * read in parallel into exact integer sums per cell (institution × location × level × pathway); every
 * group is a union of cells, so its figures follow from the cells' sums. The results therefore do not
 * depend on the thread count or partitioning, bit for bit, with or without weights, nor on the order of
 * the rows as long as no two rows of one respondent tie (see {@link ResponseReader}). With a
 * population, respondents get post-stratification weights w = N_h/n_h per cell h = institution × level
 * × pathway ({@link Weights}). The formulas live in {@link GroupFormula}, {@link ItemFormula}, {@link
 * ClusterFormula}, {@link Alpha}, {@link LogitInterval}, {@link BenchmarkFormula} and {@link CaseMixer}.
 *
 * <p>An aggregator is immutable; {@code withX} methods return configured copies.
 */
public final class Aggregator {

    /** The default minimum group size: figures of smaller groups are suppressed. */
    public static final int DEFAULT_MIN_N = 10;

    /** The default case-mix factors: level × pathway. */
    public static final Set<Dimension> DEFAULT_CASE_MIX =
            Collections.unmodifiableSet(EnumSet.of(Dimension.LEVEL, Dimension.PATHWAY));

    private final ResponseReader reader;
    private final Population population;
    private final Map<WeightCell, Long> weightCells;
    private final List<Grouping> groupings;
    private final int minN;
    private final Set<Dimension> caseMix;
    private final Double minResponseRate;

    private Aggregator(
            ResponseReader reader,
            Population population,
            Map<WeightCell, Long> weightCells,
            List<Grouping> groupings,
            int minN,
            Set<Dimension> caseMix,
            Double minResponseRate) {
        this.reader = reader;
        this.population = population;
        this.weightCells = weightCells;
        this.groupings = groupings;
        this.minN = minN;
        this.caseMix = caseMix;
        this.minResponseRate = minResponseRate;
    }

    /**
     * An aggregator of the rows this reader reads (its edition, threads, block size, keys in memory and
     * known locations): unweighted, per institution and per location, minimum n 10.
     */
    public static Aggregator of(ResponseReader reader) {
        requireNonNull(reader, "reader");
        return new Aggregator(reader, null, null, Grouping.standard(), DEFAULT_MIN_N, DEFAULT_CASE_MIX, null);
    }

    /** An aggregator with the default reader of the edition: {@code of(ResponseReader.of(edition))}. */
    public static Aggregator of(Edition edition) {
        return of(ResponseReader.of(requireNonNull(edition, "edition")));
    }

    /**
     * A copy that weights respondents by this population per institution × level × pathway, and gives
     * every group its population.
     *
     * @throws AggregationException when the population has no level × pathway cells
     */
    public Aggregator withPopulation(Population cells) {
        requireNonNull(cells, "population");
        return new Aggregator(reader, cells, WeightCell.cells(cells), groupings, minN, caseMix, minResponseRate);
    }

    /** A copy with these groupings (the national group is always there). */
    public Aggregator withGroupings(List<Grouping> list) {
        return new Aggregator(reader, population, weightCells, List.copyOf(list), minN, caseMix, minResponseRate);
    }

    /** A copy that suppresses figures of groups with fewer than {@code n} respondents (n >= 1). */
    public Aggregator withMinN(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("minimum n (" + n + ") must be >= 1");
        }
        return new Aggregator(reader, population, weightCells, groupings, n, caseMix, minResponseRate);
    }

    /**
     * A copy whose benchmarks compare each institution with the rest of the nation within the cells of
     * these factors ({@link Dimension#LEVEL}, {@link Dimension#PATHWAY} or both, the default); see {@link
     * CaseMix}.
     *
     * @throws IllegalArgumentException when the set is empty or holds another dimension
     */
    public Aggregator withCaseMix(Set<Dimension> factors) {
        requireNonNull(factors, "factors");
        if (factors.isEmpty() || !DEFAULT_CASE_MIX.containsAll(factors)) {
            throw new IllegalArgumentException("case-mix factors "
                    + factors.stream().sorted().map(Dimension::key).toList() + " must be level, pathway or both");
        }
        return new Aggregator(
                reader,
                population,
                weightCells,
                groupings,
                minN,
                Collections.unmodifiableSet(EnumSet.copyOf(factors)),
                minResponseRate);
    }

    /**
     * A copy with the publication rule: a group whose response rate (respondents / enrolled students of
     * the population) is below {@code rate} has its figures withheld ({@code suppressedBecause:
     * "response-rate"}); so are its institution's benchmarks. Needs a population ({@link
     * #withPopulation}).
     *
     * @throws IllegalArgumentException unless 0 < rate <= 1
     */
    public Aggregator withMinResponseRate(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("minimum response rate (" + rate + ") must be > 0 and <= 1");
        }
        return new Aggregator(reader, population, weightCells, groupings, minN, caseMix, rate);
    }

    /**
     * Reads and aggregates a responses file.
     *
     * @throws nl.peiling.stats.responses.ResponseFormatException when the file cannot be read
     * @throws AggregationException when respondents fall in cells the population lacks
     */
    public Aggregation aggregate(Path responses) {
        if (minResponseRate != null && population == null) {
            throw new AggregationException("a minimum response rate needs a population to divide by");
        }
        Edition edition = reader.edition();
        Plan plan = new Plan(edition, reader.questions());
        ReadResult<CellSink> read = reader.read(responses, () -> new CellSink(plan));
        TreeMap<CellKey, CellStats> cells = new TreeMap<>();
        for (CellSink sink : read.sinks()) {
            sink.forEach((key, stats) ->
                    cells.computeIfAbsent(key, k -> new CellStats(plan)).add(plan, stats));
        }
        cells.values().removeIf(stats -> stats.sums[Plan.RESPONDENTS] == 0);
        CellTable table = new CellTable(plan, cells, Weights.of(cells, weightCells));
        GroupFormula formula = new GroupFormula(plan, minN, population, groupings);

        // The groups in key order, each with its cells (in key order too).
        List<Map<String, String>> groupKeys = new ArrayList<>();
        List<int[]> groupCells = new ArrayList<>();
        groupKeys.add(Map.of());
        groupCells.add(table.members(key -> true));
        for (Grouping grouping : groupings) {
            TreeMap<String, Map<String, String>> keys = new TreeMap<>();
            Map<String, List<Integer>> members = new HashMap<>();
            for (int c = 0; c < table.keys.length; c++) {
                Map<String, String> key = table.keys[c].key(grouping);
                String joined = String.join("\u0000", key.values());
                keys.putIfAbsent(joined, key);
                members.computeIfAbsent(joined, k -> new ArrayList<>()).add(c);
            }
            keys.forEach((joined, key) -> {
                groupKeys.add(key);
                groupCells.add(
                        members.get(joined).stream().mapToInt(Integer::intValue).toArray());
            });
        }
        List<String> institutions =
                cells.keySet().stream()
                        .map(CellKey::institution)
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .toList();
        int threads = reader.threads();
        GroupSums nation = table.sums(groupCells.get(0));
        CaseMixer mixer = new CaseMixer(
                plan,
                Parallel.map(threads, institutions.size(), i -> CaseMixer.cells(table, institutions.get(i), caseMix))
                        .toArray(GroupSums[][]::new),
                minN);
        // Groups and benchmarks are independent of each other: computed in parallel, kept in order.
        List<GroupResult> groups = Disclosure.apply(
                Parallel.map(threads, groupKeys.size(), g -> {
                    GroupSums sums = g == 0 ? nation : table.sums(groupCells.get(g));
                    return new Disclosure.Counted(
                            formula.figures(groupKeys.get(g), sums), Disclosure.counts(plan, sums));
                }),
                minN,
                minResponseRate);
        List<BenchmarkFigures> benchmarks = Parallel.map(threads, institutions.size(), i -> {
                    String institution = institutions.get(i);
                    GroupSums own = table.sums(key -> key.institution().equals(institution));
                    List<BenchmarkFigures> list = BenchmarkFormula.all(plan, institution, own, nation, mixer, i, minN);
                    if (minResponseRate != null && own.respondents < minResponseRate * enrolled(institution)) {
                        return list.stream()
                                .map(b -> Withheld.benchmark(
                                        b.institution(), b.kind(), b.id(), Suppression.RESPONSE_RATE))
                                .toList();
                    }
                    return list;
                })
                .stream()
                .flatMap(List::stream)
                .toList();
        Results results = new Results(
                edition.id(),
                new Results.Input(read.rows(), read.accepted(), read.rejected()),
                population != null,
                minN,
                groupings.stream().map(Grouping::toString).toList(),
                groups,
                benchmarks,
                caseMix.stream().map(Dimension::key).toList(),
                Fingerprints.of(edition));
        return new Aggregation(results, read.rejectsFile());
    }

    /** The enrolled students of an institution in the population. */
    private long enrolled(String institution) {
        return population.cells().entrySet().stream()
                .filter(cell -> cell.getKey().institution().equals(institution))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
