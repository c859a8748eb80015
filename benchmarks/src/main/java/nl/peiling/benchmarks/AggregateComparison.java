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
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.responses.ResponseRow;
import nl.peiling.stats.responses.RowSink;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.Grouping;

/**
 * Wall time of {@code aggregate} against yardsticks on the same responses.csv: DuckDB computing the
 * per-institution n, mean, sd and positive share of every scale and grade item; a plain two-thread scan
 * that only reads the bytes and counts separators (the floor no parser can beat); and a lower bound for
 * any one-pass aggregation, the least such a program must do (see {@link #leastWork}). peiling's reader
 * alone, checking every cell into a sink that does nothing, shows how the time divides.
 *
 * <pre>
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.AggregateComparison \
 *     DIR [runs] [scan|least|read|peiling|duckdb ...]
 * </pre>
 *
 * DIR holds the responses.csv and population.csv of {@code peiling simulate}. Each part runs once to
 * warm up, then the parts run in turn, {@code runs} rounds (default 3), so that a change in the machine's
 * load touches all parts alike. Printed: each part's best and median time, the ratios peiling / scan,
 * least work / scan and DuckDB / peiling within each round with their median, and the peak heap.
 */
public final class AggregateComparison {

    private AggregateComparison() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<String> parts = args.length > 2
                ? Arrays.asList(args).subList(2, args.length)
                : List.of("scan", "least", "read", "peiling", "duckdb");
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
                case "least" ->
                    runners.put("least work of one pass (2 threads)", () -> "answers " + leastWork(responses, 2));
                case "read" -> {
                    ResponseReader reader = ResponseReader.of(edition);
                    runners.put(
                            "peiling reading only (2 threads)",
                            () -> "rows " + reader.read(responses, NoSink::new).rows());
                }
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
                default ->
                    throw new IllegalArgumentException(
                            "unknown part " + part + " (scan, least, read, peiling, duckdb)");
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
                "least work / byte scan, per round",
                seconds.get("least work of one pass (2 threads)"),
                seconds.get("byte scan (2 threads)"));
        ratio(
                "reading only / byte scan, per round",
                seconds.get("peiling reading only (2 threads)"),
                seconds.get("byte scan (2 threads)"));
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
            System.out.printf(Locale.ROOT, "peak heap (sum of pool peaks, all parts): %d MB%n", peak >> 20);
        }
    }

    private interface Run {
        String run() throws Exception;
    }

    /** A sink that keeps nothing: what reading costs without aggregating. */
    private static final class NoSink implements RowSink {
        @Override
        public void add(ResponseRow row) {}

        @Override
        public void remove(ResponseRow row) {}
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
        return inParts(file, threads, (channel, from, to, size) -> {
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
            return count;
        });
    }

    /** What one thread of {@link #inParts} counts in the file's bytes [from, to) of size bytes. */
    private interface Part {
        long count(FileChannel channel, long from, long to, long size) throws IOException;
    }

    /**
     * Splits the file into {@code threads} parts of equal size, counts each on its own thread with its
     * own channel, and returns the sum; a thread's failure is thrown.
     */
    private static long inParts(Path file, int threads, Part part) throws Exception {
        long size = Files.size(file);
        AtomicLong total = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long from = size * t / threads;
            long to = size * (t + 1) / threads;
            Thread worker = new Thread(() -> {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    total.addAndGet(part.count(channel, from, to, size));
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return total.get();
    }

    /**
     * A lower bound for any program that aggregates the file in one pass: two threads, each over its own
     * part as in {@link #scan}, split the records at line ends and the fields at commas, and count every
     * one-byte field in an {@code int} per institution (by a hash of its code), column and byte. Nothing
     * is checked and nothing else is computed: longer fields (option codes, numbers) are skipped without
     * decoding, quotes are not looked at, and there are no keys, weights, clusters or figures. Returns
     * the number of one-byte fields counted.
     */
    static long leastWork(Path file, int threads) throws Exception {
        return inParts(file, threads, (channel, from, to, size) -> {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] bytes = buffer.array();
            int[][] counts = new int[64][];
            // The records that start in [from, to): skip the header, or the record cut at from.
            long position = Math.max(0, from - 1);
            boolean skip = true;
            while (position < size) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                int p = 0;
                if (skip) {
                    while (p < read && bytes[p] != '\n') {
                        p++;
                    }
                    if (p == read) {
                        position += read;
                        continue;
                    }
                    p++;
                    skip = false;
                }
                int last = read - 1; // the line end of the last whole record in the buffer
                while (last >= p && bytes[last] != '\n') {
                    last--;
                }
                if (last < p) {
                    break; // no whole record left: the end of the file
                }
                while (p <= last && position + p < to) {
                    p = countRecord(bytes, p, counts);
                }
                if (position + p >= to) {
                    break;
                }
                position += last + 1;
            }
            long answers = 0;
            for (int[] place : counts) {
                for (int i = 0; place != null && i < place.length; i++) {
                    answers += place[i];
                }
            }
            return answers;
        });
    }

    /** Counts the one-byte fields of the record at bytes[p] (after the key); returns where the next starts. */
    private static int countRecord(byte[] bytes, int p, int[][] counts) {
        while (bytes[p] != ',') { // the respondent key
            p++;
        }
        p++;
        int institution = 0;
        while (bytes[p] != ',') {
            institution = 31 * institution + bytes[p++];
        }
        int[] place = counts[institution & 63];
        if (place == null) {
            place = new int[256 << 4];
            counts[institution & 63] = place;
        }
        int column = 1;
        while (true) {
            byte b = bytes[p];
            if (b == '\n') {
                return p + 1;
            }
            if (b == ',') {
                column = (column + 1) & 255;
                p++;
            } else if (bytes[p + 1] == ',' || bytes[p + 1] == '\n') {
                place[(column << 4) + (b & 15)]++;
                p++;
            } else {
                p++;
                while (bytes[p] != ',' && bytes[p] != '\n') {
                    p++;
                }
            }
        }
    }

    /** The per-institution n, mean, sd and positive share of every scale and grade item, in DuckDB. */
    static String duckdb(Path responses, Edition edition) throws SQLException, IOException {
        return duckdb(responses, edition, "institution");
    }

    /**
     * The n, mean, sd and positive share of every scale and grade item per group of the comma-separated
     * columns {@code groupBy}, in DuckDB.
     */
    static String duckdb(Path responses, Edition edition, String groupBy) throws SQLException, IOException {
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
        StringBuilder select = new StringBuilder("SELECT ").append(groupBy);
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
                .append(" GROUP BY ")
                .append(groupBy)
                .append(" ORDER BY ")
                .append(groupBy);
        int rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(select.toString())) {
            while (result.next()) {
                rows++;
            }
        }
        return rows + " groups of " + groupBy + " × " + items + " items";
    }
}
