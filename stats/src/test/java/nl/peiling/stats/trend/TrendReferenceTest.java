package nl.peiling.stats.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.AggregatorFixtures;
import nl.peiling.stats.scores.Results;
import org.junit.jupiter.api.Test;

/**
 * Golden values of the trend (SPEC section 8): {@code src/test/resources/nl/peiling/stats/scores/fair/trend.R}
 * computed them with R 4.2.2, survey 4.1.1 and {@code p.adjust(p, "BH")} from previous-responses.csv and
 * responses.csv (weighted) into trend-expected.txt. Tolerance 1e-9 absolute; p and q to 1e-9 too
 * (R printed 12 significant digits).
 */
class TrendReferenceTest {

    private static final double TOLERANCE = 1e-9;

    static Path resource(String name) {
        try {
            return Path.of(TrendReferenceTest.class
                    .getResource("/nl/peiling/stats/scores/fair/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Results aggregate(Edition edition, String prefix) {
        return Aggregator.of(edition)
                .withPopulation(Population.read(resource(prefix + "population.csv")))
                .aggregate(resource(prefix + "responses.csv"))
                .results();
    }

    static Trend trend(Edition previous) {
        return Trends.standard()
                .compare(
                        aggregate(previous, "previous-"),
                        "previous.json",
                        aggregate(AggregatorFixtures.edition(), ""),
                        "current.json");
    }

    private static Comparison find(Trend trend, Map<String, String> key, String id, String measure) {
        return trend.comparisons().stream()
                .filter(c ->
                        c.key().equals(key) && c.id().equals(id) && c.measure().equals(measure))
                .findFirst()
                .orElseThrow();
    }

    private static void assertComparison(
            Trend trend,
            Map<String, String> key,
            String id,
            String measure,
            double previous,
            double current,
            double difference,
            double se,
            double z,
            double p,
            double q) {
        Comparison c = find(trend, key, id, measure);
        String what = key + " " + id + " " + measure;
        assertThat(c.comparable()).as(what).isTrue();
        assertThat(c.suppressed()).as(what).isFalse();
        assertThat(c.previous()).as(what + " previous").isCloseTo(previous, within(TOLERANCE));
        assertThat(c.current()).as(what + " current").isCloseTo(current, within(TOLERANCE));
        assertThat(c.difference()).as(what + " difference").isCloseTo(difference, within(TOLERANCE));
        assertThat(c.se()).as(what + " se").isCloseTo(se, within(TOLERANCE));
        assertThat(c.z()).as(what + " z").isCloseTo(z, within(TOLERANCE));
        assertThat(c.p()).as(what + " p").isCloseTo(p, within(TOLERANCE));
        assertThat(c.q()).as(what + " q").isCloseTo(q, within(TOLERANCE));
        assertThat(c.significant()).isEqualTo(q < 0.05);
    }

    @Test
    void national_meansAndShares() {
        Trend trend = trend(AggregatorFixtures.edition());
        Map<String, String> nation = Map.of();
        assertComparison(
                trend,
                nation,
                "q1",
                "mean",
                3.339073827835,
                3.448905453597,
                0.109831625762,
                0.101697709162,
                1.079981315880,
                0.280150500431,
                0.64662271338);
        assertComparison(
                trend,
                nation,
                "q2",
                "mean",
                3.424553437219,
                3.473433771369,
                0.048880334150,
                0.103111181960,
                0.474054639088,
                0.63546094443,
                0.64662271338);
        assertComparison(
                trend,
                nation,
                "q3",
                "mean",
                3.426753217256,
                3.472457246769,
                0.045704029513,
                0.099690549636,
                0.458458998173,
                0.64662271338,
                0.64662271338);
        assertComparison(
                trend,
                nation,
                "g1",
                "mean",
                6.739017602394,
                6.629898748608,
                -0.109118853786,
                0.148962993874,
                -0.732523232433,
                0.46384926784,
                0.64662271338);
        assertComparison(
                trend,
                nation,
                "c1",
                "mean",
                3.122743543115,
                3.152126880662,
                0.029383337547,
                0.056901474320,
                0.516389740301,
                0.605582230013,
                0.64662271338);
        assertComparison(
                trend,
                nation,
                "q1",
                "positive",
                0.475502958916,
                0.557833772590,
                0.082330813674,
                0.042034601066,
                1.958643869244,
                0.0501545082158,
                0.200618032863);
        assertComparison(
                trend,
                nation,
                "q2",
                "positive",
                0.504963128141,
                0.530121313576,
                0.025158185435,
                0.041668138085,
                0.603775128695,
                0.545993157185,
                0.727990876246);
        assertComparison(
                trend,
                nation,
                "q3",
                "positive",
                0.518379563128,
                0.526542438863,
                0.008162875735,
                0.042109181411,
                0.193850259290,
                0.846293132133,
                0.846293132133);
        assertComparison(
                trend,
                nation,
                "g1",
                "positive",
                0.786277205354,
                0.734403209265,
                -0.051873996088,
                0.036022484382,
                -1.440044932458,
                0.149854687192,
                0.299709374384);
        assertThat(trend.previous()).isEqualTo(new Trend.Side("t", "previous.json"));
    }

    @Test
    void institution_meansAndShares() {
        Trend trend = trend(AggregatorFixtures.edition());
        Map<String, String> a = Map.of("institution", "A");
        assertComparison(
                trend,
                a,
                "q1",
                "mean",
                3.093940818808,
                3.442397630387,
                0.348456811578,
                0.189690306019,
                1.836977433854,
                0.0662132267972,
                0.244198296595);
        assertComparison(
                trend,
                a,
                "q2",
                "mean",
                3.367341238377,
                3.666767866706,
                0.299426628329,
                0.180790265737,
                1.656209902166,
                0.0976793186378,
                0.244198296595);
        assertComparison(
                trend,
                a,
                "q3",
                "mean",
                3.323977143152,
                3.564626720169,
                0.240649577017,
                0.193450909121,
                1.243982662636,
                0.213505943869,
                0.312265977512);
        assertComparison(
                trend,
                a,
                "g1",
                "mean",
                6.855645999840,
                6.783437478742,
                -0.072208521098,
                0.278657351221,
                -0.259130149561,
                0.795534823087,
                0.795534823087);
        assertComparison(
                trend,
                a,
                "c1",
                "mean",
                3.072689747135,
                3.199390932266,
                0.126701185131,
                0.110097948239,
                1.150804235294,
                0.24981278201,
                0.312265977512);
        assertComparison(
                trend,
                a,
                "q1",
                "positive",
                0.405982975274,
                0.514981307988,
                0.108998332714,
                0.079531462911,
                1.370505819015,
                0.170529060191,
                0.321496470258);
        assertComparison(
                trend,
                a,
                "q2",
                "positive",
                0.454723203345,
                0.564867748729,
                0.110144545384,
                0.076708358815,
                1.435887132589,
                0.151034460512,
                0.321496470258);
        assertComparison(
                trend,
                a,
                "q3",
                "positive",
                0.509882301404,
                0.571993201174,
                0.062110899770,
                0.078264960791,
                0.793597788109,
                0.427429620551,
                0.427429620551);
        assertComparison(
                trend,
                a,
                "g1",
                "positive",
                0.801714749802,
                0.724928977043,
                -0.076785772759,
                0.065506469967,
                -1.172186087835,
                0.241122352694,
                0.321496470258);
    }

    @Test
    void rewordedQuestion_andItsCluster_areNotComparable_andLeaveTheFamily() {
        Trend trend = trend(AggregatorFixtures.editionWithQ3Reworded());
        Map<String, String> nation = Map.of();
        for (String[] figure : new String[][] {{"q3", "mean"}, {"q3", "positive"}, {"c1", "mean"}}) {
            Comparison c = find(trend, nation, figure[0], figure[1]);
            assertThat(c.comparable()).as(figure[0]).isFalse();
            assertThat(c.difference()).isNull();
            assertThat(c.p()).isNull();
            assertThat(c.q()).isNull();
            assertThat(c.significant()).isNull();
            assertThat(c.previous()).as("the figures are still there to see").isNotNull();
        }
        // The nation's mean family is now q1, q2 and g1 with p 0.280150500431, 0.63546094443, 0.46384926784:
        // R p.adjust(p, "BH") gives 0.63546094443 for all three (3/3 · 0.6355 is the running minimum).
        assertThat(find(trend, nation, "q1", "mean").q()).isCloseTo(0.63546094443, within(TOLERANCE));
        assertThat(find(trend, nation, "q1", "mean").comparable()).isTrue();
        // The other clusters do not contain q3: c2 is comparable (suppressed: nobody answered opt).
        Comparison c2 = find(trend, nation, "c2", "mean");
        assertThat(c2.comparable()).isTrue();
        assertThat(c2.suppressed()).isTrue();
        assertThat(c2.previous()).isNull();
    }

    @Test
    void resultsWithoutFingerprints_areRefusedWithAReason() {
        Results current = aggregate(AggregatorFixtures.edition(), "");
        Results old = new Results(
                current.edition(),
                current.input(),
                current.weighted(),
                current.minN(),
                current.groupings(),
                current.groups(),
                current.benchmarks(),
                current.caseMixFactors(),
                null,
                current.response(),
                current.institutions(),
                current.definitions());
        assertThatThrownBy(() -> Trends.standard().compare(old, "old.json", current, "new.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("old.json has no fingerprints of its questions (written by an older peiling); aggregate"
                        + " it again");
    }

    @Test
    void benjaminiHochberg_matchesR() {
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.04, 1, 0.0125), "BH")
        double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.2, 0.5, 0.001, 0.04, 1, 0.0125});
        double[] r = {0.0375, 0.06, 0.06, 0.257142857142857, 0.5625, 0.009, 0.06, 1, 0.0375};
        for (int i = 0; i < r.length; i++) {
            assertThat(q[i]).as("q[" + i + "]").isCloseTo(r[i], within(1e-15));
        }
        assertThat(BenjaminiHochberg.adjust(new double[] {0.3}))
                .as("a family of one")
                .containsExactly(0.3);
        assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
        assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
