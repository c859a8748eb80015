package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.peiling.core.engine.AnswerRule;
import nl.peiling.core.model.Edition;
import nl.peiling.core.testing.Tries;
import nl.peiling.stats.scores.AggregatorFixtures;
import org.junit.jupiter.api.Test;

/**
 * The reader's fast path for plain records and its general decoding read every file alike: the same
 * rows accepted with the same decoded values, the same rejects with the same reasons, whatever the
 * mix of valid, invalid, quoted and empty fields, line ends, threads and block sizes.
 *
 * <p>200 seeded tries; a failure names its seed, which reproduces the file and the reader.
 */
class FastPathProperties {

    private static final Edition EDITION = AggregatorFixtures.edition();

    /** Per column of the test edition: fields to draw from, valid and not. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("respondent", List.of("r1", "r2", "r3", "r4", "r5", "r6", "", "\"r7\"", "\"r\"\"8\"")),
            Map.entry("institution", List.of("10AD", "10AD", "10AD", "11BE", "11BE", "", "\"10AD\"", "99ZZ")),
            Map.entry("location", List.of("01", "01", "01", "02", "", "\"02\"", "03")),
            Map.entry("level", List.of("1", "2", "3", "4", "4", "0", "5", "x", "")),
            Map.entry("pathway", List.of("BOL", "BOL", "BBL", "BBL", "bol", "", "\"BBL\"", "BOLX")),
            Map.entry(
                    "modules",
                    List.of(
                            "basis",
                            "basis|opt",
                            "basis|opt",
                            "basis",
                            "opt",
                            "basis|",
                            "",
                            "basis|basis",
                            "\"basis|opt\"",
                            "basis\"basis",
                            "bogus")),
            Map.entry(
                    "scale",
                    List.of(
                            "1", "2", "3", "4", "5", "5", "", "", "nvt", "0", "6", "wn", "\"3\"", "10", " 3", "3 ",
                            "\"3\"9", "/", "+")),
            Map.entry("g1", List.of("1", "6", "9", "10", "10", "", "0", "11", "x", "\"7\"")),
            Map.entry("s1", List.of("ja", "nee", "nee", "", "maybe", "\"ja\"", "JA", "\"ja\" ")),
            Map.entry("m1", List.of("a", "a|b", "b|c", "a|b|c", "a|a", "", "d", "a|")),
            Map.entry("n1", List.of("0", "100", "50.5", "7", "", "101", "-1", "1.1234567", "1e3", "\"12\"")),
            Map.entry(
                    "t1",
                    List.of(
                            "",
                            "",
                            "hi",
                            "\"a,b\"",
                            "\"say \"\"hi\"\"\"",
                            "\"two\nlines\"",
                            "much too long",
                            "\"x\"y")));

    private static final List<String> COLUMNS = List.of(
            "respondent",
            "institution",
            "location",
            "level",
            "pathway",
            "modules",
            "q1",
            "q2",
            "q3",
            "g1",
            "s1",
            "m1",
            "n1",
            "t1",
            "o1",
            "o2",
            "o3");

    @Test
    void fastAndGeneralDecodingReadAlike() {
        Tries.check(
                200,
                draw -> fastAndGeneralDecodingReadAlike(
                        draw.nextLong(), Tries.intIn(draw, 1, 3), draw.nextBoolean(), draw.nextBoolean()));
    }

    private static void fastAndGeneralDecodingReadAlike(long seed, int threads, boolean crlf, boolean knownLocations)
            throws IOException {
        Path file = Files.createTempFile("fast-path", ".csv");
        try {
            byte[] bytes = csv(new Random(seed), crlf).getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            ResponseReader reader =
                    ResponseReader.of(EDITION).withThreads(threads).withBlockSize(1024);
            if (knownLocations) { // 11BE/02, 03 and 99ZZ unknown, often in rows one after another
                reader = reader.withKnownLocations(Map.of("10AD", Set.of("01", "02"), "11BE", Set.of("01")));
            }

            assertThat(read(reader, file)).isEqualTo(read(reader.withoutFastPath(), file));
            // and the line of every accepted row is where its bytes start, over block boundaries
            reader.read(file, () -> new RowSink() {
                @Override
                public void add(ResponseRow row) {
                    long lineEnds = 0;
                    for (int i = 0; i < row.offset; i++) {
                        lineEnds += bytes[i] == '\n' ? 1 : 0;
                    }
                    assertThat(row.line())
                            .as("line of the row at byte %d", row.offset)
                            .isEqualTo(1 + lineEnds);
                }

                @Override
                public void remove(ResponseRow row) {}
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A responses file of 1 to 120 rows, each field drawn from its pool; some rows are broken whole. */
    private static String csv(Random random, boolean crlf) {
        String end = crlf ? "\r\n" : "\n";
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append(end);
        int rows = 1 + random.nextInt(120);
        for (int r = 0; r < rows; r++) {
            List<String> fields = new ArrayList<>();
            for (String column : COLUMNS) {
                String pool = column.matches("[qo][0-9]") ? "scale" : column;
                List<String> values = FIELDS.get(pool);
                // mostly the first five values, all valid, so that many rows are accepted
                int index = random.nextInt(12) > 0
                        ? random.nextInt(Math.min(values.size(), 5))
                        : random.nextInt(values.size());
                boolean withoutOpt = column.startsWith("o") && !fields.get(5).contains("opt");
                fields.add(withoutOpt && random.nextInt(12) > 0 ? "" : values.get(index));
            }
            switch (random.nextInt(30)) {
                case 0 -> fields.remove(fields.size() - 1); // a field short
                case 1 -> fields.add("5"); // a field too many
                case 2 -> fields.clear(); // an empty line
                default -> {}
            }
            csv.append(String.join(",", fields));
            if (r < rows - 1 || random.nextBoolean()) {
                csv.append(end); // the last line may lack its line end
            }
        }
        return csv.toString();
    }

    /** Everything a read yields, as comparable text: counts, rejects, and every row added or taken back. */
    static List<String> read(ResponseReader reader, Path file) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ReadResult<RowSink> result = reader.read(file, () -> new RowSink() {
            @Override
            public void add(ResponseRow row) {
                events.add("+" + describe(row));
            }

            @Override
            public void remove(ResponseRow row) {
                events.add("-" + describe(row));
            }
        });
        List<String> all = new ArrayList<>(events);
        Collections.sort(all);
        all.add("rows " + result.rows() + ", accepted " + result.accepted());
        result.rejects().forEach(reject -> all.add(reject.toString()));
        return all;
    }

    private static String describe(ResponseRow row) {
        StringBuilder text = new StringBuilder()
                .append(row.line())
                .append(' ')
                .append(row.respondent())
                .append(' ')
                .append(row.institution())
                .append('/')
                .append(row.location())
                .append(' ')
                .append(row.level())
                .append(row.pathway())
                .append(" modules ")
                .append(row.modules())
                .append(" answered ")
                .append(row.answered())
                .append(" offset ")
                .append(row.offset)
                .append(" length ")
                .append(row.length);
        for (int q = 0; q < row.questions.size(); q++) {
            text.append(' ').append(row.state(q));
            if (row.state(q) != AnswerRule.EMPTY && row.state(q) != AnswerRule.TEXT) {
                text.append('=').append(row.value(q));
            }
        }
        return text.toString();
    }
}
