package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes {@link CaseMix} comparisons from the same exact cell sums as every other figure: the sums of
 * each institution's cells are gathered once per case-mix cell (level × pathway by default), and the
 * rest of the nation in a cell is the other institutions' sums of that cell: the sums of the institutions
 * before it plus those after it, each added in institution order, so the result does not depend on how
 * the data were read, and all rests take two passes over the institutions, not one per institution.
 */
final class CaseMixer {

    /** A cell is covered when it holds at least this many own and this many rest respondents. */
    static final int MIN_CELL = 5;

    /** Below this coverage there is no comparison. */
    static final double MIN_COVERAGE = 0.5;

    private final Plan plan;
    private final int minN;
    /** Per institution (in order) and case-mix cell: the sums of its cells there; null when it has none. */
    private final GroupSums[][] sums;
    /** Per item with a mean (else null), case-mix cell and institution: the rest of the nation there. */
    private final Estimate[][][] itemRests;
    /** Per cluster, case-mix cell and institution: the rest of the nation there. */
    private final Estimate[][][] clusterRests;

    /**
     * @param sums per institution (in order): its {@link #cells} sums
     */
    CaseMixer(Plan plan, GroupSums[][] sums, int minN) {
        this.plan = plan;
        this.minN = minN;
        this.sums = sums;
        itemRests = new Estimate[plan.items.size()][][];
        for (int i = 0; i < itemRests.length; i++) {
            int item = i;
            itemRests[i] = plan.items.get(i).hasMean() ? rests(s -> s.itemMoments[item]) : null;
        }
        clusterRests = new Estimate[plan.clusters.size()][][];
        for (int c = 0; c < clusterRests.length; c++) {
            int cluster = c;
            clusterRests[c] = rests(s -> s.clusterMoments[cluster]);
        }
    }

    /**
     * Per case-mix cell and institution: the other institutions' sums there, as the sums of those before
     * it (a running total forwards) plus those after it (a running total backwards).
     */
    private Estimate[][] rests(java.util.function.Function<GroupSums, Estimate.Builder> figure) {
        int institutions = sums.length;
        int cells = institutions == 0 ? 0 : sums[0].length;
        Estimate[][] rests = new Estimate[cells][institutions];
        for (int k = 0; k < cells; k++) {
            Estimate.Builder[] before = new Estimate.Builder[institutions];
            Estimate.Builder running = new Estimate.Builder();
            for (int i = 0; i < institutions; i++) {
                before[i] = new Estimate.Builder().add(running);
                if (sums[i][k] != null) {
                    running.add(figure.apply(sums[i][k]));
                }
            }
            running = new Estimate.Builder();
            for (int i = institutions - 1; i >= 0; i--) {
                rests[k][i] = before[i].add(running).build();
                if (sums[i][k] != null) {
                    running.add(figure.apply(sums[i][k]));
                }
            }
        }
        return rests;
    }

    /**
     * The sums of one institution per case-mix cell of these factors (null where it has no respondents):
     * one pass over the institution's cells.
     */
    static GroupSums[] cells(CellTable figures, String institution, Set<Dimension> factors) {
        boolean byLevel = factors.contains(Dimension.LEVEL);
        boolean byPathway = factors.contains(Dimension.PATHWAY);
        GroupSums[] sums = new GroupSums[(byLevel ? 4 : 1) * (byPathway ? 2 : 1)];
        for (int k = 0; k < sums.length; k++) {
            int cell = k;
            int[] members = figures.members(
                    key -> key.institution().equals(institution) && cell(key, byLevel, byPathway) == cell);
            sums[k] = members.length == 0
                    ? null
                    : new GroupSums(figures.plan, figures.sums, figures.weight, members, false);
        }
        return sums;
    }

    private static int cell(CellKey key, boolean byLevel, boolean byPathway) {
        return (byLevel ? key.level() - 1 : 0) * (byPathway ? 2 : 1) + (byPathway ? key.pathway() : 0);
    }

    /** The comparison of institution {@code i} (in order) on an item with a mean. */
    CaseMix item(int i, int item) {
        return compare(i, s -> s.itemMoments[item], itemRests[item]);
    }

    /** The comparison of institution {@code i} (in order) on a cluster. */
    CaseMix cluster(int i, int cluster) {
        return compare(i, s -> s.clusterMoments[cluster], clusterRests[cluster]);
    }

    private CaseMix compare(
            int institution, java.util.function.Function<GroupSums, Estimate.Builder> figure, Estimate[][] rests) {
        int cells = sums[institution].length;
        List<Estimate> own = new ArrayList<>();
        List<Estimate> rest = new ArrayList<>();
        long ownN = 0;
        double ownWeight = 0;
        for (int k = 0; k < cells; k++) {
            Estimate mine = sums[institution][k] == null
                    ? null
                    : figure.apply(sums[institution][k]).build();
            own.add(mine);
            rest.add(rests[k][institution]);
            if (mine != null) {
                ownN += mine.n();
                ownWeight += mine.weight();
            }
        }
        if (ownN < minN) {
            return null; // the benchmark entry is suppressed
        }
        double coveredWeight = 0;
        long covered = 0;
        for (int k = 0; k < cells; k++) {
            if (covered(own.get(k), rest.get(k))) {
                coveredWeight += own.get(k).weight();
                covered += own.get(k).n();
            }
        }
        long outside = ownN - covered;
        // Everyone covered (counted): exactly 1, not a sum of shares that rounds to 0.9999999999999998.
        double coverage = outside == 0 ? 1.0 : coveredWeight / ownWeight;
        if (coverage < MIN_COVERAGE || (outside > 0 && outside < minN) || covered < minN) {
            return null;
        }
        double mean = 0;
        double expected = 0;
        double variance = 0;
        boolean constant = true;
        for (int k = 0; k < cells; k++) {
            Estimate y = own.get(k);
            Estimate r = rest.get(k);
            if (covered(y, r)) {
                double share = y.weight() / coveredWeight; // π'_k = π_k / coverage
                mean += share * y.mean();
                expected += share * r.mean();
                variance += share * share * (y.se() * y.se() + r.se() * r.se());
                constant &= y.constant() && r.constant();
            }
        }
        double difference = mean - expected;
        if (constant) {
            return new CaseMix(coverage, mean, expected, difference, 0.0, null, null, null);
        }
        double se = Math.sqrt(variance);
        double z = difference / se;
        double p = Normal.twoSidedP(z);
        return new CaseMix(coverage, mean, expected, difference, se, z, p, p < 0.05);
    }

    private static boolean covered(Estimate own, Estimate rest) {
        return own != null && rest != null && own.n() >= MIN_CELL && rest.n() >= MIN_CELL;
    }
}
