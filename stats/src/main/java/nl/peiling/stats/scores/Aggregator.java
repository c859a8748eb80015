package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import nl.peiling.core.engine.Pathway;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.Valence;
import nl.peiling.stats.responses.ReadResult;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.responses.ResponseRow;
import nl.peiling.stats.responses.RowSink;
import nl.peiling.stats.sampling.Population;

/**
 * Aggregates a responses file into item and cluster figures per group, with benchmarks of each
 * institution against the nation.
 *
 * <p>Rows are read in parallel into exact integer sums per cell (institution × location × level ×
 * pathway); every group is a union of cells, so its figures follow from the cells' sums. The results
 * therefore do not depend on input order, thread count or partitioning, bit for bit, with or without
 * weights. With a population, respondents get post-stratification weights w = N_h/n_h per cell h =
 * institution × level × pathway.
 *
 * <p>An aggregator is immutable; {@code withX} methods return configured copies.
 */
public final class Aggregator {

    /** The default minimum group size: figures of smaller groups are suppressed. */
    public static final int DEFAULT_MIN_N = 10;

    private final Edition edition;
    private final Population population;
    private final Map<WeightCell, Long> weightCells;
    private final List<Grouping> groupings;
    private final int minN;
    private final ResponseReader reader;
    private final Set<Dimension> caseMix;
    private final Double minResponseRate;

    private Aggregator(
            Edition edition,
            Population population,
            Map<WeightCell, Long> weightCells,
            List<Grouping> groupings,
            int minN,
            ResponseReader reader,
            Set<Dimension> caseMix,
            Double minResponseRate) {
        this.edition = edition;
        this.population = population;
        this.weightCells = weightCells;
        this.groupings = groupings;
        this.minN = minN;
        this.reader = reader;
        this.caseMix = caseMix;
        this.minResponseRate = minResponseRate;
    }

    /** The default case-mix factors: level × pathway. */
    public static final Set<Dimension> DEFAULT_CASE_MIX =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(Dimension.LEVEL, Dimension.PATHWAY));

    /** An aggregator for the edition: unweighted, per institution and per location, minimum n 10. */
    public static Aggregator of(Edition edition) {
        requireNonNull(edition, "edition");
        return new Aggregator(
                edition,
                null,
                null,
                Grouping.standard(),
                DEFAULT_MIN_N,
                ResponseReader.of(edition),
                DEFAULT_CASE_MIX,
                null);
    }

    /**
     * A copy that weights respondents by this population per institution × level × pathway, and gives
     * every group its population.
     *
     * @throws AggregationException when the population has no level × pathway cells
     */
    public Aggregator withPopulation(Population cells) {
        requireNonNull(cells, "population");
        return new Aggregator(
                edition, cells, WeightCell.cells(cells), groupings, minN, reader, caseMix, minResponseRate);
    }

    /** A copy with these groupings (the national group is always there). */
    public Aggregator withGroupings(List<Grouping> list) {
        return new Aggregator(
                edition, population, weightCells, List.copyOf(list), minN, reader, caseMix, minResponseRate);
    }

    /** A copy that suppresses figures of groups with fewer than {@code n} respondents (n >= 1). */
    public Aggregator withMinN(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("minimum n (" + n + ") must be >= 1");
        }
        return new Aggregator(edition, population, weightCells, groupings, n, reader, caseMix, minResponseRate);
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
                edition,
                population,
                weightCells,
                groupings,
                minN,
                reader,
                java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(factors)),
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
        return new Aggregator(edition, population, weightCells, groupings, minN, reader, caseMix, rate);
    }

    /** A copy that reads with this many threads. */
    public Aggregator withThreads(int threads) {
        return new Aggregator(
                edition,
                population,
                weightCells,
                groupings,
                minN,
                reader.withThreads(threads),
                caseMix,
                minResponseRate);
    }

    /** A copy whose reader hands its threads blocks of about this many bytes; see {@link ResponseReader#withBlockSize}. */
    public Aggregator withBlockSize(int bytes) {
        return new Aggregator(
                edition,
                population,
                weightCells,
                groupings,
                minN,
                reader.withBlockSize(bytes),
                caseMix,
                minResponseRate);
    }

    /**
     * A copy whose reader keeps at most about this many respondent keys in memory for the double-login
     * rule, the rest in temporary files; see {@link ResponseReader#withKeysInMemory}.
     */
    public Aggregator withKeysInMemory(int count) {
        return new Aggregator(
                edition,
                population,
                weightCells,
                groupings,
                minN,
                reader.withKeysInMemory(count),
                caseMix,
                minResponseRate);
    }

    /** A copy that rejects rows of institutions and locations not in the map. */
    public Aggregator withKnownLocations(Map<String, ? extends Collection<String>> locations) {
        return new Aggregator(
                edition,
                population,
                weightCells,
                groupings,
                minN,
                reader.withKnownLocations(locations),
                caseMix,
                minResponseRate);
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
        Plan plan = new Plan(edition, reader.questions());
        ReadResult<Sink> read = reader.read(responses, () -> new Sink(plan));
        TreeMap<CellKey, CellStats> cells = new TreeMap<>();
        for (Sink sink : read.sinks()) {
            sink.forEach((key, stats) ->
                    cells.computeIfAbsent(key, k -> new CellStats(plan)).add(plan, stats));
        }
        cells.values().removeIf(stats -> stats.sums[Plan.RESPONDENTS] == 0);
        Map<CellKey, Double> weights = weights(cells);
        Figures figures = new Figures(plan, cells, weights, minN, population, groupings);

        // The groups in key order, each with its cells (in key order too).
        List<Map<String, String>> groupKeys = new ArrayList<>();
        List<int[]> groupCells = new ArrayList<>();
        groupKeys.add(Map.of());
        groupCells.add(figures.members(key -> true));
        for (Grouping grouping : groupings) {
            TreeMap<String, Map<String, String>> keys = new TreeMap<>();
            Map<String, List<Integer>> members = new HashMap<>();
            for (int c = 0; c < figures.keys.length; c++) {
                Map<String, String> key = figures.keys[c].key(grouping);
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
        GroupSums nation = figures.sums(groupCells.get(0));
        CaseMixer mixer = new CaseMixer(
                plan,
                inParallel(institutions.size(), i -> CaseMixer.cells(figures, institutions.get(i), caseMix))
                        .toArray(GroupSums[][]::new),
                minN);
        // Groups and benchmarks are independent of each other: computed in parallel, kept in order.
        List<GroupResult> groups = Disclosure.apply(
                inParallel(groupKeys.size(), g -> {
                    GroupSums sums = g == 0 ? nation : figures.sums(groupCells.get(g));
                    return new Disclosure.Counted(figures.group(groupKeys.get(g), sums), Disclosure.counts(plan, sums));
                }),
                minN,
                minResponseRate);
        List<BenchmarkFigures> benchmarks = inParallel(institutions.size(), i -> {
                    String institution = institutions.get(i);
                    GroupSums own = figures.sums(key -> key.institution().equals(institution));
                    List<BenchmarkFigures> list = figures.benchmarks(institution, own, nation, mixer, i);
                    if (minResponseRate != null && own.respondents < minResponseRate * enrolled(institution)) {
                        return list.stream()
                                .map(b -> Figures.suppressed(b, Suppression.RESPONSE_RATE))
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
                Fingerprints.of(edition),
                population == null ? List.of() : ResponseFigures.of(population, respondents(cells)),
                List.of(),
                EditionFiles.of(edition));
        return new Aggregation(results, read.rejectsFile());
    }

    /** The accepted respondents per institution and location. */
    private static Map<String, Map<String, Long>> respondents(TreeMap<CellKey, CellStats> cells) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        cells.forEach((key, stats) -> counts.computeIfAbsent(key.institution(), k -> new HashMap<>())
                .merge(key.location(), stats.sums[Plan.RESPONDENTS], Long::sum));
        return counts;
    }

    /** The enrolled students of an institution in the population. */
    private long enrolled(String institution) {
        return population.cells().entrySet().stream()
                .filter(cell -> cell.getKey().institution().equals(institution))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** task(0), ..., task(count − 1), computed on the reader's number of threads; in order. */
    private <T> List<T> inParallel(int count, java.util.function.IntFunction<T> task) {
        java.util.concurrent.ExecutorService executor =
                java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, Math.min(reader.threads(), count)));
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(executor.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("aggregation was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // such as OutOfMemoryError, as itself
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private Map<CellKey, Double> weights(Map<CellKey, CellStats> cells) {
        Map<CellKey, Double> weights = new HashMap<>();
        if (population == null) {
            cells.keySet().forEach(key -> weights.put(key, 1.0));
            return weights;
        }
        Map<WeightCell, Long> respondents = new TreeMap<>();
        cells.forEach((key, stats) -> respondents.merge(key.weightCell(), stats.sums[Plan.RESPONDENTS], Long::sum));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<WeightCell, Long> entry : respondents.entrySet()) {
            Long size = weightCells.get(entry.getKey());
            if (size == null || size == 0) {
                missing.add(entry.getKey() + " (" + entry.getValue() + " respondents, population "
                        + (size == null ? "absent" : "0") + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new AggregationException(
                    "respondents in cells (institution/level/pathway) that the population lacks: "
                            + String.join(", ", missing.subList(0, Math.min(20, missing.size())))
                            + (missing.size() > 20 ? " and " + (missing.size() - 20) + " more" : ""));
        }
        cells.keySet()
                .forEach(key -> weights.put(
                        key, (double) weightCells.get(key.weightCell()) / respondents.get(key.weightCell())));
        return weights;
    }

    /** A cell: institution × location × level × pathway. */
    record CellKey(String institution, String location, int level, int pathway) implements Comparable<CellKey> {

        @Override
        public int compareTo(CellKey other) {
            int c = institution.compareTo(other.institution);
            if (c == 0) {
                c = location.compareTo(other.location);
            }
            if (c == 0) {
                c = Integer.compare(level, other.level);
            }
            return c != 0 ? c : Integer.compare(pathway, other.pathway);
        }

        WeightCell weightCell() {
            return new WeightCell(institution, level, Pathway.values()[pathway].name());
        }

        Map<String, String> key(Grouping grouping) {
            return grouping.key(institution, location, Integer.toString(level), Pathway.values()[pathway].name());
        }
    }

    /** The sums of one worker thread, per cell. */
    static final class Sink implements RowSink {
        final Plan plan;
        /** Per institution and location ("institution\u0000location"): the cells by level × pathway. */
        final Map<String, CellStats[]> cells = new HashMap<>();

        private String lastInstitution;
        private String lastLocation;
        private CellStats[] last;

        Sink(Plan plan) {
            this.plan = plan;
        }

        private CellStats cell(ResponseRow row) {
            if (last == null
                    || !row.institution().equals(lastInstitution)
                    || !row.location().equals(lastLocation)) {
                lastInstitution = row.institution();
                lastLocation = row.location();
                last = cells.computeIfAbsent(lastInstitution + "\u0000" + lastLocation, k -> new CellStats[8]);
            }
            int slot = (row.level() - 1) * 2 + row.pathway();
            CellStats stats = last[slot];
            if (stats == null) {
                stats = new CellStats(plan);
                last[slot] = stats;
            }
            return stats;
        }

        /** The cells with their keys. */
        void forEach(java.util.function.BiConsumer<CellKey, CellStats> action) {
            cells.forEach((place, byLevel) -> {
                int cut = place.indexOf('\u0000');
                for (int slot = 0; slot < byLevel.length; slot++) {
                    if (byLevel[slot] != null) {
                        action.accept(
                                new CellKey(place.substring(0, cut), place.substring(cut + 1), slot / 2 + 1, slot % 2),
                                byLevel[slot]);
                    }
                }
            });
        }

        @Override
        public void add(ResponseRow row) {
            cell(row).apply(plan, row, 1);
        }

        @Override
        public void remove(ResponseRow row) {
            cell(row).apply(plan, row, -1);
        }
    }

    /** Turns the sums of a set of cells into figures. */
    static final class Figures {
        /** The normal quantile of share intervals and tests of SPEC section 8: R's qnorm(0.975). */
        static final double Z975 = 1.959963984540054;

        final Plan plan;
        final CellKey[] keys;
        final long[][] sums;
        final double[] weight;
        final int minN;
        final Population population;

        /** The enrolled students per group key (of every grouping and the nation), summed over the population's cells once. */
        final Map<Map<String, String>, Long> students = new HashMap<>();

        Figures(
                Plan plan,
                TreeMap<CellKey, CellStats> cells,
                Map<CellKey, Double> weights,
                int minN,
                Population population,
                List<Grouping> groupings) {
            this.population = population;
            if (population != null) {
                population.cells().forEach((cell, count) -> {
                    students.merge(Map.of(), count, Long::sum);
                    for (Grouping grouping : groupings) {
                        students.merge(
                                grouping.key(cell.institution(), cell.location(), cell.level(), cell.pathway()),
                                count,
                                Long::sum);
                    }
                });
            }
            this.plan = plan;
            this.keys = cells.keySet().toArray(new CellKey[0]);
            this.sums = new long[keys.length][];
            this.weight = new double[keys.length];
            for (int c = 0; c < keys.length; c++) {
                sums[c] = cells.get(keys[c]).sums;
                weight[c] = weights.get(keys[c]);
            }
            this.minN = minN;
        }

        /** The indexes of the cells that belong to a group, in key order. */
        int[] members(Predicate<CellKey> member) {
            return java.util.stream.IntStream.range(0, keys.length)
                    .filter(c -> member.test(keys[c]))
                    .toArray();
        }

        /** The sums of the cells that belong to a group, gathered in key order. */
        GroupSums sums(Predicate<CellKey> member) {
            return sums(members(member));
        }

        /** The sums of these cells (indexes in key order). */
        GroupSums sums(int[] cells) {
            return new GroupSums(plan, sums, weight, cells);
        }

        GroupResult group(Map<String, String> key, GroupSums group) {
            boolean suppressed = group.respondents < minN;
            List<ItemFigures> items = new ArrayList<>();
            for (int i = 0; i < plan.items.size(); i++) {
                items.add(item(plan.items.get(i), i, group));
            }
            List<ClusterFigures> clusters = new ArrayList<>();
            for (int k = 0; k < plan.clusters.size(); k++) {
                clusters.add(cluster(plan.clusters.get(k), k, group));
            }
            return new GroupResult(
                    key,
                    suppressed ? null : group.respondents,
                    population(key),
                    suppressed,
                    items,
                    clusters,
                    suppressed ? Suppression.N.key() : null);
        }

        /** The enrolled students of the group with this key; null without a population. */
        Long population(Map<String, String> key) {
            return population == null ? null : students.getOrDefault(key, 0L);
        }

        ItemFigures item(Plan.Item item, int i, GroupSums group) {
            String id = item.definition.id();
            String type = item.type.key();
            long n = group.itemN[i];
            if (group.moduleRespondents[plan.itemModule[i]] == 0) {
                return ItemFigures.absent(id, type, FigureState.NOT_ADMINISTERED);
            }
            if (n == 0) {
                return ItemFigures.absent(id, type, FigureState.NO_ANSWERS);
            }
            if (n < minN) {
                return suppressed(id, type, Suppression.N);
            }
            Estimate estimate = item.hasMean() ? group.itemMoments[i].build() : null;
            double total = group.itemWeight[i];
            double[] shares = group.shares[i].clone();
            long[] nonSubstantive = group.nonSubstantive[i];
            Map<String, Double> distribution = null;
            Double positive = null;
            Double neutral = null;
            Double negative = null;
            if (item.type != QuestionType.NUMBER) {
                distribution = new LinkedHashMap<>();
                List<String> labels = codeLabels(item);
                for (int c = 0; c < shares.length; c++) {
                    shares[c] /= total;
                    distribution.put(labels.get(c), shares[c]);
                }
            }
            if (item.type == QuestionType.SCALE) {
                double[] byValence = new double[3];
                for (int c = 0; c < shares.length; c++) {
                    byValence[item.scale.valenceOf(item.codes[c]).orElseThrow().ordinal()] += shares[c];
                }
                negative = byValence[Valence.NEGATIVE.ordinal()];
                neutral = byValence[Valence.NEUTRAL.ordinal()];
                positive = byValence[Valence.POSITIVE.ordinal()];
            } else if (item.type == QuestionType.GRADE) {
                double pass = 0;
                for (int c = 0; c < shares.length; c++) {
                    if (item.codes[c] >= GradeQuestion.POSITIVE_FROM) {
                        pass += shares[c];
                    }
                }
                positive = pass;
                neutral = 0.0;
                negative = 1 - pass;
            }
            Map<String, Long> ns = null;
            if (item.scale != null) {
                ns = new LinkedHashMap<>();
                for (int c = 0; c < nonSubstantive.length; c++) {
                    ns.put(item.scale.nonSubstantive().get(c).code(), nonSubstantive[c]);
                }
            }
            Double mean = estimate == null ? null : estimate.mean();
            Double se = estimate == null ? null : estimate.se();
            Estimate indicator = item.hasShares() ? group.positiveMoments[i].build() : null;
            Double positiveSe = indicator == null ? null : indicator.se();
            // All or none positive (counted): logit(p) is infinite, no interval; as for n = 1.
            boolean interval = positiveSe != null && !indicator.constant();
            return new ItemFigures(
                    id,
                    type,
                    n,
                    mean,
                    estimate == null ? null : estimate.sd(),
                    se,
                    se == null ? null : mean - 1.96 * se,
                    se == null ? null : mean + 1.96 * se,
                    false,
                    positive,
                    neutral,
                    negative,
                    distribution,
                    ns,
                    group.itemWeight[i] * group.itemWeight[i] / group.itemWeightSq[i],
                    positiveSe,
                    interval ? logitBound(positive, positiveSe, -1) : null,
                    interval ? logitBound(positive, positiveSe, 1) : null,
                    null,
                    null);
        }

        /** An item whose figures are all withheld, for this reason. */
        static ItemFigures suppressed(String id, String type, Suppression reason) {
            return new ItemFigures(
                    id,
                    type,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    reason.key(),
                    null);
        }

        /** A cluster whose figures are all withheld, for this reason. */
        static ClusterFigures suppressed(String id, Suppression reason) {
            return new ClusterFigures(id, null, null, null, null, null, null, true, null, null, reason.key(), null);
        }

        /**
         * An end of the logit interval of a share p with standard error se, as R survey's {@code
         * svyciprop(method = "xlogit", df = Inf)}: expit(logit(p) + sign·z·se/(p(1−p))), z = qnorm(0.975).
         * For 0 < p < 1 only.
         */
        static double logitBound(double p, double se, int sign) {
            double logit = Math.log(p / (1 - p)) + sign * Z975 * se / (p * (1 - p));
            return 1 / (1 + Math.exp(-logit));
        }

        private static List<String> codeLabels(Plan.Item item) {
            if (item.definition instanceof SingleQuestion s) {
                return s.options().stream().map(Option::code).toList();
            }
            if (item.definition instanceof MultiQuestion m) {
                return m.options().stream().map(Option::code).toList();
            }
            return java.util.Arrays.stream(item.codes)
                    .mapToObj(Integer::toString)
                    .toList();
        }

        ClusterFigures cluster(Plan.ClusterPlan cluster, int k, GroupSums group) {
            String id = cluster.cluster.id();
            Estimate estimate = group.clusterMoments[k].build();
            if (group.moduleRespondents[plan.clusterModule[k]] == 0) {
                return ClusterFigures.absent(id, FigureState.NOT_ADMINISTERED);
            }
            if (estimate == null || estimate.n() == 0) {
                return ClusterFigures.absent(id, FigureState.NO_ANSWERS);
            }
            if (estimate.n() < minN) {
                return suppressed(id, Suppression.N);
            }
            Double se = estimate.se();
            return new ClusterFigures(
                    id,
                    estimate.n(),
                    estimate.mean(),
                    estimate.sd(),
                    se,
                    se == null ? null : estimate.mean() - 1.96 * se,
                    se == null ? null : estimate.mean() + 1.96 * se,
                    false,
                    alpha(
                            cluster.k(),
                            group.completeN[k],
                            group.completeTotal[k],
                            group.completeTotalSq[k],
                            group.completeSum[k],
                            group.completeSumSq[k]),
                    estimate.nEffective(),
                    null,
                    null);
        }

        /** Alpha from complete-case sums; n·(n−1)·var = n·Σx² − (Σx)², computed exactly in integers. */
        static Double alpha(int k, long n, long total, long totalSq, long[] sum, long[] sumSq) {
            if (k < 2 || n < 2) {
                return null;
            }
            double totalVariance = (double) (n * totalSq - total * total);
            if (totalVariance == 0) {
                return null;
            }
            long itemVariances = 0;
            for (int i = 0; i < k; i++) {
                itemVariances += n * sumSq[i] - sum[i] * sum[i];
            }
            return k / (k - 1.0) * (1 - itemVariances / totalVariance);
        }

        /**
         * Each question with a mean and each cluster of one institution against the nation; the rest of
         * the nation is the national moments less the institution's.
         */
        List<BenchmarkFigures> benchmarks(
                String institution, GroupSums own, GroupSums nation, CaseMixer mixer, int index) {
            List<BenchmarkFigures> list = new ArrayList<>();
            for (int i = 0; i < plan.items.size(); i++) {
                Plan.Item item = plan.items.get(i);
                if (item.hasMean()) {
                    Estimate.Builder mine = own.itemMoments[i];
                    list.add(benchmark(
                            institution,
                            "item",
                            item.definition.id(),
                            mine.build(),
                            nation.itemMoments[i].minus(mine).build(),
                            nation.itemMoments[i].build(),
                            mixer.item(index, i)));
                }
            }
            for (int k = 0; k < plan.clusters.size(); k++) {
                Estimate.Builder mine = own.clusterMoments[k];
                list.add(benchmark(
                        institution,
                        "cluster",
                        plan.clusters.get(k).cluster.id(),
                        mine.build(),
                        nation.clusterMoments[k].minus(mine).build(),
                        nation.clusterMoments[k].build(),
                        mixer.cluster(index, k)));
            }
            return list;
        }

        BenchmarkFigures benchmark(
                String institution,
                String kind,
                String id,
                Estimate own,
                Estimate rest,
                Estimate national,
                CaseMix caseMix) {
            if (own == null || own.n() < minN) {
                return suppressed(
                        new BenchmarkFigures(
                                institution,
                                kind,
                                id,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                null,
                                null),
                        Suppression.N);
            }
            Double nationalMean = national == null || national.n() < minN ? null : national.mean();
            Double restMean = rest == null || rest.n() < minN ? null : rest.mean();
            Double p = null;
            Boolean significant = null;
            Double d = null;
            if (restMean != null && own.se() != null && rest.se() != null) {
                double spread = Math.sqrt(own.se() * own.se() + rest.se() * rest.se());
                if (spread > 0) {
                    p = Normal.twoSidedP((own.mean() - rest.mean()) / spread);
                    significant = p < 0.05;
                }
                long df = own.n() + rest.n() - 2;
                double pooled =
                        Math.sqrt(((own.n() - 1) * own.sd() * own.sd() + (rest.n() - 1) * rest.sd() * rest.sd()) / df);
                d = pooled > 0 ? (own.mean() - rest.mean()) / pooled : null;
            }
            return new BenchmarkFigures(
                    institution,
                    kind,
                    id,
                    own.n(),
                    own.mean(),
                    restMean,
                    nationalMean,
                    nationalMean == null ? null : own.mean() - nationalMean,
                    p,
                    significant,
                    d,
                    false,
                    caseMix,
                    null);
        }

        /** The benchmark entry with every figure withheld, for this reason. */
        static BenchmarkFigures suppressed(BenchmarkFigures b, Suppression reason) {
            return new BenchmarkFigures(
                    b.institution(),
                    b.kind(),
                    b.id(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    reason.key());
        }
    }
}
