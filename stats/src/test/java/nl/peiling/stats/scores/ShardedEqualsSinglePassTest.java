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
import java.util.SplittableRandom;
import java.util.function.Function;
import nl.peiling.stats.responses.RejectReason;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The merge rule with the figures of SPEC section 8 (effective n, share intervals, case-mix, secondary
 * suppression): on seeded random surveys, reading with several threads, small blocks, spilled keys or a
 * shuffled file gives results equal to a single pass, bit for bit (record equality compares every
 * double exactly), with and without weights. A failure names its seed.
 */
class ShardedEqualsSinglePassTest {

    private static final String[] INSTITUTIONS = {"AA01", "BB02", "CC03"};
    private static final String[] ANSWERS = {"", "1", "2", "3", "4", "5", "nvt"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void shardedAndShuffled_equalSinglePass(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int rows = 1 + random.nextInt(700);
        boolean weighted = random.nextBoolean();
        List<String> lines = new ArrayList<>();
        Map<Population.Cell, Long> population = new HashMap<>();
        for (int i = 0; i < rows; i++) {
            String institution = INSTITUTIONS[random.nextInt(INSTITUTIONS.length)];
            int level = 1 + random.nextInt(4);
            String pathway = random.nextBoolean() ? "BOL" : "BBL";
            String location = "0" + (1 + random.nextInt(3));
            population.merge(
                    new Population.Cell(institution, location, Integer.toString(level), pathway),
                    3L + random.nextInt(50),
                    Long::sum);
            boolean opt = random.nextBoolean();
            StringBuilder line = new StringBuilder()
                    .append('r')
                    .append(random.nextInt(rows + rows / 10 + 1))
                    .append(',')
                    .append(institution)
                    .append(',')
                    .append(location)
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
        Path ordered = write(dir.resolve("ordered.csv"), lines);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
        Path reordered = write(dir.resolve("shuffled.csv"), shuffled);

        int minN = 1 + random.nextInt(12);
        Double minRate = weighted && random.nextBoolean() ? 0.02 + random.nextDouble() * 0.1 : null;
        Function<ResponseReader, Aggregator> base = reader -> {
            Aggregator aggregator = Aggregator.of(reader)
                    .withMinN(minN)
                    .withGroupings(Grouping.parse("institution,location,institution+level+pathway"));
            if (weighted) {
                aggregator = aggregator.withPopulation(Population.ofCells(population));
            }
            return minRate == null ? aggregator : aggregator.withMinResponseRate(minRate);
        };
        ResponseReader reader = ResponseReader.of(TestEdition.EDITION);
        String because = "seed " + seed + " (" + rows + " rows, " + (weighted ? "weighted" : "unweighted") + ")";
        Aggregation single = base.apply(reader.withThreads(1)).aggregate(ordered);
        Aggregation sharded =
                base.apply(reader.withThreads(4).withBlockSize(1024)).aggregate(ordered);
        Aggregation spilled = base.apply(
                        reader.withThreads(2).withBlockSize(1024).withKeysInMemory(7))
                .aggregate(ordered);
        assertThat(sharded.results()).as(because).isEqualTo(single.results());
        assertThat(spilled.results()).as(because).isEqualTo(single.results());
        // Which of two equal-length double logins is "later" depends on the order; compare the shuffled
        // file only when no key repeats.
        if (single.rejects().stream().noneMatch(r -> r.reason() == RejectReason.DUPLICATE)) {
            assertThat(base.apply(reader.withThreads(3).withBlockSize(2048))
                            .aggregate(reordered)
                            .results())
                    .as(because + ", shuffled")
                    .isEqualTo(single.results());
        }
    }

    private static String answer(String question, boolean opt, SplittableRandom random) {
        return switch (question) {
            case "g1" -> random.nextInt(4) == 0 ? "" : Integer.toString(1 + random.nextInt(10));
            case "s1" -> new String[] {"", "ja", "nee"}[random.nextInt(3)];
            case "m1" -> new String[] {"", "a", "b", "c", "a|c", "b|c"}[random.nextInt(6)];
            case "n1" -> random.nextInt(3) == 0 ? "" : random.nextInt(100) + "." + random.nextInt(1000);
            case "t1" -> random.nextBoolean() ? "" : "ok";
            case "o1", "o2", "o3" -> opt ? ANSWERS[random.nextInt(ANSWERS.length)] : "";
            default -> ANSWERS[random.nextInt(ANSWERS.length)];
        };
    }

    private static Path write(Path file, List<String> rows) throws IOException {
        List<String> all = new ArrayList<>();
        all.add("respondent,institution,location,level,pathway,modules," + String.join(",", TestEdition.QUESTIONS));
        all.addAll(rows);
        return Files.write(file, all);
    }
}
