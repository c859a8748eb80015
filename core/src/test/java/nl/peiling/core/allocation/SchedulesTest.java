package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    @Test
    void pairs_everyNUpTo64_dealsEachPairOnceWithBalancedPrefixes() {
        for (int n = 2; n <= 64; n++) {
            int[][] order = Schedules.pairs(n);
            assertThat(order.length).as("n=%d", n).isEqualTo(n * (n - 1) / 2);
            Set<Long> seen = new HashSet<>();
            int[] counts = new int[n];
            for (int[] pair : order) {
                assertThat(pair[0]).as("n=%d", n).isNotEqualTo(pair[1]).isBetween(0, n - 1);
                assertThat(pair[1]).isBetween(0, n - 1);
                assertThat(seen.add(1L << pair[0] | 1L << pair[1]))
                        .as("n=%d pair %s twice", n, Arrays.toString(pair))
                        .isTrue();
                counts[pair[0]]++;
                counts[pair[1]]++;
                int spread = Arrays.stream(counts).max().orElseThrow()
                        - Arrays.stream(counts).min().orElseThrow();
                assertThat(spread)
                        .as("n=%d after %d pairs: %s", n, seen.size(), Arrays.toString(counts))
                        .isLessThanOrEqualTo(1);
            }
            assertThat(counts).containsOnly(n - 1);
        }
    }

    @Test
    void pairs_fewerThanTwo_isEmpty() {
        assertThat(Schedules.pairs(0).length).isZero();
        assertThat(Schedules.pairs(1).length).isZero();
    }

    @Test
    void permutation_sameKeyAndCounter_sameShuffleOfAllElements() {
        SipHash key = new SipHash(1, 2);
        for (int n = 1; n <= 20; n++) {
            int[] p = Schedules.permutation(key, 7, n);
            assertThat(Arrays.stream(p).sorted().toArray())
                    .isEqualTo(IntStream.range(0, n).toArray());
            assertThat(Schedules.permutation(key, 7, n)).isEqualTo(p);
        }
        assertThat(Schedules.permutation(key, 7, 10)).isNotEqualTo(Schedules.permutation(key, 8, 10));
    }
}
