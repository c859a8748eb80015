package nl.peiling.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import nl.peiling.core.allocation.Allocation;
import nl.peiling.core.allocation.Allocations;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Pseudonyms;
import nl.peiling.core.allocation.Respondent;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Module allocation with the shipped 2027 edition (8 optional modules, 3 chosen, 2 random).
 *
 * <ul>
 *   <li>{@code batch}: 1,000,000 respondents in 200 strata (100 institutions of 2 locations), keys that are
 *       64-hex-digit HMAC pseudonyms as in production, on 1 and on 2 threads. Goal: under 1 s.
 *   <li>{@code stateless}: one {@code allocate(key, institution)} call per operation on one thread.
 *       Goal: at least 1,000,000 per second.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AllocationBenchmark -f 1 -wi 3 -i 5}; add
 * {@code -prof gc} for the bytes allocated per operation.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AllocationBenchmark {

    static final int RESPONDENTS = 1_000_000;
    static final int INSTITUTIONS = 100;
    static final int LOCATIONS = 2;
    static final String[] MODULES = {
        "nabijheid", "huisvesting", "positie", "llo", "geldzorgen", "welzijn", "burgerschap", "stage"
    };

    @Param({"1", "2"})
    int threads;

    Allocator allocator;
    List<Respondent> respondents;
    String[] keys;
    String[] institutionOf;

    @Setup(Level.Trial)
    public void setUp() {
        Edition edition = Catalog.load().find("2027").orElseThrow();
        SplittableRandom random = new SplittableRandom(2027);
        List<Institution> institutions = new ArrayList<>();
        for (int i = 0; i < INSTITUTIONS; i++) {
            List<String> modules = new ArrayList<>(List.of(MODULES));
            for (int m = modules.size() - 1; m > 0; m--) {
                int j = random.nextInt(m + 1);
                String swap = modules.get(m);
                modules.set(m, modules.get(j));
                modules.set(j, swap);
            }
            // Three chosen; a third of the institutions exclude one module, so pools of 4 and 5.
            List<String> excluded = i % 3 == 0 ? List.of(modules.get(3)) : List.of();
            institutions.add(Institution.of(String.format("%02dXX", i), modules.subList(0, 3), excluded, "01", "02"));
        }
        allocator = Allocator.of(edition, institutions, "benchmark seed").withThreads(threads);
        Pseudonyms pseudonyms = Pseudonyms.of("student number secret");
        respondents = new ArrayList<>(RESPONDENTS);
        keys = new String[RESPONDENTS];
        institutionOf = new String[RESPONDENTS];
        for (int r = 0; r < RESPONDENTS; r++) {
            Institution institution = institutions.get(random.nextInt(INSTITUTIONS));
            String location =
                    institution.locations().get(random.nextInt(LOCATIONS)).code();
            keys[r] = pseudonyms.pseudonym(String.valueOf(10_000_000 + r));
            institutionOf[r] = institution.code();
            respondents.add(Respondent.of(keys[r], institution.code(), location));
        }
    }

    /** The whole population at once: ranking, dealing and the audit summary. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 10, batchSize = 1)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Allocations batch() {
        return allocator.allocateBatch(respondents);
    }

    /** Per-thread position in the keys, so that each call allocates another respondent. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** One stateless allocation, as a web service makes at login. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Allocation stateless(Cursor cursor) {
        int r = cursor.next;
        cursor.next = r + 1 == RESPONDENTS ? 0 : r + 1;
        return allocator.allocate(keys[r], institutionOf[r]);
    }
}
