package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.TextQuestion;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edge cases of aggregation, each worked out by hand in the test: boundaries of suppression and of the
 * benchmark's test, zero spread, two-item clusters, scales with gaps and two non-substantive codes, a
 * module without aggregated questions, number answers of 0 and sums of squares past 2^64, double logins
 * of number answers, and rows of different institutions at the same location code in turn.
 */
class AggregatorEdgeCasesTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    private static LocalizedText t(String text) {
        return LocalizedText.of(text, text);
    }

    private static BenchmarkFigures benchmark(Results results, String institution, String id) {
        return results.benchmarks().stream()
                .filter(b -> b.institution().equals(institution) && b.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void benchmark_atExactlyMinN_isShown_andZeroSpreadGivesNoTest() {
        // A: q1 = 3, 3 and o1 = 4, 2; B: q1 = 3, 3 and no module opt. minN 2 = every n here.
        Path file = new TestEdition.Csv()
                .row("a1", "A", "01", 2, "BOL", "basis|opt", "q1=3 o1=4")
                .row("a2", "A", "01", 2, "BOL", "basis|opt", "q1=3 o1=2")
                .row("b1", "B", "01", 2, "BOL", "basis", "q1=3")
                .row("b2", "B", "01", 2, "BOL", "basis", "q1=3")
                .write(dir.resolve("responses.csv"));
        Results results =
                Aggregator.of(TestEdition.EDITION).withMinN(2).aggregate(file).results();

        BenchmarkFigures q1 = benchmark(results, "A", "q1");
        assertThat(q1.suppressed()).isFalse();
        assertThat(q1.own()).isEqualTo(3.0);
        assertThat(q1.rest()).as("the rest has n = minN").isEqualTo(3.0);
        assertThat(q1.national()).isEqualTo(3.0);
        assertThat(q1.difference()).isEqualTo(0.0);
        // Both sides have zero variance: no standard error of the difference, no pooled sd.
        assertThat(q1.p()).isNull();
        assertThat(q1.significant()).isNull();
        assertThat(q1.cohensD()).isNull();

        // o1 is answered in A only: the nation has n = 2 = minN, the rest has no one.
        BenchmarkFigures o1 = benchmark(results, "A", "o1");
        assertThat(o1.own()).isEqualTo(3.0);
        assertThat(o1.national()).isEqualTo(3.0);
        assertThat(o1.rest()).isNull();
        assertThat(o1.p()).isNull();
        assertThat(benchmark(results, "B", "o1").suppressed()).isTrue();

        Results stricter =
                Aggregator.of(TestEdition.EDITION).withMinN(3).aggregate(file).results();
        assertThat(benchmark(stricter, "A", "q1").suppressed())
                .as("n = 2 below minN 3")
                .isTrue();
        assertThat(benchmark(stricter, "A", "q1").own()).isNull();
    }

    @Test
    void alpha_twoItemsAndTwoCases_isComputed_fewerIsNull() {
        // Items (1, 2) and (5, 5): item variances 8 and 4.5, totals 3 and 10 with variance 24.5;
        // alpha = 2 · (1 − 12.5 / 24.5) = 48 / 49. In n·Σx² − (Σx)² form: 16 + 9 over 49.
        long[] sum = {6, 7};
        long[] sumSq = {26, 29};
        assertThat(Alpha.of(2, 2, 13, 109, sum, sumSq)).isCloseTo(48 / 49.0, within(EXACT));
        assertThat(Alpha.of(2, 1, 3, 9, new long[] {1, 2}, new long[] {1, 4})).isNull();
        assertThat(Alpha.of(1, 2, 6, 26, new long[] {6}, new long[] {26})).isNull();
    }

    @Test
    void clusterConfidenceInterval_isMeanPlusMinus196Se() {
        Results results = Aggregator.of(TestEdition.EDITION)
                .withMinN(1)
                .aggregate(TestEdition.handExample().write(dir.resolve("responses.csv")))
                .results();
        ClusterFigures c1 = results.national().cluster("c1").orElseThrow();
        // Scores 13/3, 3/2, 3, 5/3 (see AggregatorTest): unweighted, se = sd / √4.
        assertThat(c1.se()).isCloseTo(c1.sd() / 2, within(EXACT));
        assertThat(c1.ciLow()).isCloseTo(2.625 - 1.96 * c1.sd() / 2, within(EXACT));
        assertThat(c1.ciHigh()).isCloseTo(2.625 + 1.96 * c1.sd() / 2, within(EXACT));
    }

    @Test
    void gappedScaleWithTwoNonSubstantiveCodes_andAModuleWithoutAggregatedQuestions() throws IOException {
        // Scale "gap": points 1, 2, 4, 5, non-substantive nvt and wn; scale "vijf": 1..5, nvt and wn.
        Scale gap = new Scale(
                "gap",
                List.of(
                        new ScalePoint(1, t("1")),
                        new ScalePoint(2, t("2")),
                        new ScalePoint(4, t("4")),
                        new ScalePoint(5, t("5"))),
                List.of(1, 2),
                List.of(),
                List.of(4, 5),
                List.of(new Option("nvt", t("nvt")), new Option("wn", t("wn"))));
        Scale vijf = TestEdition.fivePoints("vijf", "nvt", "wn");
        Module basis = new Module(
                "basis",
                "1",
                ModuleKind.BASE,
                t("Basis"),
                List.of(gap),
                List.of(
                        new ScaleQuestion("a1", t("a1"), "gap", null, null),
                        new ScaleQuestion("a2", t("a2"), "gap", null, null)),
                List.of(new Cluster("duo", t("duo"), List.of("a1", "a2"), List.of("a2"), 1)));
        // A module of open text only sits between two modules with aggregated questions.
        Module tekst = new Module(
                "tekst",
                "1",
                ModuleKind.OPTIONAL,
                t("Tekst"),
                List.of(),
                List.of(new TextQuestion("x1", t("x1"), 20, null, null)),
                List.of());
        Module later = new Module(
                "later",
                "1",
                ModuleKind.OPTIONAL,
                t("Later"),
                List.of(gap, vijf),
                List.of(
                        new ScaleQuestion("b1", t("b1"), "gap", null, null),
                        new ScaleQuestion("c1", t("c1"), "vijf", null, null)),
                List.of());
        Edition edition = new Edition(
                new EditionManifest("g", null, "basis", List.of("tekst", "later"), new Rules(0, 2, 25)),
                basis,
                List.of(tekst, later));
        Path file = Files.write(
                dir.resolve("gaps.csv"),
                List.of(
                        "respondent,institution,location,level,pathway,modules,a1,a2,x1,b1,c1",
                        "r1,X,01,2,BOL,basis|later,1,5,,4,wn",
                        "r2,X,01,2,BOL,basis|tekst|later,4,2,hallo,nvt,3",
                        "r3,X,01,2,BOL,basis,5,wn,,,",
                        "r4,X,01,2,BOL,basis|later,2,4,,wn,nvt"));
        Aggregation aggregation = Aggregator.of(edition).withMinN(1).aggregate(file);
        assertThat(aggregation.rejects()).isEmpty();
        GroupResult national = aggregation.results().national();

        // a1 = 1, 4, 5, 2: each point once, mean 3, sd √(10/3); counted once though r2 has 'tekst'.
        ItemFigures a1 = national.item("a1").orElseThrow();
        assertThat(a1.n()).isEqualTo(4);
        assertThat(a1.mean()).isCloseTo(3.0, within(EXACT));
        assertThat(a1.sd()).isCloseTo(Math.sqrt(10 / 3.0), within(EXACT));
        assertThat(a1.distribution())
                .containsExactly(
                        Map.entry("1", 0.25), Map.entry("2", 0.25), Map.entry("4", 0.25), Map.entry("5", 0.25));
        assertThat(a1.neutral()).isEqualTo(0.0);

        // a2 = 5, 2, wn, 4: wn is the second non-substantive code.
        ItemFigures a2 = national.item("a2").orElseThrow();
        assertThat(a2.n()).isEqualTo(3);
        assertThat(a2.mean()).isCloseTo(11 / 3.0, within(EXACT));
        assertThat(a2.nonSubstantive()).containsExactly(Map.entry("nvt", 0L), Map.entry("wn", 1L));
        assertThat(a2.distribution().get("1")).isEqualTo(0.0);

        ItemFigures b1 = national.item("b1").orElseThrow();
        assertThat(b1.n()).isEqualTo(1);
        assertThat(b1.mean()).isEqualTo(4.0);
        assertThat(b1.nonSubstantive()).containsExactly(Map.entry("nvt", 1L), Map.entry("wn", 1L));

        // c1 (consecutive codes, the counting fast path) = wn, 3, nvt.
        ItemFigures c1 = national.item("c1").orElseThrow();
        assertThat(c1.n()).isEqualTo(1);
        assertThat(c1.mean()).isEqualTo(3.0);
        assertThat(c1.nonSubstantive()).containsExactly(Map.entry("nvt", 1L), Map.entry("wn", 1L));
        assertThat(national.item("x1")).as("open text is never aggregated").isEmpty();

        // duo, a2 reverse coded as 6 − a2: r1 (1, 1), r2 (4, 4), r3 (5) with minAnswered 1, r4 (2, 2).
        // Scores 1, 4, 5, 2; the complete cases have identical items, so alpha is 1.
        ClusterFigures duo = national.cluster("duo").orElseThrow();
        assertThat(duo.n()).isEqualTo(4);
        assertThat(duo.mean()).isCloseTo(3.0, within(EXACT));
        assertThat(duo.sd()).isCloseTo(Math.sqrt(10 / 3.0), within(EXACT));
        assertThat(duo.alpha()).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void numbers_zeroAnswers_sumsOfSquaresPast2To64_andDoubleLoginsTakenBack() {
        // n1 in 0..100, kept in millionths: 1950 answers of 100 make Σx² = 1.95e19 millionths², past
        // 2^64, so both words of the 128-bit sum count.
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < 2000; i++) {
            csv.row("k" + i, "X", "01", 2, "BOL", "basis", "n1=" + (i < 1950 ? 100 : 0));
        }
        // d1: the first row (n1 = 0, one answer) gives way to the later one with two answers.
        csv.row("d1", "X", "01", 2, "BOL", "basis", "n1=0");
        csv.row("d1", "X", "01", 2, "BOL", "basis", "n1=100 q1=3");
        // d2: the first row (n1 = 100, one answer) gives way to n1 = 50 with two answers.
        csv.row("d2", "X", "01", 2, "BOL", "basis", "n1=100");
        csv.row("d2", "X", "01", 2, "BOL", "basis", "n1=50 q1=3");
        // d3: n1 = 20 gives way to n1 = 100 with three answers. Taking back two numbers that are not 0
        // and one that is keeps an error in the high word of the squares from cancelling out.
        csv.row("d3", "X", "01", 2, "BOL", "basis", "n1=20");
        csv.row("d3", "X", "01", 2, "BOL", "basis", "n1=100 q1=3 q2=3");
        Aggregation aggregation =
                Aggregator.of(TestEdition.EDITION).withMinN(1).aggregate(csv.write(dir.resolve("responses.csv")));
        assertThat(aggregation.results().input()).isEqualTo(new Results.Input(2006, 2003, 3));

        // Kept: 1952 × 100, 50 × 0, 1 × 50.
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < 1952; i++) {
            kept.add(100.0);
        }
        for (int i = 0; i < 50; i++) {
            kept.add(0.0);
        }
        kept.add(50.0);
        double mean = kept.stream().mapToDouble(Double::doubleValue).sum() / kept.size();
        double ss = kept.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        ItemFigures n1 = aggregation.results().national().item("n1").orElseThrow();
        assertThat(n1.n()).isEqualTo(2003);
        assertThat(n1.mean()).isCloseTo(195250 / 2003.0, within(EXACT));
        assertThat(n1.sd()).isCloseTo(Math.sqrt(ss / 2002), within(1e-9));
    }

    @Test
    void institutionsInTurnAtTheSameLocationCode_keepTheirOwnSums() {
        Path file = new TestEdition.Csv()
                .row("r1", "X", "01", 2, "BOL", "basis", "q1=4")
                .row("r2", "Y", "01", 2, "BOL", "basis", "q1=5")
                .row("r3", "X", "01", 2, "BOL", "basis", "q1=2")
                .row("r4", "X", "02", 2, "BOL", "basis", "q1=1")
                .write(dir.resolve("responses.csv"));
        Results results = Aggregator.of(ResponseReader.of(TestEdition.EDITION).withThreads(1))
                .withMinN(1)
                .aggregate(file)
                .results();
        ItemFigures x = results.group(Map.of("institution", "X", "location", "01"))
                .orElseThrow()
                .item("q1")
                .orElseThrow();
        assertThat(x.n()).isEqualTo(2);
        assertThat(x.mean()).isEqualTo(3.0);
        ItemFigures y = results.group(Map.of("institution", "Y"))
                .orElseThrow()
                .item("q1")
                .orElseThrow();
        assertThat(y.n()).isEqualTo(1);
        assertThat(y.mean()).isEqualTo(5.0);
    }

    @Test
    void missingPopulationCells_listsTwentyAndCountsTheRest() {
        Population population = Population.ofCells(Map.of(new Population.Cell("A", "01", "2", "BOL"), 10L));
        assertThatThrownBy(() -> aggregateInstitutions(population, 22))
                .isInstanceOf(AggregationException.class)
                .hasMessageEndingWith(" and 2 more");
        assertThatThrownBy(() -> aggregateInstitutions(population, 20))
                .isInstanceOf(AggregationException.class)
                .hasMessageContaining("I19/2/BOL (1 respondents, population absent)")
                .hasMessageNotContaining("more");
    }

    private Aggregation aggregateInstitutions(Population population, int institutions) {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < institutions; i++) {
            csv.row("r" + i, String.format("I%02d", i), "01", 2, "BOL", "basis", "q1=3");
        }
        return Aggregator.of(TestEdition.EDITION)
                .withMinN(1)
                .withPopulation(population)
                .aggregate(csv.write(dir.resolve("responses.csv")));
    }
}
