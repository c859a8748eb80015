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
    private static void assertItem(
            GroupResult group,
            String id,
            long n,
            double mean,
            double se,
            double nEffective,
            double positive,
            double positiveSe,
            double low,
            double high) {
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
        assertItem(
                national,
                "q1",
                309,
                3.448905453597,
                0.073558665524,
                273.546686848025,
                0.557833772590,
                0.030079341613,
                0.498339915921,
                0.615712843825);
        assertItem(
                national,
                "g1",
                318,
                6.629898748608,
                0.108807346701,
                281.866414633393,
                0.734403209265,
                0.026717486791,
                0.678876778944,
                0.783391845154);
        assertCluster(national, 343, 3.152126880662, 0.041059738344, 303.364287234795);
    }

    @Test
    void precision_institutionAndLocations() {
        Results results = results(aggregator());
        GroupResult a = results.group(Map.of("institution", "A")).orElseThrow();
        assertItem(
                a,
                "q1",
                86,
                3.442397630387,
                0.128147211119,
                81.787907119142,
                0.514981307988,
                0.055560648913,
                0.407083389683,
                0.621500523011);
        assertItem(
                a,
                "g1",
                90,
                6.783437478742,
                0.207948395380,
                85.842065411532,
                0.724928977043,
                0.048791689925,
                0.619982169579,
                0.809785369893);
        assertCluster(a, 98, 3.199390932266, 0.082144559583, 93.039254099403);
        GroupResult a01 =
                results.group(Map.of("institution", "A", "location", "01")).orElseThrow();
        assertItem(
                a01,
                "q1",
                54,
                3.391076897041,
                0.169244239776,
                51.549943723591,
                0.459138293756,
                0.070273677984,
                0.327733964013,
                0.596481918880);
        assertItem(
                a01,
                "g1",
                55,
                6.708967314029,
                0.265249913546,
                52.596612468410,
                0.710178649277,
                0.064105373090,
                0.570969963881,
                0.818570746411);
        assertCluster(a01, 59, 3.299552759942, 0.105061419557, 56.214486637168);
        GroupResult a02 =
                results.group(Map.of("institution", "A", "location", "02")).orElseThrow();
        assertItem(
                a02,
                "q1",
                32,
                3.537587683829,
                0.191704828578,
                30.386227798794,
                0.618559319496,
                0.089739637164,
                0.434866788690,
                0.773625503538);
        assertItem(
                a02,
                "g1",
                35,
                6.907605038704,
                0.338520902946,
                33.304742299882,
                0.749522882728,
                0.074983329346,
                0.577679078195,
                0.867483068971);
        assertCluster(a02, 39, 3.030920075412, 0.127738390394, 37.056932501760);
    }

    private static CaseMix caseMix(Results results, String institution, String id) {
        return results.benchmarks().stream()
                .filter(b -> b.institution().equals(institution) && b.id().equals(id))
                .findFirst()
                .orElseThrow()
                .caseMix();
    }

    /** One caseMix line of expected.txt: coverage, own, expected, difference, se, z, p. */
    private static void assertCaseMix(
            Results results,
            String institution,
            String id,
            double coverage,
            double own,
            double expected,
            double difference,
            double se,
            double z,
            double p) {
        CaseMix mix = caseMix(results, institution, id);
        assertThat(mix).as(institution + " " + id).isNotNull();
        assertThat(mix.coverage()).as("coverage").isCloseTo(coverage, within(TOLERANCE));
        assertThat(mix.own()).as("own").isCloseTo(own, within(TOLERANCE));
        assertThat(mix.expected()).as("expected").isCloseTo(expected, within(TOLERANCE));
        assertThat(mix.difference()).as("difference").isCloseTo(difference, within(TOLERANCE));
        assertThat(mix.se()).as("se").isCloseTo(se, within(TOLERANCE));
        assertThat(mix.z()).as("z").isCloseTo(z, within(TOLERANCE));
        assertThat(mix.p()).as("p").isCloseTo(p, within(TOLERANCE));
        assertThat(mix.significant()).isEqualTo(p < 0.05);
    }

    @Test
    void caseMix_levelAndPathway() {
        // At minimum n 5, so that 7 to 9 respondents outside the covered cells may be shown.
        Results results = results(aggregator().withMinN(5));
        assertThat(results.caseMixFactors()).containsExactly("level", "pathway");
        assertCaseMix(
                results,
                "A",
                "q1",
                0.907824122180,
                3.445507942877,
                3.327308366673,
                0.118199576204,
                0.206350354981,
                0.572810142320,
                0.566773251092);
        assertCaseMix(
                results,
                "A",
                "g1",
                0.921526515777,
                6.838797727768,
                7.052963077147,
                -0.214165349379,
                0.288453652553,
                -0.742460175086,
                0.457808572321);
        assertCaseMix(
                results,
                "A",
                "c1",
                0.918121613486,
                3.239904921416,
                3.051758562579,
                0.188146358837,
                0.124592997744,
                1.510087743644,
                0.131021036475);
        assertCaseMix(
                results,
                "B",
                "q1",
                0.878260869565,
                3.490099009901,
                3.445576773719,
                0.044522236182,
                0.186637811394,
                0.238548854861,
                0.811455428066);
        assertCaseMix(
                results,
                "B",
                "g1",
                0.895582329317,
                6.313901345291,
                6.721346394080,
                -0.407445048788,
                0.271254215682,
                -1.502078217528,
                0.133076909655);
        assertCaseMix(
                results,
                "B",
                "c1",
                0.883268482490,
                3.212187958884,
                3.158214065363,
                0.053973893521,
                0.088498238146,
                0.609886644659,
                0.541936900068);
    }

    @Test
    void caseMix_levelOnly_coversAllAndOwnEqualsTheBenchmarksOwn() {
        Results results = results(aggregator().withCaseMix(java.util.Set.of(Dimension.LEVEL)));
        assertThat(results.caseMixFactors()).containsExactly("level");
        assertCaseMix(
                results,
                "A",
                "q1",
                1.0,
                3.442397630387,
                3.374466204411,
                0.067931425976,
                0.173679662544,
                0.391130573270,
                0.695700722913);
        assertCaseMix(
                results,
                "A",
                "g1",
                1.0,
                6.783437478742,
                6.854966841264,
                -0.071529362522,
                0.269659004750,
                -0.265258571984,
                0.790810276425);
        assertCaseMix(
                results,
                "A",
                "c1",
                1.0,
                3.199390932266,
                3.085500722675,
                0.113890209591,
                0.099258326807,
                1.147412144197,
                0.251211324421);
        BenchmarkFigures q1 = results.benchmarks().stream()
                .filter(b -> b.institution().equals("A") && b.id().equals("q1"))
                .findFirst()
                .orElseThrow();
        assertThat(q1.caseMix().own()).isCloseTo(q1.own(), within(1e-12));
    }

    @Test
    void caseMix_sevenToNineOutsideTheCoveredCells_isWithheldAtMinimumTen() {
        // R: A has 8 (q1), 7 (g1), 8 (c1) respondents outside its covered level × pathway cells; B 8, 7, 9.
        Results results = results(aggregator());
        for (String id : new String[] {"q1", "g1", "c1"}) {
            assertThat(caseMix(results, "A", id)).as("A " + id).isNull();
            assertThat(caseMix(results, "B", id)).as("B " + id).isNull();
        }
    }
}
