package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.peiling.core.model.Edition;
import nl.peiling.core.testing.Tries;
import nl.peiling.stats.scores.AggregatorFixtures;
import org.junit.jupiter.api.Test;

/**
 * The double-login rule against a model of it: of the rows with one respondent key, the one with most
 * answers is kept, ties the later; every other is rejected as a duplicate naming the kept line, and the
 * rows it took back leave nothing in the sinks, whatever the threads, block sizes and number of keys
 * kept in memory (the others go to temporary files, deleted after). Respondent keys are told apart by
 * two 64-bit hashes, so those must not collide on keys that look alike.
 *
 * <p>The rule is checked on 60 seeded tries; a failure names its seed, which reproduces the case.
 */
class DoubleLoginProperties {

    private static final Edition EDITION = AggregatorFixtures.edition();
    private static final String HEADER =
            "respondent,institution,location,level,pathway,modules,q1,q2,q3,g1,s1,m1,n1,t1,o1,o2,o3";

    @Test
    void theRowWithMostAnswersIsKept_tiesTheLater() {
        Tries.check(
                60,
                draw -> theRowWithMostAnswersIsKept_tiesTheLater(
                        draw.nextLong(),
                        Tries.intIn(draw, 1, 3),
                        Tries.intIn(draw, 1024, 4096),
                        Tries.intIn(draw, 1, 100)));
    }

    private static void theRowWithMostAnswersIsKept_tiesTheLater(
            long seed, int threads, int blockSize, int keysInMemory) throws IOException {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(400);
        int keys = 1 + random.nextInt(Math.max(1, rows / 2));
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        // The model: per key, the kept line and its answers so far.
        Map<String, long[]> kept = new HashMap<>();
        Map<Long, String> keyOfLine = new TreeMap<>();
        for (int r = 0; r < rows; r++) {
            long line = r + 2;
            String key = "k" + random.nextInt(keys);
            int answers = random.nextInt(4);
            List<String> fields = new ArrayList<>(List.of(key, "10AD", "01", "2", "BBL", "basis"));
            for (int q = 0; q < 11; q++) {
                fields.add(q < answers ? Integer.toString(1 + random.nextInt(5)) : "");
            }
            csv.append(String.join(",", fields)).append('\n');
            keyOfLine.put(line, key);
            long[] before = kept.get(key);
            if (before == null || answers >= before[1]) {
                kept.put(key, new long[] {line, answers});
            }
        }
        Set<String> expectedRejects = new TreeSet<>();
        keyOfLine.forEach((line, key) -> {
            long keptLine = kept.get(key)[0];
            if (keptLine != line) {
                expectedRejects.add(line + " " + key + " kept line " + keptLine);
            }
        });
        Set<Long> expectedRows = new TreeSet<>();
        kept.values().forEach(k -> expectedRows.add(k[0]));

        Path file = Files.createTempFile("double-logins", ".csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            Map<Long, Integer> net = new ConcurrentHashMap<>();
            List<Path> spillsBefore = spills();
            ResponseReader reader =
                    ResponseReader.of(EDITION).withThreads(threads).withBlockSize(blockSize);
            if (keysInMemory < 100) { // else the default, which these files never reach
                reader = reader.withKeysInMemory(keysInMemory);
            }
            ReadResult<RowSink> result = reader.read(file, () -> new RowSink() {
                @Override
                public void add(ResponseRow row) {
                    net.merge(row.line(), 1, Integer::sum);
                }

                @Override
                public void remove(ResponseRow row) {
                    net.merge(row.line(), -1, Integer::sum);
                }
            });
            Set<String> rejects = new TreeSet<>();
            for (Reject reject : result.rejects()) {
                assertThat(reject.reason()).isEqualTo(RejectReason.DUPLICATE);
                rejects.add(reject.line() + " " + reject.respondent() + " " + reject.value());
            }
            assertThat(rejects).isEqualTo(expectedRejects);
            assertThat(result.accepted()).isEqualTo(kept.size());
            assertThat(result.rows()).isEqualTo(rows);
            Set<Long> rowsLeft = new TreeSet<>();
            net.forEach((line, count) -> {
                assertThat(count).as("adds minus take-backs of line %d", line).isBetween(0, 1);
                if (count == 1) {
                    rowsLeft.add(line);
                }
            });
            assertThat(rowsLeft).isEqualTo(expectedRows);
            assertThat(spills()).as("temporary key files left").isEqualTo(spillsBefore);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static List<Path> spills() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("peiling-keys"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void keysThatLookAlike_haveDistinctHashes_whereverTheyStandInTheData() {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            keys.add(("s" + i).getBytes(StandardCharsets.US_ASCII)); // student numbers
        }
        for (int i = 0; i < 50_000; i++) {
            // 64 hex digits that differ in a few places only, like pseudonyms of one generator
            String hex = String.format("%064x", i * 0x9E3779B97F4A7C15L & 0xFFFFFFFFFFFFL);
            keys.add(hex.getBytes(StandardCharsets.US_ASCII));
        }
        for (int length = 1; length <= 17; length++) {
            for (int b = 0; b < 256; b++) {
                byte[] key = new byte[length]; // zeros but for one byte: keys that differ in length too
                key[length - 1] = (byte) b;
                keys.add(key);
            }
        }
        assertThat(new HashSet<>(keys.stream()
                        .map(k -> new String(k, StandardCharsets.ISO_8859_1))
                        .toList()))
                .hasSize(keys.size());

        Keys hashed = new Keys(16, Integer.MAX_VALUE);
        Random random = new Random(7);
        byte[] data = new byte[200];
        for (byte[] key : keys) {
            int at = random.nextInt(data.length - key.length);
            random.nextBytes(data); // other bytes around the key must not matter
            System.arraycopy(key, 0, data, at, key.length);
            hashed.add(data, at, at + key.length, 1, 0, 0, 0, 0);
        }
        Set<Long> first = new HashSet<>();
        Set<Long> second = new HashSet<>();
        for (int i = 0; i < hashed.size; i++) {
            first.add(hashed.h1[i]);
            second.add(hashed.h2[i]);
        }
        assertThat(first).as("distinct first hashes").hasSize(keys.size());
        assertThat(second).as("distinct second hashes").hasSize(keys.size());

        // The same key in other surroundings hashes the same.
        Keys again = new Keys(1, Integer.MAX_VALUE);
        byte[] key = keys.get(123_456);
        byte[] elsewhere = new byte[key.length + 9];
        System.arraycopy(key, 0, elsewhere, 9, key.length);
        again.add(elsewhere, 9, 9 + key.length, 1, 0, 0, 0, 0);
        again.add(key, 0, key.length, 2, 0, 0, 0, 0);
        assertThat(again.h1[0]).isEqualTo(again.h1[1]).isEqualTo(hashed.h1[123_456]);
        assertThat(again.h2[0]).isEqualTo(again.h2[1]).isEqualTo(hashed.h2[123_456]);
    }
}
