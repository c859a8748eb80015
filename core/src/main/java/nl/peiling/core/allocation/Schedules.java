package nl.peiling.core.allocation;

/**
 * Orders in which module combinations are dealt so that every prefix is balanced.
 *
 * <p>For two random modules out of n, {@link #pairs(int)} orders all n(n-1)/2 pairs so that after every
 * prefix the modules' counts differ by at most one, and every pair appears once: a one-factorization of
 * the complete graph K<sub>n</sub> by the circle method for even n (each round a perfect matching), and
 * for odd n Walecki's decomposition into (n-1)/2 Hamiltonian cycles, each cycle dealt as its even edges,
 * its closing edge and its odd edges. Both are textbook constructions, so no search is needed and the
 * guarantee holds for every n; a test checks it for n up to 64.
 */
final class Schedules {

    private Schedules() {}

    /** All pairs of {0..n-1} in a prefix-balanced order; each row is one pair. */
    static int[][] pairs(int n) {
        if (n < 2) {
            return new int[0][];
        }
        int[][] order = new int[n * (n - 1) / 2][];
        int at = 0;
        if (n % 2 == 0) {
            // Circle method: vertex n-1 is fixed, the others are Z_(n-1); round r pairs r with the fixed
            // vertex and r-j with r+j.
            int m = n - 1;
            for (int r = 0; r < m; r++) {
                order[at++] = new int[] {n - 1, r};
                for (int j = 1; j <= (n - 2) / 2; j++) {
                    order[at++] = new int[] {Math.floorMod(r - j, m), Math.floorMod(r + j, m)};
                }
            }
        } else {
            // Walecki: vertex n-1 is fixed, the others are Z_2m; the zigzag path 0, 1, -1, 2, -2, ..., m and
            // its shifts by 0..m-1 each close into a Hamiltonian cycle through the fixed vertex.
            int m = (n - 1) / 2;
            int size = 2 * m;
            int[] zigzag = new int[size];
            for (int t = 0; t < size; t++) {
                int j = (t + 1) / 2;
                zigzag[t] = t % 2 == 1 ? j : Math.floorMod(-j, size);
            }
            for (int shift = 0; shift < m; shift++) {
                int[] v = new int[n]; // the cycle v0 v1 ... v2m v0
                v[0] = n - 1;
                for (int t = 0; t < size; t++) {
                    v[t + 1] = (zigzag[t] + shift) % size;
                }
                // Even edges leave only v2m uncovered; the closing edge raises it with v0; the odd edges
                // then cover v1..v2m, which all stand one below v0. So every prefix differs by at most one.
                for (int t = 0; t < size; t += 2) {
                    order[at++] = new int[] {v[t], v[t + 1]};
                }
                order[at++] = new int[] {v[size], v[0]};
                for (int t = 1; t < size; t += 2) {
                    order[at++] = new int[] {v[t], v[t + 1]};
                }
            }
        }
        return order;
    }

    /**
     * A permutation of {0..n-1}, uniformly chosen by Fisher-Yates from the keyed hash of a counter: the
     * same key and counter give the same permutation on every JVM.
     */
    static int[] permutation(SipHash key, long counter, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(key, counter, p);
        return p;
    }

    /** Shuffles the array in place; see {@link #permutation}. The counter is below 2^31. */
    static void shuffle(SipHash key, long counter, int[] p) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = SipHash.below(key.hash(counter << 32 | i), i + 1);
            int swap = p[i];
            p[i] = p[j];
            p[j] = swap;
        }
    }
}
