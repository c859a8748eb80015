package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precision figures of SPEC section 8 at their edges (p̂ = 0 or 1, n = 1, se = 0, weights), each
 * against a hand calculation written out in the test, or R survey 4.1.1 where named.
 */
class PrecisionEdgeCasesTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    private GroupResult national(TestEdition.Csv csv, Aggregator aggregator) {
        return aggregator
                .aggregate(csv.write(dir.resolve("responses.csv")))
                .results()
                .national();
    }

    private static TestEdition.Csv q1(String... answers) {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < answers.length; i++) {
            csv.row("r" + i, "X", "01", 2 + i % 2, i % 3 == 0 ? "BBL" : "BOL", "basis", "q1=" + answers[i]);
        }
        return csv;
    }

    @Test
    void allPositive_seIsExactlyZeroAndNoInterval() {
        ItemFigures q1 = national(
                        q1("4", "5", "4", "5"),
                        Aggregator.of(TestEdition.EDITION).withMinN(1))
                .item("q1")
                .orElseThrow();
        assertThat(q1.positive()).isEqualTo(1.0);
        assertThat(q1.positiveSe()).isEqualTo(0.0);
        assertThat(q1.positiveLow()).isNull();
        assertThat(q1.positiveHigh()).isNull();
    }

    @Test
    void nonePositive_seIsExactlyZeroAndNoInterval() {
        ItemFigures q1 = national(
                        q1("1", "2", "3", "nvt", "3"),
                        Aggregator.of(TestEdition.EDITION).withMinN(1))
                .item("q1")
                .orElseThrow();
        assertThat(q1.n()).isEqualTo(4);
        assertThat(q1.positive()).isEqualTo(0.0);
        assertThat(q1.positiveSe()).isEqualTo(0.0);
        assertThat(q1.positiveLow()).isNull();
        assertThat(q1.positiveHigh()).isNull();
    }

    @Test
    void oneRespondent_noSeNoIntervalAndOneEffective() {
        GroupResult national =
                national(q1("4"), Aggregator.of(TestEdition.EDITION).withMinN(1));
        ItemFigures q1 = national.item("q1").orElseThrow();
        assertThat(q1.positiveSe()).isNull();
        assertThat(q1.positiveLow()).isNull();
        assertThat(q1.nEffective()).isEqualTo(1.0);
        assertThat(national.item("s1").orElseThrow().nEffective())
                .as("no answer")
                .isNull();
    }

    @Test
    void unweighted_interval_matchesR() {
        // Positive 1, 0, 1, 0, 0: p 0.4, se √(0.24/4); R survey 4.1.1: svyciprop(~I(y == 1),
        // svydesign(ids=~1, weights=~1), method = "xlogit", df = Inf) gives 0.082728072586630, 0.831306451805043.
        ItemFigures q1 = national(
                        q1("4", "2", "5", "3", "1"),
                        Aggregator.of(TestEdition.EDITION).withMinN(1))
                .item("q1")
                .orElseThrow();
        assertThat(q1.positiveSe()).isCloseTo(Math.sqrt(0.06), within(EXACT));
        assertThat(q1.positiveLow()).isCloseTo(0.082728072586630, within(1e-13));
        assertThat(q1.positiveHigh()).isCloseTo(0.831306451805043, within(1e-13));
        assertThat(q1.nEffective()).as("equals n without weights").isEqualTo(5.0);
    }

    @Test
    void constantAnswersInCellsOfDifferentWeights_seIsExactlyZero() {
        // Weights 2 (level 2 BOL: 3 of 6) and 3 (level 3 BOL: 2 of 6); every answer 4.
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("a", "X", "01", 2, "BOL", "basis", "q1=4 q2=4 q3=2 g1=7 n1=12.5")
                .row("b", "X", "01", 2, "BOL", "basis", "q1=4 q2=4 q3=2 g1=7 n1=12.5")
                .row("c", "X", "02", 2, "BOL", "basis", "q1=4 q2=4 q3=2 g1=7 n1=12.5")
                .row("d", "X", "01", 3, "BOL", "basis", "q1=4 q2=4 q3=2 g1=7 n1=12.5")
                .row("e", "X", "02", 3, "BOL", "basis", "q1=4 q3=2 g1=7 n1=12.5");
        Population population = Population.ofCells(Map.of(
                new Population.Cell("X", "01", "2", "BOL"), 4L,
                new Population.Cell("X", "02", "2", "BOL"), 2L,
                new Population.Cell("X", "01", "3", "BOL"), 6L));
        GroupResult national =
                national(csv, Aggregator.of(TestEdition.EDITION).withMinN(1).withPopulation(population));
        ItemFigures q1 = national.item("q1").orElseThrow();
        assertThat(q1.mean()).isEqualTo(4.0);
        assertThat(q1.sd()).isEqualTo(0.0);
        assertThat(q1.se()).isEqualTo(0.0);
        assertThat(q1.positiveSe()).isEqualTo(0.0);
        // Kish: (3·2 + 2·3)² / (3·4 + 2·9) = 144/30.
        assertThat(q1.nEffective()).isCloseTo(4.8, within(EXACT));
        ItemFigures g1 = national.item("g1").orElseThrow();
        assertThat(g1.se()).isEqualTo(0.0);
        assertThat(national.item("n1").orElseThrow().se()).isEqualTo(0.0);
        // Cluster scores: 4, 4, reverse(2) = 4 → 4 for all; e has 4 and 4 → 4: one value across cells.
        ClusterFigures c1 = national.cluster("c1").orElseThrow();
        assertThat(c1.se()).isEqualTo(0.0);
        assertThat(c1.sd()).isEqualTo(0.0);
        assertThat(c1.nEffective()).isCloseTo(4.8, within(EXACT));
    }

    @Test
    void numbersAMillionthApart_areTwoValues() {
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("a", "X", "01", 2, "BOL", "basis", "n1=1.000001")
                .row("b", "X", "01", 2, "BOL", "basis", "n1=1.000001")
                .row("c", "X", "01", 2, "BOL", "basis", "n1=1");
        ItemFigures n1 = national(csv, Aggregator.of(TestEdition.EDITION).withMinN(1))
                .item("n1")
                .orElseThrow();
        // sd of (1e-6, 1e-6, 0) around their mean: √(Σ(y − ȳ)²/(n − 1)) = 1e-6/√3. The sums of squares
        // lose about three of their digits to cancellation here, hence 1 %.
        assertThat(n1.sd())
                .isPositive()
                .isCloseTo(1e-6 / Math.sqrt(3), org.assertj.core.data.Percentage.withPercentage(1));
        TestEdition.Csv same = new TestEdition.Csv()
                .row("a", "X", "01", 2, "BOL", "basis", "n1=99.999999")
                .row("b", "X", "01", 3, "BBL", "basis", "n1=99.999999");
        assertThat(national(same, Aggregator.of(TestEdition.EDITION).withMinN(1))
                        .item("n1")
                        .orElseThrow()
                        .se())
                .isEqualTo(0.0);
    }

    @Test
    void equalScoresFromDifferentAnswerCounts_countAsOneValue() {
        // Scores 4 (three items: 3, 5, reverse(2) = 4) and 4 (two items: 4, 4): equal as fractions 12/3 and 8/2.
        TestEdition.Csv csv = new TestEdition.Csv()
                .row("a", "X", "01", 2, "BOL", "basis", "q1=3 q2=5 q3=2")
                .row("b", "X", "01", 2, "BOL", "basis", "q1=4 q2=4")
                .row("c", "X", "01", 3, "BOL", "basis", "q1=5 q2=3 q3=2");
        ClusterFigures c1 = national(csv, Aggregator.of(TestEdition.EDITION).withMinN(1))
                .cluster("c1")
                .orElseThrow();
        assertThat(c1.mean()).isEqualTo(4.0);
        assertThat(c1.se()).isEqualTo(0.0);
        TestEdition.Csv varied = new TestEdition.Csv()
                .row("a", "X", "01", 2, "BOL", "basis", "q1=3 q2=5 q3=2")
                .row("b", "X", "01", 2, "BOL", "basis", "q1=4 q2=5");
        ClusterFigures c = national(varied, Aggregator.of(TestEdition.EDITION).withMinN(1))
                .cluster("c1")
                .orElseThrow();
        // Scores 4 and 4.5: sd √(2·0.25²·2) = √0.125, se = sd/√2.
        assertThat(c.sd()).isCloseTo(Math.sqrt(0.125), within(EXACT));
        assertThat(c.se()).isCloseTo(0.25, within(EXACT));
    }
}
