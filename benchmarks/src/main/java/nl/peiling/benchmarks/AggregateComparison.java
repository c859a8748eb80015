package nl.peiling.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.Grouping;

/**
 * Wall time of {@code aggregate} against two yardsticks on the same responses.csv: DuckDB computing the
 * per-institution n, mean, sd and positive share of every scale and grade item, and a plain two-thread
 * scan that only reads the bytes and counts separators (the floor no parser can beat).
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.AggregateComparison \
 *     DIR [runs] [peiling|duckdb|scan ...]
 * </pre>
 *
 * DIR holds the responses.csv and population.csv of {@code peiling simulate}. Each part runs once to
 * warm up, then the parts run in turn, {@code runs} rounds (default 3), so that a change in the machine's
 * load touches all parts alike. Printed: each part's best and median time, the ratios peiling / scan
 * and DuckDB / peiling within each round with their median, and peiling's peak heap.
 */
public final class AggregateComparison {

    private AggregateComparison() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> parts =
                args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("scan", "peiling", "duckdb");
        Path responses = dir.resolve("responses.csv");
        Edition edition = Catalog.load().edition("2027");
        System.out.printf(
                Locale.ROOT,
                "file %s: %.0f MB, %d processors, max heap %d MB%n",
                responses,
                Files.size(responses) / 1e6,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // Each part once to warm up, then the parts in turn, round after round, so that a change in the
        // machine's load touches all of them alike; the ratios are taken within each round.
        Map<String, Run> runners = new LinkedHashMap<>();
        for (String part : parts) {
            switch (part) {
                case "scan" -> runners.put("byte scan (2 threads)", () -> "separators " + scan(responses, 2));
                case "peiling" -> {
                    Aggregator aggregator = Aggregator.of(edition)
                            .withPopulation(Population.read(dir.resolve("population.csv")))
                            .withGroupings(Grouping.parse("institution,location"));
                    runners.put(
                            "peiling aggregate",
                            () -> aggregator.aggregate(responses).results().summary());
                }
                case "duckdb" ->
                    runners.put("duckdb per-institution n, mean, sd, positive share", () -> duckdb(responses, edition));
                default -> throw new IllegalArgumentException("unknown part " + part + " (scan, peiling, duckdb)");
            }
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (Map.Entry<String, Run> runner : runners.entrySet()) {
            notes.put(runner.getKey(), runner.getValue().run());
        }
        Map<String, double[]> seconds = new LinkedHashMap<>();
        runners.keySet().forEach(name -> seconds.put(name, new double[runs]));
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, Run> runner : runners.entrySet()) {
                long start = System.nanoTime();
                notes.put(runner.getKey(), runner.getValue().run());
                seconds.get(runner.getKey())[i] = (System.nanoTime() - start) / 1e9;
            }
        }
        for (Map.Entry<String, double[]> times : seconds.entrySet()) {
            double[] sorted = times.getValue().clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "%-55s best %.3f s  median %.3f s  runs %s%n  %s%n",
                    times.getKey(),
                    sorted[0],
                    sorted[runs / 2],
                    Arrays.toString(times.getValue()),
                    notes.get(times.getKey()));
        }
        ratio("peiling / byte scan, per round", seconds.get("peiling aggregate"), seconds.get("byte scan (2 threads)"));
        ratio(
                "duckdb / peiling, per round",
                seconds.get("duckdb per-institution n, mean, sd, positive share"),
                seconds.get("peiling aggregate"));
        if (runners.containsKey("peiling aggregate")) {
            long peak = 0;
            for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "peiling peak heap (sum of pool peaks): %d MB%n", peak >> 20);
        }
    }

    private interface Run {
        String run() throws Exception;
    }

    /** Prints the ratios of two parts' times round by round, and their median; nothing if one is missing. */
    private static void ratio(String name, double[] top, double[] bottom) {
        if (top == null || bottom == null) {
            return;
        }
        double[] ratios = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            ratios[i] = top[i] / bottom[i];
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        StringBuilder each = new StringBuilder();
        for (double ratio : ratios) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratio));
        }
        System.out.printf(Locale.ROOT, "%-55s median %.2f  (%s)%n", name, sorted[ratios.length / 2], each);
    }

    /** Counts commas and line ends in the file with {@code threads} threads, each over its own part. */
    static long scan(Path file, int threads) throws Exception {
        long size = Files.size(file);
        AtomicLong total = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long from = size * t / threads;
            long to = size * (t + 1) / threads;
            Thread worker = new Thread(() -> {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
                    byte[] bytes = buffer.array();
                    long position = from;
                    long count = 0;
                    while (position < to) {
                        buffer.clear();
                        buffer.limit((int) Math.min(buffer.capacity(), to - position));
                        int read = channel.read(buffer, position);
                        if (read <= 0) {
                            break;
                        }
                        for (int i = 0; i < read; i++) {
                            byte b = bytes[i];
                            if (b == ',' || b == '\n') {
                                count++;
                            }
                        }
                        position += read;
                    }
                    total.addAndGet(count);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return total.get();
    }

    /** The per-institution n, mean, sd and positive share of every scale and grade item, in DuckDB. */
    static String duckdb(Path responses, Edition edition) throws SQLException, IOException {
        // Every column read as text, as peiling reads it; the casts below then keep only the numbers.
        String header;
        try (var lines = Files.lines(responses)) {
            header = lines.findFirst().orElseThrow();
        }
        StringBuilder columns = new StringBuilder("{");
        for (String column : header.split(",")) {
            columns.append(columns.length() > 1 ? ", " : "")
                    .append('\'')
                    .append(column)
                    .append("': 'VARCHAR'");
        }
        columns.append('}');
        StringBuilder select = new StringBuilder("SELECT institution");
        int items = 0;
        for (Question question : edition.questions()) {
            if (question.type() != QuestionType.SCALE && question.type() != QuestionType.GRADE) {
                continue;
            }
            // CASE on the text rather than TRY_CAST: DuckDB pushes a TRY_CAST into its CSV reader as a
            // hard cast, which fails on the non-substantive codes (duckdb/duckdb issue 23818).
            StringBuilder value =
                    new StringBuilder("(CASE \"").append(question.id()).append('"');
            int max = question.type() == QuestionType.GRADE ? 10 : 5;
            for (int code = 1; code <= max; code++) {
                value.append(" WHEN '").append(code).append("' THEN ").append(code);
            }
            value.append(" END)");
            int positiveFrom = question.type() == QuestionType.GRADE ? 6 : 4;
            select.append(", count(")
                    .append(value)
                    .append(")")
                    .append(", avg(")
                    .append(value)
                    .append(")")
                    .append(", stddev_samp(")
                    .append(value)
                    .append(")")
                    .append(", avg(CASE WHEN ")
                    .append(value)
                    .append(" >= ")
                    .append(positiveFrom)
                    .append(" THEN 1.0 WHEN ")
                    .append(value)
                    .append(" IS NOT NULL THEN 0.0 END)");
            items++;
        }
        select.append(" FROM read_csv('")
                .append(responses.toAbsolutePath())
                .append("', header = true, auto_detect = false, columns = ")
                .append(columns)
                .append(")")
                .append(" GROUP BY institution ORDER BY institution");
        int rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(select.toString())) {
            while (result.next()) {
                rows++;
            }
        }
        return rows + " institutions × " + items + " items";
    }
}
