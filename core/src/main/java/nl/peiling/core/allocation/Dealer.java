package nl.peiling.core.allocation;

/**
 * Deals module combinations to the respondents of one stratum in rank order, so that after every
 * respondent the counts of the random modules differ by at most one (when the plan is complete).
 *
 * <ul>
 *   <li>Two random modules: the pairs in the order of {@link Schedules#pairs}, with the pool's modules
 *       relabelled by a fresh keyed permutation in every cycle. Every cycle deals each pair once, so the
 *       counts of pairs differ by at most one as well.
 *   <li>One or three and more: a stream of keyed permutations of the pool, cut into groups of k; a group
 *       that straddles two permutations is kept free of repeats by moving the repeated modules further
 *       into the next permutation. Every prefix of the stream holds each module equally often, give or
 *       take one.
 *   <li>A plan whose length budget rules out some combinations: greedily the allowed combination with the
 *       least-dealt modules, then the least-dealt pairs, then the least-dealt combination, ties broken by
 *       a keyed order. Balance is then best effort.
 * </ul>
 *
 * <p>A dealer is used by one thread; the stratum's key makes it independent of every other stratum.
 */
abstract class Dealer {

    final Pool pool;
    final SipHash key;

    Dealer(Pool pool, SipHash key) {
        this.pool = pool;
        this.key = key;
    }

    /** The combination for the next respondent in rank order. */
    abstract Pool.Combo next();

    static Dealer of(Pool pool, SipHash key) {
        if (pool.combos.length == 1) {
            return new Fixed(pool, key);
        }
        if (!pool.plan.complete()) {
            return new Greedy(pool, key);
        }
        if (pool.k == 2) {
            return new Pairs(pool, key);
        }
        return new Stream(pool, key);
    }

    /** One combination only (no random modules, or the whole pool). */
    static final class Fixed extends Dealer {
        Fixed(Pool pool, SipHash key) {
            super(pool, key);
        }

        @Override
        Pool.Combo next() {
            return pool.combos[0];
        }
    }

    /** Two random modules: balanced pair schedule, relabelled per cycle. */
    static final class Pairs extends Dealer {
        private final int[][] order;
        private int position;
        private long cycle;
        private final int[] labels;

        Pairs(Pool pool, SipHash key) {
            super(pool, key);
            this.order = Schedules.pairs(pool.n);
            this.labels = new int[pool.n];
        }

        @Override
        Pool.Combo next() {
            if (position == 0) {
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = i;
                }
                Schedules.shuffle(key, cycle++, labels);
            }
            int[] pair = order[position];
            position = position + 1 == order.length ? 0 : position + 1;
            return pool.combo(1L << labels[pair[0]] | 1L << labels[pair[1]]);
        }
    }

    /** One, or three and more, random modules: a cut stream of keyed permutations. */
    static final class Stream extends Dealer {
        private int[] current;
        private int position;
        private long counter;

        Stream(Pool pool, SipHash key) {
            super(pool, key);
            this.position = pool.n; // the first call draws a permutation
        }

        @Override
        Pool.Combo next() {
            long mask = 0;
            int taken = 0;
            while (taken < pool.k) {
                if (position == pool.n) {
                    current = Schedules.permutation(key, counter++, pool.n);
                    position = 0;
                    repair(mask, pool.k - taken);
                }
                mask |= 1L << current[position++];
                taken++;
            }
            return pool.combo(mask);
        }

        /** Moves modules already in this group out of the first {@code need} places of the new permutation. */
        private void repair(long taken, int need) {
            if (taken == 0) {
                return;
            }
            int spare = need;
            for (int i = 0; i < need; i++) {
                if ((taken >>> current[i] & 1) != 0) {
                    while ((taken >>> current[spare] & 1) != 0) {
                        spare++;
                    }
                    int swap = current[i];
                    current[i] = current[spare];
                    current[spare] = swap;
                }
            }
        }
    }

    /** A plan with combinations ruled out by the length budget: greedy, best effort. */
    static final class Greedy extends Dealer {
        private final int[] modules;
        private final int[][] pairs;
        private final int[] used;
        private final int[] tie;

        Greedy(Pool pool, SipHash key) {
            super(pool, key);
            this.modules = new int[pool.n];
            this.pairs = new int[pool.n][pool.n];
            this.used = new int[pool.combos.length];
            this.tie = Schedules.permutation(key, 0, pool.combos.length);
        }

        @Override
        Pool.Combo next() {
            Pool.Combo best = null;
            long bestSingles = 0;
            long bestPairs = 0;
            for (Pool.Combo combo : pool.combos) {
                long singles = 0;
                long together = 0;
                for (int a = 0; a < pool.n; a++) {
                    if ((combo.mask >>> a & 1) != 0) {
                        singles += modules[a];
                        for (int b = a + 1; b < pool.n; b++) {
                            if ((combo.mask >>> b & 1) != 0) {
                                together += pairs[a][b];
                            }
                        }
                    }
                }
                if (best == null
                        || singles < bestSingles
                        || singles == bestSingles && together < bestPairs
                        || singles == bestSingles && together == bestPairs && better(combo, best)) {
                    best = combo;
                    bestSingles = singles;
                    bestPairs = together;
                }
            }
            used[best.index]++;
            for (int a = 0; a < pool.n; a++) {
                if ((best.mask >>> a & 1) != 0) {
                    modules[a]++;
                    for (int b = a + 1; b < pool.n; b++) {
                        if ((best.mask >>> b & 1) != 0) {
                            pairs[a][b]++;
                        }
                    }
                }
            }
            return best;
        }

        private boolean better(Pool.Combo combo, Pool.Combo best) {
            if (used[combo.index] != used[best.index]) {
                return used[combo.index] < used[best.index];
            }
            return tie[combo.index] < tie[best.index];
        }
    }
}
