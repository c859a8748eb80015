package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;

/**
 * Allocates the random modules of an edition to respondents, in two modes (SPEC section 3).
 *
 * <ul>
 *   <li>{@link #allocateBatch}: the population list is known. Per stratum (institution × location) the
 *       respondents are ranked by a keyed hash of their key, and dealt combinations in rank order so that
 *       the counts of any two random modules differ by at most one, and with two random modules per
 *       respondent the counts of any two pairs as well. The result depends on the seed and the set of
 *       respondents, never on their order or the number of threads.
 *   <li>{@link #allocate(String, String)}: one respondent at a time with no stored state, a pure function
 *       of (seed, respondent key, institution): a keyed hash picks one of the allowed combinations
 *       uniformly. Safe to call from any number of threads.
 * </ul>
 *
 * <p>Every respondent gets the base module, the institution's chosen modules and its random modules, in
 * that order; never an excluded module, never a module twice, never more than
 * {@code randomPerRespondent} random modules and never more than {@code maxMinutes}.
 *
 * <p>The keys are derived from the secret seed with HMAC-SHA256 and the per-respondent hash is
 * SipHash-2-4, so the seed cannot be recovered from allocations and a different seed gives an
 * independent allocation. An allocator is immutable and can be shared between threads.
 */
public final class Allocator {

    private final Edition edition;
    private final PlanCheck check;
    private final Map<String, Pool> pools;
    private final List<Stratum> strata;
    private final SipHash rankKey;
    private final int threads;
    /** Every pool's combinations by their allocator-wide id. */
    private final Pool.Combo[] combos;

    /** A stratum's pool, location and dealing key. */
    private record Stratum(int id, Pool pool, String location, SipHash key) {}

    private Allocator(
            Edition edition,
            PlanCheck check,
            Map<String, Pool> pools,
            List<Stratum> strata,
            SipHash rankKey,
            int threads) {
        this.edition = edition;
        this.check = check;
        this.pools = pools;
        this.strata = strata;
        this.rankKey = rankKey;
        this.threads = threads;
        this.combos =
                pools.values().stream().flatMap(p -> Arrays.stream(p.combos)).toArray(Pool.Combo[]::new);
    }

    /**
     * An allocator for the edition and institution plans, keyed by the secret seed, using as many threads
     * as the machine has processors for batch allocation.
     *
     * @param seed any non-empty string, e.g. a passphrase kept by the survey owner
     * @throws PlanException when a plan has errors (see {@link PlanCheck}); warnings are in {@link #warnings()}
     * @throws IllegalArgumentException when the seed is empty
     */
    public static Allocator of(Edition edition, List<Institution> institutions, String seed) {
        requireNonNull(edition, "edition");
        requireNonNull(institutions, "institutions");
        requireNonNull(seed, "seed");
        Keys keys = Keys.of(seed);
        PlanCheck check = PlanCheck.of(edition, institutions);
        if (!check.isValid()) {
            throw new PlanException(check.problems());
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        List<Stratum> strata = new ArrayList<>();
        int firstId = 0;
        for (Institution institution : institutions) {
            InstitutionPlan plan = check.plan(institution.code()).orElseThrow();
            Pool pool = new Pool(plan, keys.derive("stateless", institution.code()), firstId);
            firstId += pool.combos.length;
            pools.put(institution.code(), pool);
            for (Location location : institution.locations()) {
                Stratum stratum = new Stratum(
                        strata.size(), pool, location.code(), keys.derive("deal", institution.code(), location.code()));
                pool.strata.put(location.code(), stratum.id());
                strata.add(stratum);
            }
        }
        return new Allocator(
                edition,
                check,
                Collections.unmodifiableMap(pools),
                List.copyOf(strata),
                keys.derive("rank"),
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy that uses this many threads for batch allocation; the allocation itself does not change. */
    public Allocator withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads (" + threads + ") must be at least 1");
        }
        return new Allocator(edition, check, pools, strata, rankKey, threads);
    }

    /** The number of threads batch allocation uses. */
    public int threads() {
        return threads;
    }

    /** The edition. */
    public Edition edition() {
        return edition;
    }

    /** The plan of every institution, in the order of the list. */
    public List<InstitutionPlan> plans() {
        return pools.values().stream().map(p -> p.plan).toList();
    }

    /** The plan of this institution, if the allocator knows it. */
    public Optional<InstitutionPlan> plan(String institution) {
        Pool pool = pools.get(requireNonNull(institution, "institution"));
        return pool == null ? Optional.empty() : Optional.of(pool.plan);
    }

    /** The warnings of the plan check: how allocation works around small pools and the length budget. */
    public List<PlanProblem> warnings() {
        return check.warnings();
    }

    // ---------------------------------------------------------------------------------- stateless

    /**
     * The stateless allocation of one respondent: a pure function of the seed, the respondent key and the
     * institution, uniform over the institution's allowed combinations of random modules.
     *
     * @throws IllegalArgumentException when the institution is unknown or the key blank
     */
    public Allocation allocate(String respondentKey, String institution) {
        requireNonNull(respondentKey, "respondentKey");
        requireNonNull(institution, "institution");
        if (respondentKey.isBlank()) {
            throw new IllegalArgumentException("respondent key must not be blank");
        }
        Pool.Combo combo = pool(institution).stateless(respondentKey);
        return new Allocation(respondentKey, institution, combo.modules, combo.random);
    }

    /**
     * Allocates every respondent with the stateless function ({@link #allocate(String, String)}), with the
     * audit per stratum. Each respondent's modules are what {@code allocate(key, institution)} returns.
     *
     * @throws IllegalArgumentException when a respondent's institution or location is unknown
     */
    public Allocations allocateEach(Collection<Respondent> respondents) {
        Respondent[] all = toArray(respondents);
        int[] stratumOf = strata(all);
        int[] out = new int[all.length];
        int[][] counts = counts();
        for (int i = 0; i < all.length; i++) {
            Stratum stratum = strata.get(stratumOf[i]);
            Pool.Combo combo = stratum.pool().stateless(all[i].key());
            out[i] = combo.id;
            counts[stratum.id()][combo.index]++;
        }
        return new Allocations(AllocationMode.STATELESS, all, combos, out, summaries(counts));
    }

    /** Allocates the respondents in the given mode: {@link #allocateBatch} or {@link #allocateEach}. */
    public Allocations allocate(Collection<Respondent> respondents, AllocationMode mode) {
        requireNonNull(mode, "mode");
        return mode == AllocationMode.BATCH ? allocateBatch(respondents) : allocateEach(respondents);
    }

    // -------------------------------------------------------------------------------------- batch

    /**
     * Allocates a known population, balanced per stratum: within each institution × location the counts of
     * any two random modules differ by at most one (for plans whose every combination fits the length
     * budget, see {@link InstitutionPlan#complete()}), and with two random modules per respondent the counts
     * of any two pairs of modules as well.
     *
     * <p>Respondents are ranked per stratum by SipHash of their key under a key derived from the seed, and
     * dealt combinations in rank order (see {@code Dealer}); so the result depends on the seed and the set
     * of respondents only, not on their order or on {@link #withThreads threads}.
     *
     * @throws IllegalArgumentException when a respondent's institution or location is unknown, or a key
     *     appears twice
     */
    public Allocations allocateBatch(Collection<Respondent> respondents) {
        Respondent[] all = toArray(respondents);
        int n = all.length;
        int[] stratumOf = strata(all);
        // Rank: sort (hash, input index) packed in one long, the index in the low bits; respondents whose
        // hashes agree in the high bits are then put in (full hash, key) order, so input order never counts.
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
        long low = (1L << bits) - 1;
        long[] packed = new long[n];
        parallel(chunks(n), chunk -> {
            int to = Math.min(n, (chunk + 1) * CHUNK);
            for (int i = chunk * CHUNK; i < to; i++) {
                packed[i] = rankKey.hashUtf8(all[i].key()) & ~low | i;
            }
        });
        sort(packed);
        resolveTies(packed, low, all);
        // Deal in rank order. Each stratum has its own dealer, so one pass over all respondents in rank
        // order gives every stratum its respondents in rank order; dealing is cheap next to hashing.
        Dealer[] dealers = new Dealer[strata.size()];
        int[] out = new int[n];
        int[][] counts = counts();
        for (long p : packed) {
            int i = (int) (p & low);
            int s = stratumOf[i];
            Dealer dealer = dealers[s];
            if (dealer == null) {
                Stratum stratum = strata.get(s);
                dealer = Dealer.of(stratum.pool(), stratum.key());
                dealers[s] = dealer;
            }
            Pool.Combo combo = dealer.next();
            out[i] = combo.id;
            counts[s][combo.index]++;
        }
        return new Allocations(AllocationMode.BATCH, all, combos, out, summaries(counts));
    }

    // ---------------------------------------------------------------------------------- internals

    private static final int CHUNK = 1 << 14;

    private static int chunks(int n) {
        return (n + CHUNK - 1) / CHUNK;
    }

    private Pool pool(String institution) {
        Pool pool = pools.get(institution);
        if (pool == null) {
            throw new IllegalArgumentException(
                    "unknown institution \"" + institution + "\" (known: " + known(pools.keySet()) + ")");
        }
        return pool;
    }

    private static Respondent[] toArray(Collection<Respondent> respondents) {
        requireNonNull(respondents, "respondents");
        Respondent[] all = respondents.toArray(new Respondent[0]);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new NullPointerException("respondents[" + i + "]");
            }
        }
        return all;
    }

    /** The stratum of each respondent; unknown institutions and locations are one error naming them all. */
    private int[] strata(Respondent[] all) {
        int[] stratumOf = new int[all.length];
        boolean unknown = false;
        for (int i = 0; i < all.length; i++) {
            Pool pool = pools.get(all[i].institution());
            Integer stratum = pool == null ? null : pool.strata.get(all[i].location());
            if (stratum == null) {
                unknown = true;
            } else {
                stratumOf[i] = stratum;
            }
        }
        if (unknown) {
            List<PlanProblem> problems = check.checkRespondents(Arrays.asList(all));
            StringBuilder message = new StringBuilder("respondents with unknown strata:");
            problems.forEach(
                    p -> message.append("\n  ").append(p.path()).append(": ").append(p.message()));
            throw new IllegalArgumentException(message.toString());
        }
        return stratumOf;
    }

    private int[][] counts() {
        int[][] counts = new int[strata.size()][];
        for (Stratum stratum : strata) {
            counts[stratum.id()] = new int[stratum.pool().combos.length];
        }
        return counts;
    }

    private List<StratumSummary> summaries(int[][] counts) {
        List<StratumSummary> summaries = new ArrayList<>();
        for (Stratum stratum : strata) {
            int[] c = counts[stratum.id()];
            if (Arrays.stream(c).sum() > 0) {
                summaries.add(summarize(edition, stratum.pool(), stratum.location(), c));
            }
        }
        return summaries;
    }

    static StratumSummary summarize(Edition edition, Pool pool, String location, int[] comboCounts) {
        int n = pool.n;
        int total = 0;
        int[] single = new int[n];
        int[][] pairs = new int[n][n];
        for (Pool.Combo combo : pool.combos) {
            int count = comboCounts[combo.index];
            total += count;
            for (int a = 0; a < n; a++) {
                if ((combo.mask >>> a & 1) != 0) {
                    single[a] += count;
                    for (int b = a + 1; b < n; b++) {
                        if ((combo.mask >>> b & 1) != 0) {
                            pairs[a][b] += count;
                        }
                    }
                }
            }
        }
        InstitutionPlan plan = pool.plan;
        List<StratumSummary.ModuleCount> modules = new ArrayList<>();
        for (Module module : edition.modules()) {
            String id = module.id();
            ModuleRole role = plan.role(id).orElseThrow();
            int actual = switch (role) {
                case BASE, CHOSEN -> total;
                case RANDOM -> single[plan.pool().indexOf(id)];
                default -> 0;
            };
            modules.add(new StratumSummary.ModuleCount(id, role, total * plan.share(id), actual));
        }
        int spread = 0;
        if (n >= 2) {
            spread = Arrays.stream(single).max().orElseThrow()
                    - Arrays.stream(single).min().orElseThrow();
        }
        int pairSpread = 0;
        if (pool.k >= 2 && n >= 2) {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    min = Math.min(min, pairs[a][b]);
                    max = Math.max(max, pairs[a][b]);
                }
            }
            pairSpread = max - min;
        }
        return new StratumSummary(plan.institution(), location, total, modules, spread, pairSpread);
    }

    /**
     * Puts each run of sort keys with equal high bits in (full hash, key) order, and rejects a key that
     * appears twice (equal keys have equal hashes, so they always meet in one run).
     */
    private void resolveTies(long[] packed, long low, Respondent[] all) {
        int n = packed.length;
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && (packed[j] & ~low) == (packed[i] & ~low)) {
                j++;
            }
            if (j - i > 1) {
                Integer[] run = new Integer[j - i];
                Map<Integer, Long> hash = new HashMap<>();
                for (int r = 0; r < run.length; r++) {
                    run[r] = (int) (packed[i + r] & low);
                    hash.put(run[r], rankKey.hashUtf8(all[run[r]].key()));
                }
                Arrays.sort(run, Comparator.<Integer>comparingLong(hash::get).thenComparing(x -> all[x].key()));
                for (int r = 0; r < run.length; r++) {
                    if (r > 0 && all[run[r]].key().equals(all[run[r - 1]].key())) {
                        int first = Math.min(run[r], run[r - 1]);
                        int second = Math.max(run[r], run[r - 1]);
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "respondent key \"%s\" appears twice (respondents %d and %d of the input); keys must be unique",
                                all[first].key(),
                                first + 1,
                                second + 1));
                    }
                    packed[i + r] = packed[i + r] & ~low | run[r];
                }
            }
            i = j;
        }
    }

    /** Sorts ascending: one bucket per range of high bits, the buckets sorted by the threads. */
    private void sort(long[] keys) {
        int n = keys.length;
        if (threads == 1 || n < 1 << 16) {
            Arrays.sort(keys);
            return;
        }
        int bucketBits = 10;
        int buckets = 1 << bucketBits;
        int[] start = new int[buckets + 1];
        for (long key : keys) {
            start[bucket(key, bucketBits) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        long[] sorted = new long[n];
        int[] fill = Arrays.copyOf(start, buckets);
        for (long key : keys) {
            sorted[fill[bucket(key, bucketBits)]++] = key;
        }
        parallel(buckets, b -> Arrays.sort(sorted, start[b], start[b + 1]));
        System.arraycopy(sorted, 0, keys, 0, n);
    }

    /** The bucket of a key in signed order. */
    private static int bucket(long key, int bits) {
        return (int) (key >> (64 - bits)) + (1 << (bits - 1));
    }

    /** Runs the tasks 0..count-1 on this allocator's threads; the first failure is rethrown. */
    private void parallel(int count, IntConsumer task) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            int t;
            while (failure.get() == null && (t = next.getAndIncrement()) < count) {
                try {
                    task.accept(t);
                } catch (Throwable e) { // NOPMD - handed to the calling thread
                    failure.compareAndSet(null, e);
                }
            }
        };
        Thread[] pool = new Thread[workers - 1];
        for (int w = 0; w < pool.length; w++) {
            pool[w] = new Thread(work, "peiling-allocator-" + w);
            pool[w].setDaemon(true);
            pool[w].start();
        }
        work.run();
        for (Thread thread : pool) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while allocating", e);
            }
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        } else if (e instanceof Error error) {
            throw error;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static String known(Collection<String> codes) {
        List<String> list = List.copyOf(codes);
        return list.size() <= 10
                ? String.join(", ", list)
                : String.join(", ", list.subList(0, 10)) + ", … (" + list.size() + " in all)";
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Allocator[edition %s, %d institutions, %d strata, %d threads]",
                edition.id(),
                pools.size(),
                strata.size(),
                threads);
    }
}
