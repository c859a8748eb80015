package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case-mix comparison of SPEC section 8 at its edges, unweighted, at minimum n 5, against hand
 * calculations written out in each test: institution X against Y within level × pathway cells.
 */
class CaseMixEdgeCasesTest {

    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    private int next;

    /** Respondents of one institution in one cell, answering q1 with these values. */
    private TestEdition.Csv add(TestEdition.Csv csv, String institution, int level, String pathway, int... q1) {
        for (int answer : q1) {
            csv.row("r" + next++, institution, "01", level, pathway, "basis", "q1=" + answer);
        }
        return csv;
    }

    private BenchmarkFigures x(TestEdition.Csv csv) {
        return Aggregator.of(TestEdition.EDITION)
                .withMinN(5)
                .aggregate(csv.write(dir.resolve("responses.csv")))
                .results()
                .benchmarks()
                .stream()
                .filter(b -> b.institution().equals("X") && b.id().equals("q1"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void cellOnOneSideOnly_isLeftOutAndCoverageOfExactlyHalfIsShown() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4, 4, 5); // covered: mean 4.2, var 0.2
        add(csv, "X", 4, "BBL", 1, 1, 1, 1, 1); // Y has none here: not covered, 5 outside (= minimum n)
        add(csv, "Y", 2, "BOL", 2, 3, 3, 3, 4); // mean 3, var 0.5
        CaseMix mix = x(csv).caseMix();
        assertThat(mix.coverage()).isEqualTo(0.5);
        assertThat(mix.own()).isCloseTo(4.2, within(EXACT));
        assertThat(mix.expected()).isCloseTo(3.0, within(EXACT));
        assertThat(mix.difference()).isCloseTo(1.2, within(EXACT));
        // se² = 0.2/5 + 0.5/5 = 0.14.
        assertThat(mix.se()).isCloseTo(Math.sqrt(0.14), within(EXACT));
        assertThat(mix.z()).isCloseTo(1.2 / Math.sqrt(0.14), within(EXACT));
        assertThat(mix.p()).isCloseTo(Normal.twoSidedP(1.2 / Math.sqrt(0.14)), within(EXACT));
        assertThat(mix.significant()).isTrue();
    }

    @Test
    void coverageBelowHalf_isNull() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4, 4, 5);
        add(csv, "X", 4, "BBL", 1, 1, 1, 1, 1, 2); // 6 of 11 outside: coverage 5/11
        add(csv, "Y", 2, "BOL", 2, 3, 3, 3, 4);
        add(csv, "Y", 4, "BBL", 3, 3, 3, 3); // 4 rest respondents: not covered either
        BenchmarkFigures x = x(csv);
        assertThat(x.suppressed()).isFalse();
        assertThat(x.caseMix()).isNull();
    }

    @Test
    void oneToMinimumMinusOneOutside_isNull_andNoneOutsideIsShown() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4, 4, 5, 5);
        add(csv, "X", 3, "BOL", 1, 2, 3, 4); // 4 outside (Y has none at level 3): their mean would follow
        add(csv, "Y", 2, "BOL", 2, 3, 3, 3, 4);
        assertThat(x(csv).caseMix()).isNull();
        add(csv, "X", 3, "BOL", 4);
        add(csv, "Y", 3, "BOL", 3, 3, 3, 3, 3); // now covered: nobody outside
        CaseMix mix = x(csv).caseMix();
        assertThat(mix.coverage()).isEqualTo(1.0);
        // π = 6/11, 5/11; own cell means 26/6 and 2.8; rest 3 and 3.
        assertThat(mix.own()).isCloseTo(40 / 11.0, within(EXACT));
        assertThat(mix.expected()).isCloseTo(3.0, within(EXACT));
    }

    @Test
    void oneValuePerCellOnBothSides_seZeroAndNoTest() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4, 4, 4);
        add(csv, "X", 3, "BBL", 5, 5, 5, 5, 5);
        add(csv, "Y", 2, "BOL", 3, 3, 3, 3, 3);
        add(csv, "Y", 3, "BBL", 2, 2, 2, 2, 2);
        CaseMix mix = x(csv).caseMix();
        assertThat(mix.own()).isEqualTo(4.5);
        assertThat(mix.expected()).isEqualTo(2.5);
        assertThat(mix.difference()).isEqualTo(2.0);
        assertThat(mix.se()).isEqualTo(0.0);
        assertThat(mix.z()).isNull();
        assertThat(mix.p()).isNull();
        assertThat(mix.significant()).isNull();
    }

    @Test
    void suppressedBenchmark_hasNoCaseMix() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4, 5);
        add(csv, "Y", 2, "BOL", 2, 3, 3, 3, 4);
        BenchmarkFigures x = x(csv);
        assertThat(x.suppressed()).isTrue();
        assertThat(x.caseMix()).isNull();
    }

    @Test
    void pathwayOnly_poolsLevels() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", 2, "BOL", 4, 4, 4);
        add(csv, "X", 3, "BOL", 5, 5);
        add(csv, "Y", 1, "BOL", 3, 3, 3, 3, 4);
        CaseMix mix = Aggregator.of(TestEdition.EDITION)
                .withMinN(5)
                .withCaseMix(Set.of(Dimension.PATHWAY))
                .aggregate(csv.write(dir.resolve("responses.csv")))
                .results()
                .benchmarks()
                .get(0)
                .caseMix();
        assertThat(mix.own()).isCloseTo(4.4, within(EXACT));
        assertThat(mix.expected()).isCloseTo(3.2, within(EXACT));
    }

    @Test
    void factorsOtherThanLevelAndPathway_areRefused() {
        Aggregator aggregator = Aggregator.of(TestEdition.EDITION);
        assertThatThrownBy(() -> aggregator.withCaseMix(Set.of(Dimension.LOCATION)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("case-mix factors [location] must be level, pathway or both");
        assertThatThrownBy(() -> aggregator.withCaseMix(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
