package nl.peiling.stats.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import nl.peiling.core.engine.ResponseLayout;
import nl.peiling.core.engine.ResponseRecord;
import nl.peiling.core.testing.Tries;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.simulation.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results do not depend on the order of the rows, also in files with many double logins, as long as
 * no two rows of a respondent have equally many answers; of such a tie the later row is kept, so the
 * order does matter there (README, docs/statistics.md).
 */
class OrderIndependenceProperties {

    private static final List<String> COLUMNS = ResponseLayout.columns(RoutedOutTest.EDITION);

    @TempDir
    static Path dir;

    /** The rows of a simulated survey of edition 2027, without the header. */
    private static List<List<String>> simulated;

    private static Population population;

    @BeforeAll
    static void simulate() throws IOException {
        Path folder = dir.resolve("simulated");
        Simulator.of(RoutedOutTest.EDITION)
                .withInstitutions(3)
                .withStudents(900)
                .withSeed("order")
                .write(folder);
        List<String> lines = Files.readAllLines(folder.resolve("responses.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(String.join(",", COLUMNS));
        simulated = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            simulated.add(split(line));
        }
        assertThat(simulated).hasSizeGreaterThan(100);
        population = Population.read(folder.resolve("population.csv"));
    }

    /** The cells of one line as written by {@link ResponseRecord#csvLine()} (RFC 4180, no line ends in text). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        assertThat(cells).hasSize(COLUMNS.size());
        return cells;
    }

    private static String join(List<String> cells) {
        return new ResponseRecord(COLUMNS, cells).csvLine();
    }

    private static Results aggregate(Path file, int threads, int blockSize) {
        Aggregation aggregation = Aggregator.of(ResponseReader.of(RoutedOutTest.EDITION)
                        .withThreads(threads)
                        .withBlockSize(blockSize))
                .withPopulation(population)
                .withMinN(1)
                .aggregate(file);
        return aggregation.results();
    }

    private static Path write(String name, List<String> lines) throws IOException {
        Path file = dir.resolve(name);
        List<String> all = new ArrayList<>();
        all.add(String.join(",", COLUMNS));
        all.addAll(lines);
        Files.write(file, all, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shuffledRows_withDoubleLoginsOfFewerAnswers_giveTheSameResultsBitForBit() {
        Tries.check(25, draw -> {
            Random random = new Random(draw.nextLong());
            List<String> lines = new ArrayList<>();
            int doubles = 0;
            for (List<String> row : simulated) {
                lines.add(join(row));
                // A second login of about one respondent in three, with one to three answers fewer, so that
                // the first row always wins; one in ten logs in a third time.
                for (int login = 0; login < 2 && random.nextInt(login == 0 ? 3 : 10) == 0; login++) {
                    List<Integer> answered = new ArrayList<>();
                    for (int c = ResponseLayout.FIXED_COLUMNS.size(); c < row.size(); c++) {
                        if (!row.get(c).isEmpty()) {
                            answered.add(c);
                        }
                    }
                    if (answered.isEmpty()) {
                        break;
                    }
                    Collections.shuffle(answered, random);
                    List<String> fewer = new ArrayList<>(row);
                    for (int i = 0; i < Math.min(answered.size(), 1 + random.nextInt(3)); i++) {
                        fewer.set(answered.get(i), "");
                    }
                    lines.add(join(fewer));
                    doubles++;
                }
            }
            assertThat(doubles).as("double logins").isGreaterThan(simulated.size() / 5);
            Results inOrder = aggregate(write("in-order.csv", lines), 1, 1 << 20);
            assertThat(inOrder.input().rejected()).isEqualTo(doubles);

            Collections.shuffle(lines, random);
            Results shuffled = aggregate(write("shuffled.csv", lines), 1 + random.nextInt(3), 1024);

            assertThat(shuffled).isEqualTo(inOrder);
        });
    }

    @Test
    void aTiedDoubleLogin_keepsTheLaterRow_soItsOrderChangesTheFigures() throws IOException {
        List<String> row = new ArrayList<>(simulated.get(0));
        int c = COLUMNS.indexOf("opl01");
        row.set(c, "4");
        String four = join(row);
        row.set(c, "2");
        String two = join(row);

        Results fourFirst = aggregate(write("four-first.csv", List.of(four, two)), 1, 1 << 20);
        Results twoFirst = aggregate(write("two-first.csv", List.of(two, four)), 1, 1 << 20);

        assertThat(fourFirst.national().item("opl01").orElseThrow().mean()).isEqualTo(2.0);
        assertThat(twoFirst.national().item("opl01").orElseThrow().mean()).isEqualTo(4.0);
    }
}
