package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SampleSizeProperties {

    /** Realistic parameters: any confidence level, e from 1 to 20 points, p from 1 to 99 %, extra 0 to 50 %. */
    @Provide
    Arbitrary<SampleSize> parameters() {
        return Combinators.combine(
                        Arbitraries.of(90, 95, 99),
                        Arbitraries.integers().between(10, 200).map(tenths -> tenths / 10.0),
                        Arbitraries.integers().between(1, 99),
                        Arbitraries.integers().between(0, 50))
                .as((confidence, margin, proportion, extra) -> SampleSize.standard()
                        .withConfidence(confidence)
                        .withMargin(margin)
                        .withProportion(proportion)
                        .withExtra(extra));
    }

    @Property
    void net_isNonDecreasingInThePopulation(
            @ForAll("parameters") SampleSize size, @ForAll @LongRange(min = 1, max = 2_000_000) long population) {
        assertThat(size.net(population + 1)).isGreaterThanOrEqualTo(size.net(population));
    }

    @Property
    void net_standardParameters_isNonDecreasingOverConsecutivePopulations(
            @ForAll @IntRange(min = 1, max = 100_000) int population) {
        SampleSize standard = SampleSize.standard();
        assertThat(standard.net(population + 1)).isGreaterThanOrEqualTo(standard.net(population));
    }

    @Property
    void net_isBetweenOneAndThePopulation(
            @ForAll("parameters") SampleSize size, @ForAll @LongRange(min = 1, max = 10_000_000) long population) {
        assertThat(size.net(population)).isBetween(1L, population);
    }

    @Property
    void net_isTheRawValuePlusPointNineNineFloored(
            @ForAll("parameters") SampleSize size, @ForAll @LongRange(min = 1, max = 10_000_000) long population) {
        double raw = size.rawNet(population);
        long net = size.net(population);
        // The exact decimal result agrees with the double formula except within rounding noise of a boundary.
        assertThat((double) net).isBetween(Math.floor(raw + 0.99 - 1e-9), Math.floor(raw + 0.99 + 1e-9));
    }

    /**
     * The margin at net is at most e; the one exception is JOB's {@code + 0.99} rounding down when the raw value's
     * fraction is below 0.01, and then one more response reaches e.
     */
    @Property
    void achievedMargin_atNet_isAtMostTheMargin(
            @ForAll("parameters") SampleSize size, @ForAll @LongRange(min = 1, max = 10_000_000) long population) {
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

    @Property
    void gross_isAtLeastNetAndAtMostNetPlusExtraPlusOne(
            @ForAll("parameters") SampleSize size, @ForAll @LongRange(min = 1, max = 10_000_000) long population) {
        long net = size.net(population);
        long gross = size.gross(population);
        assertThat(gross).isGreaterThanOrEqualTo(net);
        assertThat((double) gross).isLessThan(net * (100 + size.extra()) / 100 + 1);
    }

    @Property
    void achievedMargin_isNonIncreasingInResponses(
            @ForAll("parameters") SampleSize size,
            @ForAll @LongRange(min = 2, max = 1_000_000) long population,
            @ForAll @LongRange(min = 1, max = 1_000_000) long responses) {
        long n = Math.min(responses, population - 1);
        assertThat(size.achievedMargin(n + 1, population)).isLessThanOrEqualTo(size.achievedMargin(n, population));
    }
}
