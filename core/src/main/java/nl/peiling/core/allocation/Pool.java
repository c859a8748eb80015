package nl.peiling.core.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One institution's plan prepared for dealing: its pool as bit positions, its allowed combinations as bit
 * sets, and for each combination the respondent's whole module list, built once and shared.
 */
final class Pool {

    /** A combination of random modules with the module list of a respondent who gets it. */
    static final class Combo {
        final int index;
        final int id;
        final long mask;
        final List<String> modules;
        final int random;

        Combo(int index, int id, long mask, List<String> modules, int random) {
            this.index = index;
            this.id = id;
            this.mask = mask;
            this.modules = modules;
            this.random = random;
        }
    }

    final InstitutionPlan plan;
    final int n;
    final int k;
    final Combo[] combos;
    final SipHash statelessKey;
    final Map<String, Integer> strata = new HashMap<>();
    private final long[] sortedMasks;
    private final int[] sortedIndex;

    /**
     * @param firstId the allocator-wide id of this pool's first combination: results store one int per
     *     respondent rather than a reference, which the garbage collector's write barrier makes costly
     */
    Pool(InstitutionPlan plan, SipHash statelessKey, int firstId) {
        this.plan = plan;
        this.n = plan.pool().size();
        this.k = plan.randomPerRespondent();
        this.statelessKey = statelessKey;
        List<List<String>> combinations = plan.combinations();
        this.combos = new Combo[combinations.size()];
        for (int c = 0; c < combos.length; c++) {
            long mask = 0;
            for (String module : combinations.get(c)) {
                mask |= 1L << plan.pool().indexOf(module);
            }
            List<String> modules = new ArrayList<>(1 + plan.chosen().size() + k);
            modules.add(plan.base());
            modules.addAll(plan.chosen());
            modules.addAll(combinations.get(c));
            combos[c] = new Combo(
                    c,
                    firstId + c,
                    mask,
                    List.copyOf(modules),
                    combinations.get(c).size());
        }
        Combo[] byMask = combos.clone();
        Arrays.sort(byMask, (a, b) -> Long.compare(a.mask, b.mask));
        sortedMasks = Arrays.stream(byMask).mapToLong(c -> c.mask).toArray();
        sortedIndex = Arrays.stream(byMask).mapToInt(c -> c.index).toArray();
    }

    /** The combination with this bit set of pool positions. */
    Combo combo(long mask) {
        int at = Arrays.binarySearch(sortedMasks, mask);
        if (at < 0) {
            throw new IllegalStateException(
                    "combination " + Long.toBinaryString(mask) + " is not allowed for " + plan.institution());
        }
        return combos[sortedIndex[at]];
    }

    /** The stateless choice: the keyed hash of the respondent key, uniform over the allowed combinations. */
    Combo stateless(String respondentKey) {
        if (combos.length == 1) {
            return combos[0];
        }
        return combos[SipHash.below(statelessKey.hashUtf8(respondentKey), combos.length)];
    }
}
