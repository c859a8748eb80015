package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

/**
 * The sample size formula's properties, each on 1,000 seeded tries; a failure names its seed, which reproduces the
 * parameters and the population.
 */
class SampleSizeProperties {

    private static final int TRIES = 1000;

    /** Realistic parameters: any confidence level, e from 1 to 20 points, p from 1 to 99 %, extra 0 to 50 %. */
    private static SampleSize parameters(SplittableRandom random) {
        int[] confidences = {90, 95, 99};
        return SampleSize.standard()
                .withConfidence(confidences[random.nextInt(confidences.length)])
                .withMargin(Tries.intIn(random, 10, 200) / 10.0)
                .withProportion(Tries.intIn(random, 1, 99))
                .withExtra(Tries.intIn(random, 0, 50));
    }

    @Test
    void net_isNonDecreasingInThePopulation() {
        Tries.check(
                TRIES, draw -> net_isNonDecreasingInThePopulation(parameters(draw), Tries.longIn(draw, 1, 2_000_000)));
    }

    private static void net_isNonDecreasingInThePopulation(SampleSize size, long population) {
        assertThat(size.net(population + 1)).isGreaterThanOrEqualTo(size.net(population));
    }

    @Test
    void net_standardParameters_isNonDecreasingOverConsecutivePopulations() {
        Tries.check(
                TRIES,
                draw -> net_standardParameters_isNonDecreasingOverConsecutivePopulations(
                        Tries.intIn(draw, 1, 100_000)));
    }

    private static void net_standardParameters_isNonDecreasingOverConsecutivePopulations(int population) {
        SampleSize standard = SampleSize.standard();
        assertThat(standard.net(population + 1)).isGreaterThanOrEqualTo(standard.net(population));
    }

    @Test
    void net_isBetweenOneAndThePopulation() {
        Tries.check(
                TRIES, draw -> net_isBetweenOneAndThePopulation(parameters(draw), Tries.longIn(draw, 1, 10_000_000)));
    }

    private static void net_isBetweenOneAndThePopulation(SampleSize size, long population) {
        assertThat(size.net(population)).isBetween(1L, population);
    }

    @Test
    void net_isTheRawValuePlusPointNineNineFloored() {
        Tries.check(
                TRIES,
                draw -> net_isTheRawValuePlusPointNineNineFloored(parameters(draw), Tries.longIn(draw, 1, 10_000_000)));
    }

    private static void net_isTheRawValuePlusPointNineNineFloored(SampleSize size, long population) {
        double raw = size.rawNet(population);
        long net = size.net(population);
        // The exact decimal result agrees with the double formula except within rounding noise of a boundary.
        assertThat((double) net).isBetween(Math.floor(raw + 0.99 - 1e-9), Math.floor(raw + 0.99 + 1e-9));
    }

    /**
     * The margin at net is at most e; the one exception is JOB's {@code + 0.99} rounding down when the raw value's
     * fraction is below 0.01, and then one more response reaches e.
     */
    @Test
    void achievedMargin_atNet_isAtMostTheMargin() {
        Tries.check(
                TRIES,
                draw -> achievedMargin_atNet_isAtMostTheMargin(parameters(draw), Tries.longIn(draw, 1, 10_000_000)));
    }

    private static void achievedMargin_atNet_isAtMostTheMargin(SampleSize size, long population) {
        long net = size.net(population);
        double margin = size.achievedMargin(net, population);
        double raw = size.rawNet(population);
        if (net >= raw) {
            assertThat(margin).isLessThanOrEqualTo(size.margin() * (1 + 1e-12));
        } else {
            assertThat(raw - net).isLessThan(0.01 + 1e-9);
            assertThat(size.achievedMargin(net + 1, population)).isLessThanOrEqualTo(size.margin() * (1 + 1e-12));
        }
    }

    @Test
    void gross_isAtLeastNetAndAtMostNetPlusExtraPlusOne() {
        Tries.check(
                TRIES,
                draw -> gross_isAtLeastNetAndAtMostNetPlusExtraPlusOne(
                        parameters(draw), Tries.longIn(draw, 1, 10_000_000)));
    }

    private static void gross_isAtLeastNetAndAtMostNetPlusExtraPlusOne(SampleSize size, long population) {
        long net = size.net(population);
        long gross = size.gross(population);
        assertThat(gross).isGreaterThanOrEqualTo(net);
        assertThat((double) gross).isLessThan(net * (100 + size.extra()) / 100 + 1);
    }

    @Test
    void achievedMargin_isNonIncreasingInResponses() {
        Tries.check(
                TRIES,
                draw -> achievedMargin_isNonIncreasingInResponses(
                        parameters(draw), Tries.longIn(draw, 2, 1_000_000), Tries.longIn(draw, 1, 1_000_000)));
    }

    private static void achievedMargin_isNonIncreasingInResponses(SampleSize size, long population, long responses) {
        long n = Math.min(responses, population - 1);
        assertThat(size.achievedMargin(n + 1, population)).isLessThanOrEqualTo(size.achievedMargin(n, population));
    }
}
