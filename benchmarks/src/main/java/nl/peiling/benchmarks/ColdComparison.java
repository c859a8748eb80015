package nl.peiling.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.peiling.core.catalog.Catalog;

/**
 * The aggregation as users meet it: each part a fresh process, timed from start to exit, in turn, round
 * after round, so that a change in the machine's load touches all parts alike.
 *
 * <ul>
 *   <li><b>peiling</b>: {@code java -Xmx512m -jar peiling.jar aggregate --edition 2027 --responses F
 *       --population F --out results.json --csv results.csv}, the default groupings (institution,
 *       institution × location) with every figure;
 *   <li><b>peiling without writing</b>: the same command without {@code --out} and {@code --csv}, so
 *       that the difference is what writing the results costs;
 *   <li><b>DuckDB</b>: a fresh JVM that asks DuckDB (JDBC) for n, mean, sd and positive share of every
 *       scale and grade question per institution × location (less work: no weights, clusters, benchmarks
 *       or checks);
 *   <li><b>byte scan</b>: a fresh JVM whose two threads only read the file's bytes and count separators.
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.ColdComparison \
 *     cli/target/peiling.jar DIR [rounds]
 * </pre>
 *
 * DIR holds the responses.csv and population.csv of {@code peiling simulate}. Printed: each part's best
 * and median wall time, and per round the ratios DuckDB (its best run) / peiling and peiling / scan,
 * with their medians.
 */
public final class ColdComparison {

    private ColdComparison() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--part")) {
            part(args[1], Path.of(args[2]));
            return;
        }
        Path jar = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path responses = dir.resolve("responses.csv");
        Path out = Files.createTempDirectory("peiling-cold");
        String launcher = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");

        Map<String, List<String>> parts = new LinkedHashMap<>();
        List<String> aggregate = List.of(
                launcher,
                "-Xmx512m",
                "-jar",
                jar.toString(),
                "aggregate",
                "--edition",
                "2027",
                "--responses",
                responses.toString(),
                "--population",
                dir.resolve("population.csv").toString());
        List<String> full = new ArrayList<>(aggregate);
        full.addAll(List.of(
                "--out",
                out.resolve("results.json").toString(),
                "--csv",
                out.resolve("results.csv").toString()));
        parts.put(PEILING, full);
        parts.put(PEILING_NO_WRITING, aggregate);
        parts.put(
                DUCKDB,
                List.of(
                        launcher,
                        "-cp",
                        classPath,
                        ColdComparison.class.getName(),
                        "--part",
                        "duckdb",
                        responses.toString()));
        parts.put(
                SCAN,
                List.of(
                        launcher,
                        "-cp",
                        classPath,
                        ColdComparison.class.getName(),
                        "--part",
                        "scan",
                        responses.toString()));

        System.out.printf(
                Locale.ROOT,
                "file %s: %.0f MB; %d processors; load average %.2f; each part a fresh process, %d rounds%n",
                responses,
                Files.size(responses) / 1e6,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                rounds);
        Map<String, double[]> seconds = new LinkedHashMap<>();
        parts.keySet().forEach(name -> seconds.put(name, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> part : parts.entrySet()) {
                seconds.get(part.getKey())[round] = run(part.getValue(), out.resolve("stderr.txt"));
            }
            System.out.printf(Locale.ROOT, "round %d:", round + 1);
            for (Map.Entry<String, double[]> times : seconds.entrySet()) {
                System.out.printf(Locale.ROOT, "  %s %.2f s", times.getKey(), times.getValue()[round]);
            }
            System.out.println();
        }
        for (Map.Entry<String, double[]> times : seconds.entrySet()) {
            double[] sorted = times.getValue().clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT, "%-28s best %.2f s  median %.2f s%n", times.getKey(), sorted[0], sorted[rounds / 2]);
        }
        double duckdbBest = Arrays.stream(seconds.get(DUCKDB)).min().orElseThrow();
        double[] againstBest =
                Arrays.stream(seconds.get(PEILING)).map(p -> duckdbBest / p).toArray();
        ratio("DuckDB's best run / peiling", againstBest);
        ratio("DuckDB / peiling, per round", divide(seconds.get(DUCKDB), seconds.get(PEILING)));
        ratio("peiling / byte scan, per round", divide(seconds.get(PEILING), seconds.get(SCAN)));
        double[] writing = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            writing[i] = (seconds.get(PEILING)[i] - seconds.get(PEILING_NO_WRITING)[i]) / seconds.get(PEILING)[i];
        }
        ratio("writing's share of peiling, per round", writing);
        for (File file : out.toFile().listFiles()) {
            Files.delete(file.toPath());
        }
        Files.delete(out);
    }

    private static final String PEILING = "peiling --out --csv";
    private static final String PEILING_NO_WRITING = "peiling without writing";
    private static final String DUCKDB = "DuckDB";
    private static final String SCAN = "byte scan";

    /** One part in this process: what the fresh JVM of {@code duckdb} or {@code scan} does. */
    private static void part(String name, Path responses) throws Exception {
        switch (name) {
            case "duckdb" ->
                System.out.println(
                        AggregateComparison.duckdb(responses, Catalog.load().edition("2027"), "institution, location"));
            case "scan" -> System.out.println("separators " + AggregateComparison.scan(responses, 2));
            default -> throw new IllegalArgumentException("unknown part " + name + " (duckdb, scan)");
        }
    }

    /** Runs a command to its end and returns its wall time in seconds; a failure is thrown with its stderr. */
    private static double run(List<String> command, Path stderr) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(
                    String.join(" ", command) + " exited with " + exit + ": " + Files.readString(stderr));
        }
        return seconds;
    }

    private static double[] divide(double[] top, double[] bottom) {
        double[] ratios = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            ratios[i] = top[i] / bottom[i];
        }
        return ratios;
    }

    private static void ratio(String name, double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        StringBuilder each = new StringBuilder();
        for (double ratio : ratios) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratio));
        }
        System.out.printf(Locale.ROOT, "%-40s median %.2f  (%s)%n", name, sorted[ratios.length / 2], each);
    }
}
