package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JShell notebook {@code examples/quickstart.jsh} runs and prints what it promises: run through the
 * jdk.jshell API, asserting the values that follow from the shipped catalog and the fixed seeds.
 */
class QuickstartJshellTest {

    private static final Path SCRIPT = Path.of("../examples/quickstart.jsh");

    /** A decimal as printf writes it in any locale: 0.87 or 0,87. */
    private static final String DECIMAL = "(\\d+[.,]\\d+)";

    private static String output;

    @BeforeAll
    static void runQuickstart() throws IOException {
        output = ReadmeJshellTest.runInJshell(javaSnippets(Files.readString(SCRIPT)));
    }

    /** Deletes the folder the notebook simulated into; it names it in its output. */
    @AfterAll
    static void deleteSimulatedFolder() throws IOException {
        Matcher folder = Pattern.compile("students in (\\S+)").matcher(output == null ? "" : output);
        if (folder.find()) {
            Path dir = Path.of(folder.group(1));
            if (dir.getFileName().toString().startsWith("peiling-quickstart") && Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        }
    }

    /** The script without its JShell commands ({@code /exit}), which are not Java. */
    static String javaSnippets(String script) {
        return script.lines().filter(line -> !isCommand(line)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean isCommand(String line) {
        String text = line.strip();
        return text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/*");
    }

    @Test
    void javaSnippets_dropsCommandsButKeepsComments() {
        assertThat(javaSnippets("// a comment\nvar x = 1;\n/exit\n")).isEqualTo("// a comment\nvar x = 1;\n");
    }

    @Test
    void script_endsWithExit_soThatJshellReturnsToTheShell() throws IOException {
        List<String> lines = Files.readAllLines(SCRIPT);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("/exit");
    }

    @Test
    void validation_printsTheTwoTrendBreaksOf2027() {
        assertThat(output)
                .contains("editions [2025, 2027]; 2027 valid: 0 errors, 2 warnings")
                .contains("  trend-break modules[basis].questions[doc04]")
                .contains("  trend-break modules[basis].questions[inf04]");
    }

    @Test
    void sampleSize_printsJobsNetAndGrossForAThousandStudents() {
        assertThat(output)
                .containsPattern(
                        "net\\(1000\\) = 278, gross\\(1000\\) = 306, margin with 200 responses = 6[.,]20 points");
    }

    @Test
    void statelessAllocation_ofOneKey_isTheSameTwice() {
        Matcher first = Pattern.compile("at login: +(\\[.*])").matcher(output);
        Matcher again = Pattern.compile("at login again: +(\\[.*])").matcher(output);
        assertThat(first.find()).as(output).isTrue();
        assertThat(again.find()).as(output).isTrue();
        assertThat(again.group(1)).isEqualTo(first.group(1));
        // base, the institution's three chosen modules in its order, then two random ones
        assertThat(first.group(1)).startsWith("[basis, welzijn, stage, llo, ");
        assertThat(first.group(1).split(", ")).hasSize(6);
    }

    @Test
    void batchAllocation_balancesEveryLocation() {
        // institution, location, respondents, spread (random modules), pair spread
        assertThat(output)
                .containsPattern("25LZ +01 +20 +0 +0 ")
                .containsPattern("25LZ +02 +20 +0 +0 ")
                .containsPattern("30RB +01 +20 +0 +\\d ");
    }

    @Test
    void simulationAndAggregation_acceptEveryRowOfTheSeed() {
        assertThat(output)
                .contains("1970 responses of 3000 students in ")
                .contains(
                        "edition 2027: 1970 rows read, 1970 accepted, 0 rejected; 14 groups (0 suppressed below n = 10), weighted");
    }

    @Test
    void nationalItems_havePlausibleMeans() {
        assertThat(number("item opl01 +n +\\d+ +mean +" + DECIMAL)).isBetween(1.0, 5.0);
        assertThat(number("item opl07 +n +\\d+ +mean +" + DECIMAL)).isBetween(1.0, 10.0);
        assertThat(number("item doc04 +n +\\d+ +mean +" + DECIMAL)).isBetween(1.0, 5.0);
    }

    @Test
    void nationalClusters_haveAlphaBetweenPointSixAndPointNineFive() {
        for (String cluster : List.of("opl_opleiding", "doc_docenten", "sfr_veiligheid")) {
            double alpha = number("cluster " + cluster + " +n +\\d+ +mean +\\d+[.,]\\d+ +alpha " + DECIMAL);
            assertThat(alpha).as(cluster).isBetween(0.6, 0.95);
        }
    }

    @Test
    void benchmark_comparesAnInstitutionWithTheRestOfTheNation() {
        assertThat(output)
                .containsPattern(
                        "benchmark \\w+ \\w+: own \\d[.,]\\d\\d, rest of the nation \\d[.,]\\d\\d, p = \\d[.,]\\d{3}");
    }

    /** The first group of the pattern in the output, as a number. */
    private static double number(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        assertThat(matcher.find()).as("/%s/ in:%n%s", regex, output).isTrue();
        return Double.parseDouble(matcher.group(1).replace(',', '.'));
    }
}
