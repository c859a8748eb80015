package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import nl.peiling.core.testing.Tries;
import nl.peiling.stats.responses.ResponseReader;
import org.junit.jupiter.api.Test;

/**
 * Results do not depend on input order, thread count, block partitioning or how many respondent keys
 * are kept in memory: sharded-then-merged equals a single pass, bit for bit (record equality compares every double exactly), with and without weights.
 *
 * <p>25 seeded tries of 1 to 600 rows; a failure names its seed, which reproduces the case.
 */
class MergeProperties {

    private static final String[] INSTITUTIONS = {"AA01", "BB02", "CC03"};
    private static final String[] ANSWERS = {"", "1", "2", "3", "4", "5", "nvt"};

    @Test
    void shuffledAndShardedInput_givesIdenticalResults() {
        Tries.check(
                25,
                draw -> shuffledAndShardedInput_givesIdenticalResults(
                        Tries.intIn(draw, 1, 600), draw.nextLong(), draw.nextBoolean()));
    }

    private static void shuffledAndShardedInput_givesIdenticalResults(int rows, long seed, boolean weighted)
            throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        Map<nl.peiling.stats.sampling.Population.Cell, Long> population = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            String institution = INSTITUTIONS[random.nextInt(INSTITUTIONS.length)];
            int level = 1 + random.nextInt(4);
            String pathway = random.nextBoolean() ? "BOL" : "BBL";
            population.merge(
                    new nl.peiling.stats.sampling.Population.Cell(institution, "01", Integer.toString(level), pathway),
                    3L + random.nextInt(50),
                    Long::sum);
            boolean opt = random.nextBoolean();
            StringBuilder line = new StringBuilder();
            // Some keys repeat, so the double-login rule takes rows back.
            line.append("r")
                    .append(random.nextInt(rows + rows / 10 + 1))
                    .append(',')
                    .append(institution)
                    .append(",0")
                    .append(1 + random.nextInt(3))
                    .append(',')
                    .append(level)
                    .append(',')
                    .append(pathway)
                    .append(',')
                    .append(opt ? "basis|opt" : "basis");
            for (String question : TestEdition.QUESTIONS) {
                line.append(',').append(answer(question, opt, random));
            }
            lines.add(line.toString());
        }
        Path dir = Files.createTempDirectory("merge");
        try {
            Path ordered = write(dir.resolve("ordered.csv"), lines);
            List<String> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
            Path reordered = write(dir.resolve("shuffled.csv"), shuffled);

            Function<ResponseReader, Aggregator> base = reader -> {
                Aggregator aggregator = Aggregator.of(reader)
                        .withMinN(1)
                        .withGroupings(Grouping.parse("institution,location,level+pathway"));
                return weighted
                        ? aggregator.withPopulation(nl.peiling.stats.sampling.Population.ofCells(population))
                        : aggregator;
            };
            ResponseReader reader = ResponseReader.of(TestEdition.EDITION);
            Aggregation single = base.apply(reader.withThreads(1)).aggregate(ordered);
            Aggregation sharded =
                    base.apply(reader.withThreads(4).withBlockSize(1024)).aggregate(ordered);
            // with the respondent keys beyond the first few in temporary files
            Aggregation spilled = base.apply(
                            reader.withThreads(2).withBlockSize(1024).withKeysInMemory(7))
                    .aggregate(ordered);
            Aggregation shuffledSharded =
                    base.apply(reader.withThreads(3).withBlockSize(2048)).aggregate(reordered);

            assertThat(sharded.results()).isEqualTo(single.results());
            assertThat(sharded.rejects()).isEqualTo(single.rejects());
            assertThat(spilled.results()).isEqualTo(single.results());
            assertThat(spilled.rejects()).isEqualTo(single.rejects());
            Results a = single.results();
            Results b = shuffledSharded.results();
            assertThat(b.input()).isEqualTo(a.input());
            // Which of two equal-length double logins is "later" depends on the order, so compare the
            // figures only when no key repeats with equally many answers in a different order.
            if (single.rejects().stream()
                    .noneMatch(r -> r.reason() == nl.peiling.stats.responses.RejectReason.DUPLICATE)) {
                assertThat(b).isEqualTo(a);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static String answer(String question, boolean opt, Random random) {
        switch (question) {
            case "g1":
                return random.nextInt(4) == 0 ? "" : Integer.toString(1 + random.nextInt(10));
            case "s1":
                return new String[] {"", "ja", "nee"}[random.nextInt(3)];
            case "m1":
                return new String[] {"", "a", "b", "c", "a|c", "b|c"}[random.nextInt(6)];
            case "n1":
                return random.nextInt(3) == 0 ? "" : random.nextInt(100) + "." + random.nextInt(1000);
            case "t1":
                return random.nextBoolean() ? "" : "ok";
            case "o1":
            case "o2":
            case "o3":
                return opt ? ANSWERS[random.nextInt(ANSWERS.length)] : "";
            default:
                return ANSWERS[random.nextInt(ANSWERS.length)];
        }
    }

    private static Path write(Path file, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>();
        all.add("respondent,institution,location,level,pathway,modules," + String.join(",", TestEdition.QUESTIONS));
        all.addAll(rows);
        return Files.write(file, all);
    }
}
