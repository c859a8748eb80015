package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;

/**
 * Golden values of SPEC section 8 on the 350 weighted respondents of {@code
 * src/test/resources/nl/peiling/stats/scores/fair}: {@code fair.R} there computed them with R 4.2.2 and
 * survey 4.1.1 ({@code svymean}, {@code svyciprop(method = "xlogit", df = Inf)}) and wrote them to
 * {@code expected.txt}, to 12 decimals. Tolerance 1e-9 absolute (all values are of order 1 to 300).
 */
class FairReferenceTest {

    static final double TOLERANCE = 1e-9;

    static Path resource(String name) {
        try {
            return Path.of(FairReferenceTest.class.getResource("fair/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Aggregator aggregator() {
        return Aggregator.of(TestEdition.EDITION).withPopulation(Population.read(resource("population.csv")));
    }

    static Results results(Aggregator aggregator) {
        return aggregator.aggregate(resource("responses.csv")).results();
    }

    /** One line of expected.txt for an item: n, mean, se, nEffective, positive and its se and interval. */
    private static void assertItem(GroupResult group, String id, long n, double mean, double se, double nEffective,
            double positive, double positiveSe, double low, double high) {
        ItemFigures item = group.item(id).orElseThrow();
        assertThat(item.n()).as(id + " n").isEqualTo(n);
        assertThat(item.mean()).as(id + " mean").isCloseTo(mean, within(TOLERANCE));
        assertThat(item.se()).as(id + " se").isCloseTo(se, within(TOLERANCE));
        assertThat(item.nEffective()).as(id + " nEffective").isCloseTo(nEffective, within(TOLERANCE));
        assertThat(item.positive()).as(id + " positive").isCloseTo(positive, within(TOLERANCE));
        assertThat(item.positiveSe()).as(id + " positiveSe").isCloseTo(positiveSe, within(TOLERANCE));
        assertThat(item.positiveLow()).as(id + " positiveLow").isCloseTo(low, within(TOLERANCE));
        assertThat(item.positiveHigh()).as(id + " positiveHigh").isCloseTo(high, within(TOLERANCE));
    }

    private static void assertCluster(GroupResult group, long n, double mean, double se, double nEffective) {
        ClusterFigures c1 = group.cluster("c1").orElseThrow();
        assertThat(c1.n()).isEqualTo(n);
        assertThat(c1.mean()).isCloseTo(mean, within(TOLERANCE));
        assertThat(c1.se()).isCloseTo(se, within(TOLERANCE));
        assertThat(c1.nEffective()).isCloseTo(nEffective, within(TOLERANCE));
    }

    @Test
    void precision_national() {
        GroupResult national = results(aggregator()).national();
        assertItem(national, "q1", 309, 3.448905453597, 0.073558665524, 273.546686848025,
                0.557833772590, 0.030079341613, 0.498339915921, 0.615712843825);
        assertItem(national, "g1", 318, 6.629898748608, 0.108807346701, 281.866414633393,
                0.734403209265, 0.026717486791, 0.678876778944, 0.783391845154);
        assertCluster(national, 343, 3.152126880662, 0.041059738344, 303.364287234795);
    }

    @Test
    void precision_institutionAndLocations() {
        Results results = results(aggregator());
        GroupResult a = results.group(Map.of("institution", "A")).orElseThrow();
        assertItem(a, "q1", 86, 3.442397630387, 0.128147211119, 81.787907119142,
                0.514981307988, 0.055560648913, 0.407083389683, 0.621500523011);
        assertItem(a, "g1", 90, 6.783437478742, 0.207948395380, 85.842065411532,
                0.724928977043, 0.048791689925, 0.619982169579, 0.809785369893);
        assertCluster(a, 98, 3.199390932266, 0.082144559583, 93.039254099403);
        GroupResult a01 = results.group(Map.of("institution", "A", "location", "01")).orElseThrow();
        assertItem(a01, "q1", 54, 3.391076897041, 0.169244239776, 51.549943723591,
                0.459138293756, 0.070273677984, 0.327733964013, 0.596481918880);
        assertItem(a01, "g1", 55, 6.708967314029, 0.265249913546, 52.596612468410,
                0.710178649277, 0.064105373090, 0.570969963881, 0.818570746411);
        assertCluster(a01, 59, 3.299552759942, 0.105061419557, 56.214486637168);
        GroupResult a02 = results.group(Map.of("institution", "A", "location", "02")).orElseThrow();
        assertItem(a02, "q1", 32, 3.537587683829, 0.191704828578, 30.386227798794,
                0.618559319496, 0.089739637164, 0.434866788690, 0.773625503538);
        assertItem(a02, "g1", 35, 6.907605038704, 0.338520902946, 33.304742299882,
                0.749522882728, 0.074983329346, 0.577679078195, 0.867483068971);
        assertCluster(a02, 39, 3.030920075412, 0.127738390394, 37.056932501760);
    }
}
