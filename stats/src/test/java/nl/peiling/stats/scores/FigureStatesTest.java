package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways a figure can be missing, told apart in results: not administered (nobody of the group
 * got the module), withheld (too few answers) and no answers; and what results carry so that a report
 * needs nothing else: the response barometer and the definition.
 */
class FigureStatesTest {

    @TempDir
    Path dir;

    /**
     * X: 30 respondents without the optional module (as when X excluded it), answering q1 and, 4 of them,
     * q2; nobody answers s1. Y: 30 with the module.
     */
    private Results aggregate() {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < 30; i++) {
            csv.row("x" + i, "X", "01", 2, "BOL", "basis", "q1=" + (i % 5 + 1) + (i < 4 ? " q2=3" : ""));
            csv.row("y" + i, "Y", "01", 2, "BOL", "basis|opt", "q1=4 q2=4 o1=" + (i % 5 + 1) + " o2=3 o3=2");
        }
        Map<Population.Cell, Long> cells = new HashMap<>();
        cells.put(new Population.Cell("X", "01", "2", "BOL"), 120L);
        cells.put(new Population.Cell("Y", "01", "2", "BOL"), 40L);
        return Aggregator.of(TestEdition.EDITION)
                .withPopulation(Population.ofCells(cells))
                .withGroupings(Grouping.parse("institution"))
                .aggregate(csv.write(dir.resolve("responses.csv")))
                .results();
    }

    @Test
    void notAdministered_withheld_andNoAnswers_areThreeStates() {
        GroupResult x = aggregate().group(Map.of("institution", "X")).orElseThrow();

        ItemFigures o1 = x.item("o1").orElseThrow();
        assertThat(o1.state()).isEqualTo("not-administered");
        assertThat(o1.figureState()).isEqualTo(FigureState.NOT_ADMINISTERED);
        assertThat(o1.suppressed()).isFalse();
        assertThat(o1.n()).isZero();
        assertThat(o1.mean()).isNull();
        assertThat(x.cluster("c2").orElseThrow().state()).isEqualTo("not-administered");

        ItemFigures q2 = x.item("q2").orElseThrow();
        assertThat(q2.state()).isEqualTo("suppressed");
        assertThat(q2.suppressedBecause()).isEqualTo("n");
        assertThat(q2.n()).isNull();

        ItemFigures s1 = x.item("s1").orElseThrow();
        assertThat(s1.state()).isEqualTo("no-answers");
        assertThat(s1.suppressed()).isFalse();
        assertThat(s1.n()).isZero();

        ItemFigures q1 = x.item("q1").orElseThrow();
        assertThat(q1.state()).isEqualTo("shown");
        assertThat(q1.mean()).isEqualTo(3.0);
    }

    @Test
    void theStates_areInTheJsonAndTheCsv() throws Exception {
        Results results = aggregate();
        Path json = dir.resolve("results.json");
        Path csv = dir.resolve("results.csv");
        ResultsFiles.writeJson(results, json);
        ResultsFiles.writeCsv(results, csv);

        assertThat(ResultsFiles.readJson(json)).isEqualTo(results);
        assertThat(Files.readString(json)).contains("\"state\" : \"not-administered\"", "\"state\" : \"no-answers\"");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).endsWith(",suppressedBecause,state");
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line).startsWith("X,,,,item,o1,scale,0,").endsWith(",,not-administered"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("X,,,,item,q2,scale,,").endsWith(",n,suppressed"))
                .anySatisfy(line ->
                        assertThat(line).startsWith("X,,,,item,s1,single,0,").endsWith(",,no-answers"));
    }

    @Test
    void results_carryTheBarometer_withTheResponseRate() {
        List<ResponseFigures> response = aggregate().response();

        assertThat(response).extracting(ResponseFigures::institution).containsExactly("X", "X", "Y", "Y");
        ResponseFigures x = response.get(0);
        assertThat(x.location()).isNull();
        assertThat(x.population()).isEqualTo(120);
        assertThat(x.responses()).isEqualTo(30);
        // net(120) = floor(120·3.8416·2500 / (3.8416·2500 + 119·25) + 0.99) = 92
        assertThat(x.net()).isEqualTo(92);
        assertThat(x.reached()).isFalse();
        assertThat(x.responseRate()).isCloseTo(0.25, within(1e-15));
        assertThat(x.percentOfNet()).isCloseTo(100.0 * 30 / 92, within(1e-12));
        assertThat(response.get(1).location()).isEqualTo("01");
    }

    @Test
    void results_carryTheDefinition_whichReadsBackToTheEdition() {
        Map<String, String> files = aggregate().definitions();
        assertThat(files.keySet()).containsExactly("edition.json", "basis.json", "opt.json");

        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        Edition read = Definitions.standard().readEdition("results", bytes);
        assertThat(read).isEqualTo(TestEdition.EDITION);
    }
}
