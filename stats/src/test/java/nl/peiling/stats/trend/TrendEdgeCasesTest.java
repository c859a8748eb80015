package nl.peiling.stats.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.AggregatorFixtures;
import nl.peiling.stats.scores.Normal;
import nl.peiling.stats.scores.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend at its edges, unweighted, against hand calculations written out in each test. */
class TrendEdgeCasesTest {

    private static final double EXACT = 1e-12;
    private static final String HEADER =
            "respondent,institution,location,level,pathway,modules,q1,q2,q3,g1,s1,m1,n1,t1,o1,o2,o3";

    @TempDir
    Path dir;

    /** 35 respondents of X answering q1 from {@code q1} in turn and q2 = 4, and 5 of Y; one of Z. */
    private Results results(String name, int minN, int... q1) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 0; i < 40; i++) {
            String institution = i < 35 ? "X" : "Y";
            lines.add("r" + i + "," + institution + ",01,2,BOL,basis," + q1[i % q1.length] + ",4,,,,,,,,,");
        }
        lines.add("z,Z,01,2,BOL,basis,3,4,,,,,,,,,");
        Path file = Files.write(dir.resolve(name), lines);
        return Aggregator.of(AggregatorFixtures.edition())
                .withMinN(minN)
                .aggregate(file)
                .results();
    }

    private static Comparison find(Trend trend, Map<String, String> key, String id, String measure) {
        return trend.comparisons().stream()
                .filter(c ->
                        c.key().equals(key) && c.id().equals(id) && c.measure().equals(measure))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void largeChange_isSignificantAndNotable_constantItemHasNoTest_familyOfOneKeepsItsP() throws IOException {
        // The nation: q1 = 2, 3, … (41 values, 21 of 2 with Z's 3: 20 of 3 + 1) before; 3, 4, … after.
        Trend trend = Trends.standard().compare(results("a.csv", 10, 2, 3), "a", results("b.csv", 10, 3, 4), "b");
        Comparison q1 = find(trend, Map.of("institution", "X"), "q1", "mean");
        // X: 35 answers, 18 × 2 and 17 × 3 before (mean 87/35), 18 × 3 and 17 × 4 after (mean 122/35).
        assertThat(q1.difference()).isCloseTo(1.0, within(EXACT));
        double variance = 18 * 17 / (35.0 * 35.0) * 35 / 34; // n/(n−1) · p(1 − p), the same both times
        assertThat(q1.se()).isCloseTo(Math.sqrt(2 * variance / 35), within(EXACT));
        assertThat(q1.z()).isCloseTo(1 / Math.sqrt(2 * variance / 35), within(1e-9));
        assertThat(q1.p()).isCloseTo(Normal.twoSidedP(q1.z()), within(EXACT));
        assertThat(q1.cohensD()).isCloseTo(1 / Math.sqrt(variance), within(1e-9));
        assertThat(q1.significant()).isTrue();
        assertThat(q1.notable()).isTrue();

        // q2 = 4 for everyone on both sides: se exactly 0, no test, and not in the family.
        Comparison q2 = find(trend, Map.of("institution", "X"), "q2", "mean");
        assertThat(q2.difference()).isEqualTo(0.0);
        assertThat(q2.se()).isEqualTo(0.0);
        assertThat(q2.z()).isNull();
        assertThat(q2.p()).isNull();
        assertThat(q2.q()).isNull();
        assertThat(q2.significant()).isNull();

        // The positive share family of X: q1 (0 → 17/35) and q2 (1 → 1, se 0, no test): one comparison, q = p.
        Comparison share = find(trend, Map.of("institution", "X"), "q1", "positive");
        assertThat(share.previous()).isEqualTo(0.0);
        assertThat(share.q()).isEqualTo(share.p());
        assertThat(share.notable()).isTrue();
        assertThat(find(trend, Map.of("institution", "X"), "q2", "positive").se())
                .isEqualTo(0.0);

        // The mean family of X is q1 and the cluster c1 (score (q1 + q2)/2): BH over two p values.
        Comparison c1 = find(trend, Map.of("institution", "X"), "c1", "mean");
        double[] q = BenjaminiHochberg.adjust(new double[] {q1.p(), c1.p()});
        assertThat(q1.q()).isEqualTo(q[0]);
        assertThat(c1.q()).isEqualTo(q[1]);
        assertThat(c1.difference()).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void suppressedSide_isNullValued() throws IOException {
        Trend trend = Trends.standard().compare(results("a.csv", 10, 2, 3), "a", results("b.csv", 10, 3, 4), "b");
        Comparison y = find(trend, Map.of("institution", "Y"), "q1", "mean");
        assertThat(y.suppressed()).isTrue();
        assertThat(y.comparable()).isTrue();
        assertThat(y.previous()).isNull();
        assertThat(y.current()).isNull();
        assertThat(y.difference()).isNull();
        assertThat(y.p()).isNull();
        assertThat(trend.comparisons()).filteredOn(c -> c.key().isEmpty()).isNotEmpty();
        assertThat(trend.summary()).startsWith("t -> t: ");
    }

    @Test
    void oneRespondent_hasNoSeAndNoTest() throws IOException {
        Trend trend = Trends.standard().compare(results("a.csv", 1, 2, 3), "a", results("b.csv", 1, 3, 4), "b");
        Comparison z = find(trend, Map.of("institution", "Z"), "q1", "mean");
        assertThat(z.suppressed()).isFalse();
        assertThat(z.difference()).isEqualTo(0.0);
        assertThat(z.se()).isNull();
        assertThat(z.p()).isNull();
        assertThat(z.notable()).isNull();
    }

    @Test
    void materiality_significantButSmall_isNotNotable() {
        Comparison mean = new Comparison(
                Map.of(),
                "item",
                "q1",
                "mean",
                3.0,
                3.05,
                0.05,
                0.01,
                5.0,
                Normal.twoSidedP(5),
                null,
                null,
                true,
                false,
                0.05,
                null);
        Comparison sized = mean.withQ(1e-6, Materiality.STANDARD);
        assertThat(sized.significant()).isTrue();
        assertThat(sized.notable()).as("d 0.05 < 0.2").isFalse();
        assertThat(mean.withQ(1e-6, new Materiality(0.05, 0.025)).notable())
                .as("d at the minimum")
                .isTrue();
        Comparison share = new Comparison(
                Map.of(),
                "item",
                "q1",
                "positive",
                0.5,
                0.52,
                0.02,
                0.001,
                20.0,
                Normal.twoSidedP(20),
                null,
                null,
                true,
                false,
                null,
                null);
        assertThat(share.withQ(1e-9, Materiality.STANDARD).notable())
                .as("2 < 2.5 points")
                .isFalse();
        assertThat(share.withQ(1e-9, new Materiality(0.2, 0.02)).notable()).isTrue();
        assertThat(share.withQ(0.05, Materiality.STANDARD).significant())
                .as("q = 0.05 is not below")
                .isFalse();
        assertThatThrownBy(() -> new Materiality(-0.1, 0.025)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Materiality(0.2, 2.5))
                .hasMessage("minimum share difference (2.5) must be >= 0 and <= 1");
    }
}
