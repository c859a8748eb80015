package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregation of real CSV files, checked against hand calculations written out in each test. */
class AggregatorTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    private Results aggregate(Aggregator aggregator) {
        return aggregator
                .aggregate(TestEdition.handExample().write(dir.resolve("responses.csv")))
                .results();
    }

    @Test
    void items_handExample_unweighted() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION).withMinN(1));
        GroupResult national = results.national();
        assertThat(national.key()).isEmpty();
        assertThat(national.n()).isEqualTo(5);

        // q1 = 4, 2, 5, 3, 1: mean 3, sd √(10/4), se = sd/√5, each point once.
        ItemFigures q1 = national.item("q1").orElseThrow();
        assertThat(q1.n()).isEqualTo(5);
        assertThat(q1.mean()).isCloseTo(3.0, within(EXACT));
        assertThat(q1.sd()).isCloseTo(Math.sqrt(2.5), within(EXACT));
        assertThat(q1.se()).isCloseTo(Math.sqrt(0.5), within(EXACT));
        assertThat(q1.ciLow()).isCloseTo(3 - 1.96 * Math.sqrt(0.5), within(EXACT));
        assertThat(q1.positive()).isCloseTo(0.4, within(EXACT));
        assertThat(q1.neutral()).isCloseTo(0.2, within(EXACT));
        assertThat(q1.negative()).isCloseTo(0.4, within(EXACT));
        assertThat(q1.distribution()).containsOnlyKeys("1", "2", "3", "4", "5");
        assertThat(q1.distribution().values())
                .allSatisfy(share -> assertThat(share).isCloseTo(0.2, within(EXACT)));
        assertThat(q1.nonSubstantive()).containsExactly(Map.entry("nvt", 0L));

        // q2 = 5, nvt, -, 3, 2: the nvt answer is counted apart and left out of the mean.
        ItemFigures q2 = national.item("q2").orElseThrow();
        assertThat(q2.n()).isEqualTo(3);
        assertThat(q2.mean()).isCloseTo(10 / 3.0, within(EXACT));
        assertThat(q2.nonSubstantive()).containsExactly(Map.entry("nvt", 1L));

        // g1 = 7, 5, 8, 6: 6 and up is positive.
        ItemFigures g1 = national.item("g1").orElseThrow();
        assertThat(g1.mean()).isCloseTo(6.5, within(EXACT));
        assertThat(g1.positive()).isCloseTo(0.75, within(EXACT));
        assertThat(g1.negative()).isCloseTo(0.25, within(EXACT));
        assertThat(g1.distribution()).hasSize(10).containsEntry("5", 0.25).containsEntry("1", 0.0);

        // s1 = ja, nee, ja: shares per option, no mean.
        ItemFigures s1 = national.item("s1").orElseThrow();
        assertThat(s1.mean()).isNull();
        assertThat(s1.positive()).isNull();
        assertThat(s1.distribution()).containsExactly(Map.entry("ja", 2 / 3.0), Map.entry("nee", 1 / 3.0));

        // m1 = a|b, c: the share of respondents selecting each option.
        assertThat(national.item("m1").orElseThrow().distribution())
                .containsExactly(Map.entry("a", 0.5), Map.entry("b", 0.5), Map.entry("c", 0.5));

        // n1 = 12.5, 20: mean 16.25, sd √((3.75² · 2)/1).
        ItemFigures n1 = national.item("n1").orElseThrow();
        assertThat(n1.mean()).isCloseTo(16.25, within(EXACT));
        assertThat(n1.sd()).isCloseTo(Math.sqrt(2 * 3.75 * 3.75), within(EXACT));
        assertThat(n1.distribution()).isNull();

        // Open text is never aggregated; o1 has one answer, so no sd.
        assertThat(national.item("t1")).isEmpty();
        ItemFigures o1 = national.item("o1").orElseThrow();
        assertThat(o1.n()).isEqualTo(1);
        assertThat(o1.sd()).isNull();
        assertThat(o1.se()).isNull();
    }

    @Test
    void clusters_reverseCodingAndMinAnswered() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION).withMinN(1));
        ClusterFigures c1 = results.national().cluster("c1").orElseThrow();
        // r1: 4, 5, reverse(2)=4 → 13/3; r2: 2, nvt, reverse(5)=1 → 3/2; r3: one item < minAnswered 2 → no
        // score; r4: 3, 3, 3 → 3; r5: 1, 2, reverse(4)=2 → 5/3.
        double[] scores = {13 / 3.0, 1.5, 3, 5 / 3.0};
        double mean = (scores[0] + scores[1] + scores[2] + scores[3]) / 4;
        double ss = 0;
        for (double score : scores) {
            ss += (score - mean) * (score - mean);
        }
        assertThat(c1.n()).isEqualTo(4);
        assertThat(c1.mean()).isCloseTo(2.625, within(EXACT));
        assertThat(c1.sd()).isCloseTo(Math.sqrt(ss / 3), within(EXACT));
        // Alpha over the complete cases r1 (4,5,4), r4 (3,3,3), r5 (1,2,2): item variances 7/3, 7/3, 1,
        // totals 13, 9, 5 with variance 16; alpha = 3/2 · (1 − (17/3)/16) = 0.96875.
        assertThat(c1.alpha()).isCloseTo(1.5 * (1 - (17 / 3.0) / 16), within(EXACT));
        ClusterFigures c2 = results.national().cluster("c2").orElseThrow();
        assertThat(c2.n()).isEqualTo(1);
        assertThat(c2.mean()).isCloseTo(4.0, within(EXACT));
        assertThat(c2.alpha()).as("one complete case").isNull();
    }

    @Test
    void groups_perInstitutionAndLocation() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION).withMinN(1));
        assertThat(results.groups())
                .extracting(GroupResult::key)
                .containsExactly(
                        Map.of(),
                        Map.of("institution", "X"),
                        Map.of("institution", "Y"),
                        Map.of("institution", "X", "location", "01"),
                        Map.of("institution", "X", "location", "02"),
                        Map.of("institution", "Y", "location", "01"));
        GroupResult x01 =
                results.group(Map.of("institution", "X", "location", "01")).orElseThrow();
        assertThat(x01.n()).isEqualTo(2);
        assertThat(x01.item("q1").orElseThrow().mean()).isCloseTo(3.0, within(EXACT));
    }

    @Test
    void groups_byLevelAndPathway() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION)
                .withMinN(1)
                .withGroupings(Grouping.parse("level,institution+pathway")));
        assertThat(results.group(Map.of("level", "2")).orElseThrow().n()).isEqualTo(3);
        assertThat(results.group(Map.of("institution", "X", "pathway", "BBL"))
                        .orElseThrow()
                        .item("q1")
                        .orElseThrow()
                        .mean())
                .isEqualTo(5.0);
        assertThat(results.groupings()).containsExactly("level", "institution+pathway");
    }

    @Test
    void suppression_belowMinN_isNullNeverZero() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION).withMinN(3));
        GroupResult y = results.group(Map.of("institution", "Y")).orElseThrow();
        assertThat(y.suppressed()).isTrue();
        assertThat(y.n()).isNull();
        ItemFigures q1 = y.item("q1").orElseThrow();
        assertThat(q1.suppressed()).isTrue();
        assertThat(q1.n()).isNull();
        assertThat(q1.mean()).isNull();
        assertThat(q1.distribution()).isNull();
        assertThat(q1.nonSubstantive()).isNull();
        GroupResult x = results.group(Map.of("institution", "X")).orElseThrow();
        assertThat(x.suppressed()).isFalse();
        assertThat(x.item("q1").orElseThrow().mean()).isCloseTo(11 / 3.0, within(EXACT));
        assertThat(x.item("q2").orElseThrow().suppressed())
                .as("q2 has 1 substantive answer in X")
                .isTrue();
        assertThat(results.national().cluster("c2").orElseThrow().suppressed()).isTrue();
    }

    @Test
    void benchmark_institutionAgainstTheRest() {
        Results results = aggregate(Aggregator.of(TestEdition.EDITION).withMinN(1));
        BenchmarkFigures q1 = results.benchmarks().stream()
                .filter(b -> b.institution().equals("X") && b.id().equals("q1"))
                .findFirst()
                .orElseThrow();
        // Own X: 4, 2, 5 → 11/3 (s² = 7/3); rest Y: 3, 1 → 2 (s² = 2); national 3.
        assertThat(q1.own()).isCloseTo(11 / 3.0, within(EXACT));
        assertThat(q1.rest()).isCloseTo(2.0, within(EXACT));
        assertThat(q1.national()).isCloseTo(3.0, within(EXACT));
        assertThat(q1.difference()).isCloseTo(2 / 3.0, within(EXACT));
        double z = (11 / 3.0 - 2) / Math.sqrt(7 / 3.0 / 3 + 2.0 / 2);
        assertThat(q1.p()).isCloseTo(Normal.twoSidedP(z), within(EXACT));
        assertThat(q1.cohensD()).isCloseTo((11 / 3.0 - 2) / Math.sqrt((2 * 7 / 3.0 + 1 * 2) / 3), within(EXACT));
        assertThat(results.benchmarks()).extracting(BenchmarkFigures::kind).contains("item", "cluster");
        assertThat(results.benchmarks()).noneMatch(b -> b.id().equals("s1"));
    }

    @Test
    void weights_postStratificationPerInstitutionLevelPathway() {
        // Cells: X/2/BOL N 10 (r1, r2 → w 5), X/3/BBL N 4 (r3 → w 4), Y/2/BOL N 6 (r4 → w 6), Y/4/BOL N 1.
        // X/2/BOL is split over two locations in the file: weighting sums them (6 + 4).
        Population population = Population.ofCells(Map.of(
                new Population.Cell("X", "01", "2", "BOL"), 6L,
                new Population.Cell("X", "02", "2", "BOL"), 4L,
                new Population.Cell("X", "02", "3", "BBL"), 4L,
                new Population.Cell("Y", "01", "2", "BOL"), 6L,
                new Population.Cell("Y", "01", "4", "BOL"), 1L,
                new Population.Cell("Y", "01", "1", "BBL"), 50L));
        Results results =
                aggregate(Aggregator.of(TestEdition.EDITION).withMinN(1).withPopulation(population));
        assertThat(results.weighted()).isTrue();
        assertThat(results.groups()).allMatch(g -> g.population() != null);
        double[] w = {5, 5, 4, 6, 1};
        double[] y = {4, 2, 5, 3, 1};
        double sumW = 21;
        double mean = (5 * 4 + 5 * 2 + 4 * 5 + 6 * 3 + 1 * 1) / sumW;
        double sumZ2 = 0;
        double ss = 0;
        for (int i = 0; i < 5; i++) {
            double z = w[i] * (y[i] - mean) / sumW;
            sumZ2 += z * z;
            ss += w[i] * (y[i] - mean) * (y[i] - mean);
        }
        ItemFigures q1 = results.national().item("q1").orElseThrow();
        assertThat(q1.mean()).isCloseTo(69 / 21.0, within(EXACT));
        assertThat(q1.se()).isCloseTo(Math.sqrt(5 / 4.0 * sumZ2), within(EXACT));
        assertThat(q1.sd()).isCloseTo(Math.sqrt(5 / 4.0 * ss / sumW), within(EXACT));
        assertThat(q1.positive()).isCloseTo((5 + 4) / sumW, within(EXACT));
        assertThat(results.national().population()).isEqualTo(71);
        assertThat(results.group(Map.of("institution", "X", "location", "02"))
                        .orElseThrow()
                        .population())
                .isEqualTo(8);
        assertThat(results.group(Map.of("institution", "Y")).orElseThrow().population())
                .isEqualTo(57);
    }

    @Test
    void weights_respondentInACellThePopulationLacks_isAnInputError() {
        Population population = Population.ofCells(Map.of(new Population.Cell("X", "01", "2", "BOL"), 10L));
        assertThatThrownBy(() -> aggregate(Aggregator.of(TestEdition.EDITION).withPopulation(population)))
                .isInstanceOf(AggregationException.class)
                .hasMessageContaining("X/3/BBL (1 respondents, population absent)")
                .hasMessageContaining("Y/2/BOL")
                .hasMessageContaining("Y/4/BOL");
    }

    @Test
    void scaleWithGapsInItsCodes_countsEveryPoint() throws java.io.IOException {
        // Codes 1, 3, 5 listed from high to low: the count slots are not the codes in order.
        nl.peiling.core.model.LocalizedText t = nl.peiling.core.model.LocalizedText.of("x", "x");
        nl.peiling.core.model.Scale odd = new nl.peiling.core.model.Scale(
                "odd",
                List.of(
                        new nl.peiling.core.model.ScalePoint(5, t),
                        new nl.peiling.core.model.ScalePoint(3, t),
                        new nl.peiling.core.model.ScalePoint(1, t)),
                List.of(1),
                List.of(3),
                List.of(5),
                List.of());
        nl.peiling.core.model.Module base = new nl.peiling.core.model.Module(
                "basis",
                "1",
                nl.peiling.core.model.ModuleKind.BASE,
                t,
                List.of(odd),
                List.of(new nl.peiling.core.model.ScaleQuestion("k1", t, "odd", null, null)),
                List.of());
        nl.peiling.core.model.Edition edition = new nl.peiling.core.model.Edition(
                new nl.peiling.core.model.EditionManifest(
                        "g", null, "basis", List.of(), new nl.peiling.core.model.Rules(0, 0, 5)),
                base,
                List.of());
        Path file = java.nio.file.Files.write(
                dir.resolve("gaps.csv"),
                List.of(
                        "respondent,institution,location,level,pathway,modules,k1",
                        "a,X,01,2,BOL,basis,5",
                        "b,X,01,2,BOL,basis,3",
                        "c,X,01,2,BOL,basis,5",
                        "d,X,01,2,BOL,basis,1",
                        "e,X,01,2,BOL,basis,2"));
        Aggregation aggregation = Aggregator.of(edition).withMinN(1).aggregate(file);
        ItemFigures k1 = aggregation.results().national().item("k1").orElseThrow();
        assertThat(aggregation.rejects()).extracting(r -> r.value()).containsExactly("2");
        assertThat(k1.n()).isEqualTo(4);
        assertThat(k1.mean()).isCloseTo((5 + 3 + 5 + 1) / 4.0, within(EXACT));
        assertThat(k1.distribution()).containsExactly(Map.entry("5", 0.5), Map.entry("3", 0.25), Map.entry("1", 0.25));
        assertThat(k1.positive()).isEqualTo(0.5);
    }

    @Test
    void options_badValuesAreRejected() {
        assertThatThrownBy(() -> Aggregator.of(TestEdition.EDITION).withMinN(0))
                .hasMessage("minimum n (0) must be >= 1");
        assertThatThrownBy(() -> Grouping.parse("institution,school"))
                .hasMessage(
                        "unknown dimension \"school\" in --by institution,school (known: institution, location, level, pathway)");
        assertThat(Grouping.parse("location")).containsExactly(Grouping.of(Dimension.INSTITUTION, Dimension.LOCATION));
        assertThat(List.of(Grouping.parse("institution+level").get(0).toString()))
                .containsExactly("institution+level");
    }
}
