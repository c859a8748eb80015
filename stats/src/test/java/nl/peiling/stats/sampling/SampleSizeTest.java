package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SampleSizeTest {

    private static final SampleSize STANDARD = SampleSize.standard();

    static Stream<SamplingReference.Case> sampleSizes() {
        return SamplingReference.SAMPLE_SIZES.stream();
    }

    @ParameterizedTest
    @MethodSource("sampleSizes")
    void net_referenceTable_matchesJobsFormula(SamplingReference.Case expected) {
        assertThat(STANDARD.rawNet(expected.population()))
                .isCloseTo(expected.raw(), within(SamplingReference.TOLERANCE));
        assertThat(STANDARD.net(expected.population())).isEqualTo(expected.net());
    }

    @ParameterizedTest
    @MethodSource("sampleSizes")
    void gross_referenceTable_isNetPlusTenPercentRoundedUp(SamplingReference.Case expected) {
        assertThat(STANDARD.gross(expected.population())).isEqualTo(expected.gross());
    }

    @ParameterizedTest
    @MethodSource("sampleSizes")
    void achievedMargin_atNet_matchesReference(SamplingReference.Case expected) {
        assertThat(STANDARD.achievedMargin(expected.net(), expected.population()))
                .isCloseTo(expected.marginAtNet(), within(SamplingReference.TOLERANCE));
    }

    @Test
    void achievedMargin_referenceCases_match() {
        for (SamplingReference.Margin expected : SamplingReference.MARGINS) {
            assertThat(STANDARD.achievedMargin(expected.responses(), expected.population()))
                    .as("e(%d, %d)", expected.responses(), expected.population())
                    .isCloseTo(expected.margin(), within(SamplingReference.TOLERANCE));
        }
    }

    @Test
    void gross_netOf50_is55NotTheDoubleArithmetic56() {
        assertThat(1.1 * 50).as("the trap").isGreaterThan(55.0);
        for (SamplingReference.Case expected : SamplingReference.EXACT_GROSS) {
            assertThat(STANDARD.net(expected.population())).isEqualTo(expected.net());
            assertThat(STANDARD.gross(expected.population())).isEqualTo(expected.gross());
        }
        assertThat(STANDARD.grossOfNet(50)).isEqualTo(55);
        assertThat(STANDARD.grossOfNet(0)).isZero();
    }

    @Test
    void net_fractionBelowOneHundredth_roundsDownAsJobDoes() {
        for (SamplingReference.Case expected : SamplingReference.ROUNDS_DOWN) {
            assertThat(STANDARD.rawNet(expected.population()))
                    .isCloseTo(expected.raw(), within(SamplingReference.TOLERANCE));
            assertThat(STANDARD.net(expected.population())).isEqualTo(expected.net());
            assertThat(STANDARD.gross(expected.population())).isEqualTo(expected.gross());
            assertThat(STANDARD.achievedMargin(expected.net() + 1, expected.population()))
                    .isLessThanOrEqualTo(5.0);
        }
        assertThat(STANDARD.achievedMargin(130, 196)).isCloseTo(5.000450, within(SamplingReference.TOLERANCE));
    }

    @Test
    void net_populationOfOne_isOne() {
        assertThat(STANDARD.rawNet(1)).isEqualTo(1.0);
        assertThat(STANDARD.net(1)).isEqualTo(1);
        assertThat(STANDARD.gross(1)).isEqualTo(2);
    }

    @Test
    void gross_smallPopulation_mayExceedThePopulation() {
        assertThat(STANDARD.net(10)).isEqualTo(10);
        assertThat(STANDARD.gross(10)).isEqualTo(11);
    }

    @Test
    void net_largePopulation_approachesTheInfiniteLimit() {
        // z²·p(100 − p)/e² = 3.8416 · 2500 / 25 = 384.16 is the limit; + 0.99 and floor give 385.
        assertThat(STANDARD.net(1_000_000_000L)).isEqualTo(385);
        assertThat(STANDARD.net(Long.MAX_VALUE)).isEqualTo(385);
    }

    @Test
    void achievedMargin_noResponses_isInfinite() {
        assertThat(STANDARD.achievedMargin(0, 1000)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(STANDARD.achievedMargin(0, 1)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void achievedMargin_census_isZero() {
        assertThat(STANDARD.achievedMargin(1, 1)).isZero();
        assertThat(STANDARD.achievedMargin(100, 100)).isZero();
    }

    @Test
    void withConfidence_levels_useJobsZValues() {
        assertThat(STANDARD.withConfidence(90).z()).isEqualTo(1.645);
        assertThat(STANDARD.withConfidence(95).z()).isEqualTo(1.96);
        assertThat(STANDARD.withConfidence(99).z()).isEqualTo(2.576);
        // By hand: 2.576² · 2500 = 16589.44; 1000 · 16589.44 / (16589.44 + 999 · 25) = 399.1258 → 400.
        assertThat(STANDARD.withConfidence(99).net(1000)).isEqualTo(400);
        // 1.645² · 2500 = 6765.0625; 1000 · 6765.0625 / (6765.0625 + 24975) = 213.1395 → 214.
        assertThat(STANDARD.withConfidence(90).net(1000)).isEqualTo(214);
    }

    @Test
    void withMarginProportionExtra_changeOnlyTheirParameter() {
        SampleSize custom = STANDARD.withMargin(3).withProportion(20).withExtra(25);
        assertThat(custom.margin()).isEqualTo(3.0);
        assertThat(custom.proportion()).isEqualTo(20.0);
        assertThat(custom.extra()).isEqualTo(25.0);
        assertThat(custom.confidence()).isEqualTo(95);
        assertThat(STANDARD).isEqualTo(SampleSize.standard());
        // By hand: 3.8416 · 1600 = 6146.56; 1000 · 6146.56 / (6146.56 + 999 · 9) = 406.0469 → 407; 407 · 1.25 = 508.75.
        assertThat(custom.net(1000)).isEqualTo(407);
        assertThat(custom.gross(1000)).isEqualTo(509);
        assertThat(custom).hasToString("SampleSize[confidence=95%, z=1.96, p=20, e=3, extra=25%]");
    }

    @Test
    void standard_toString_showsTheParameters() {
        assertThat(STANDARD).hasToString("SampleSize[confidence=95%, z=1.96, p=50, e=5, extra=10%]");
        assertThat(STANDARD.withMargin(5.0)).isEqualTo(STANDARD).hasSameHashCodeAs(STANDARD);
    }

    @Test
    void net_populationBelowOne_isRejectedNamingTheValue() {
        assertThatThrownBy(() -> STANDARD.net(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("population (0) must be >= 1");
        assertThatThrownBy(() -> STANDARD.gross(-5)).hasMessage("population (-5) must be >= 1");
        assertThatThrownBy(() -> STANDARD.rawNet(0)).hasMessage("population (0) must be >= 1");
    }

    @Test
    void achievedMargin_badCounts_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> STANDARD.achievedMargin(-1, 100)).hasMessage("responses (-1) must be >= 0");
        assertThatThrownBy(() -> STANDARD.achievedMargin(101, 100))
                .hasMessage("responses (101) must be <= population (100)");
        assertThatThrownBy(() -> STANDARD.achievedMargin(0, 0)).hasMessage("population (0) must be >= 1");
    }

    @Test
    void withX_badParameters_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> STANDARD.withConfidence(80)).hasMessage("confidence (80) must be 90, 95 or 99");
        assertThatThrownBy(() -> STANDARD.withMargin(0))
                .hasMessage("margin (0) must be > 0 and <= 100 percentage points");
        assertThatThrownBy(() -> STANDARD.withMargin(Double.NaN))
                .hasMessage("margin (NaN) must be > 0 and <= 100 percentage points");
        assertThatThrownBy(() -> STANDARD.withProportion(100))
                .hasMessage("proportion (100) must be > 0 and < 100 percent");
        assertThatThrownBy(() -> STANDARD.withExtra(-2.5)).hasMessage("extra (-2.5) must be a finite percentage >= 0");
        assertThatThrownBy(() -> STANDARD.withExtra(Double.POSITIVE_INFINITY))
                .hasMessage("extra (Infinity) must be a finite percentage >= 0");
        assertThatThrownBy(() -> STANDARD.grossOfNet(-1)).hasMessage("net (-1) must be >= 0");
    }
}
