package nl.peiling.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.Grouping;

/**
 * One {@code aggregate} of a simulated survey (weights, {@code --by institution,location}), for finding
 * the smallest heap it completes in: run it under a range of {@code -Xmx} values and see which end in
 * an {@link OutOfMemoryError}. Exits 0 when it completes, 3 when the heap ran out.
 *
 * <pre>
 * for x in 96 128 160 224 288 512; do
 *   java -Xmx${x}m -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.AggregateHeap DIR [keys-in-memory]
 * done
 * </pre>
 *
 * DIR holds the responses.csv and population.csv of {@code peiling simulate}; keys-in-memory, when
 * given, is passed to {@link ResponseReader#withKeysInMemory}. Printed: the respondents, the wall time and
 * the sum of the heap pools' peaks (an upper bound of what was live at once).
 */
public final class AggregateHeap {

    private AggregateHeap() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ResponseReader reader = ResponseReader.of(Catalog.load().edition("2027"));
        String keys = "default";
        if (args.length > 1) {
            reader = reader.withKeysInMemory(Integer.parseInt(args[1]));
            keys = args[1];
        }
        Aggregator aggregator = Aggregator.of(reader)
                .withPopulation(Population.read(dir.resolve("population.csv")))
                .withGroupings(Grouping.parse("institution,location"));
        long max = Runtime.getRuntime().maxMemory() >> 20;
        long start = System.nanoTime();
        Aggregation aggregation;
        try {
            aggregation = aggregator.aggregate(dir.resolve("responses.csv"));
        } catch (OutOfMemoryError e) {
            System.out.printf(Locale.ROOT, "max heap %d MB, keys in memory %s: out of memory%n", max, keys);
            System.exit(3);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "max heap %d MB, keys in memory %s: %d rows in %.2f s, heap pools' peaks %d MB%n",
                max,
                keys,
                aggregation.results().input().rows(),
                seconds,
                peak >> 20);
    }
}
