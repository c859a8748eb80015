package nl.peiling.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.CountedResponses;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.sampling.ResponseCounts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The response barometer over a national fieldwork: 250,000 responses from 1,000 locations (50 institutions of 20
 * locations), each row with the six fixed columns and 30 answer columns, as a responses.csv on disk. The rows are read
 * as {@code aggregate} reads them, checked against edition 2027. The goal is well under a second for
 * reading both files and computing every row.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BarometerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BarometerBenchmark {

    static final int RESPONSES = 250_000;
    static final int INSTITUTIONS = 50;
    static final int LOCATIONS_PER_INSTITUTION = 20;
    static final int QUESTIONS = 30;
    static final Edition EDITION = Catalog.load().edition("2027");
    static final String[] MODULES = {"nabijheid", "huisvesting", "positie", "llo", "geldzorgen", "welzijn", "stage"};

    Path dir;
    Path populationFile;
    Path responsesFile;
    Population population;
    ResponseCounts counts;

    @Setup(Level.Trial)
    public void write() throws IOException {
        dir = Files.createTempDirectory("barometer-benchmark");
        populationFile = dir.resolve("population.csv");
        responsesFile = dir.resolve("responses.csv");
        SplittableRandom random = new SplittableRandom(2027);
        try (BufferedWriter out = Files.newBufferedWriter(populationFile, StandardCharsets.UTF_8)) {
            out.write("institution,location,level,pathway,population\n");
            for (int i = 0; i < INSTITUTIONS; i++) {
                for (int l = 0; l < LOCATIONS_PER_INSTITUTION; l++) {
                    for (int level = 1; level <= 4; level++) {
                        for (String pathway : new String[] {"BOL", "BBL"}) {
                            out.write(String.format(
                                    Locale.ROOT,
                                    "%s,%s,%d,%s,%d\n",
                                    institution(i),
                                    location(l),
                                    level,
                                    pathway,
                                    60 + random.nextInt(120)));
                        }
                    }
                }
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(responsesFile, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("respondent,institution,location,level,pathway,modules");
            // The base module's first scale questions, all on five-point scales.
            EDITION.base().questions().stream()
                    .filter(q -> q instanceof ScaleQuestion)
                    .limit(QUESTIONS)
                    .forEach(q -> header.append(',').append(q.id()));
            out.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder(256);
            for (int r = 0; r < RESPONSES; r++) {
                int institution = random.nextInt(INSTITUTIONS);
                row.setLength(0);
                row.append(String.format(Locale.ROOT, "%016x", random.nextLong()))
                        .append(',')
                        .append(institution(institution))
                        .append(',')
                        .append(location(random.nextInt(LOCATIONS_PER_INSTITUTION)))
                        .append(',')
                        .append(1 + random.nextInt(4))
                        .append(',')
                        .append(random.nextBoolean() ? "BOL" : "BBL")
                        .append(",basis|")
                        .append(MODULES[institution % MODULES.length])
                        .append('|')
                        .append(MODULES[(institution + 1) % MODULES.length])
                        .append('|')
                        .append(MODULES[(institution + 2) % MODULES.length])
                        .append('|')
                        .append(MODULES[(institution + 3 + random.nextInt(4)) % MODULES.length]);
                for (int q = 0; q < QUESTIONS; q++) {
                    row.append(',');
                    if (random.nextInt(10) > 0) {
                        row.append(1 + random.nextInt(5));
                    }
                }
                out.write(row.append('\n').toString());
            }
        }
        population = Population.read(populationFile);
        counts = CountedResponses.read(responsesFile, population, EDITION).counts();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String institution(int i) {
        return String.format(Locale.ROOT, "%02dXX", i);
    }

    private static String location(int l) {
        return String.format(Locale.ROOT, "%02d", l);
    }

    /** Both files read (the responses streamed) and every row computed: what {@code peiling barometer} does. */
    @Benchmark
    public Barometer readFilesAndCompute() {
        return Barometer.read(populationFile, responsesFile, EDITION);
    }

    /** The responses file streamed into counts, the population already read. */
    @Benchmark
    public ResponseCounts streamResponses() {
        return CountedResponses.read(responsesFile, population, EDITION).counts();
    }

    /** The rows from counts already made, as a vendor feeding its own store would call it. */
    @Benchmark
    public Barometer computeFromCounts() {
        return Barometer.of(population, counts);
    }
}
