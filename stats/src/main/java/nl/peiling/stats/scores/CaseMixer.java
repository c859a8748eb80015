package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Computes {@link CaseMix} comparisons from the same exact cell sums as every other figure: the sums of
 * each institution's cells are gathered once per case-mix cell (level × pathway by default), and the
 * rest of the nation in a cell is the other institutions' sums of that cell, added in institution
 * order, so the result does not depend on how the data were read.
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

    CaseMixer(Aggregator.Figures figures, List<String> institutions, Set<Dimension> factors, int minN) {
        this.plan = figures.plan;
        this.minN = minN;
        boolean byLevel = factors.contains(Dimension.LEVEL);
        boolean byPathway = factors.contains(Dimension.PATHWAY);
        int cells = (byLevel ? 4 : 1) * (byPathway ? 2 : 1);
        sums = new GroupSums[institutions.size()][cells];
        for (int i = 0; i < institutions.size(); i++) {
            String institution = institutions.get(i);
            for (int k = 0; k < cells; k++) {
                int cell = k;
                int[] members = figures.members(
                        key -> key.institution().equals(institution) && cell(key, byLevel, byPathway) == cell);
                sums[i][k] = members.length == 0 ? null : figures.sums(members);
            }
        }
    }

    private static int cell(Aggregator.CellKey key, boolean byLevel, boolean byPathway) {
        return (byLevel ? key.level() - 1 : 0) * (byPathway ? 2 : 1) + (byPathway ? key.pathway() : 0);
    }

    /** The comparison of institution {@code i} (in order) on an item with a mean. */
    CaseMix item(int i, int item) {
        return compare(i, s -> s.itemMoments[item]);
    }

    /** The comparison of institution {@code i} (in order) on a cluster. */
    CaseMix cluster(int i, int cluster) {
        return compare(i, s -> s.clusterMoments[cluster]);
    }

    private CaseMix compare(int institution, java.util.function.Function<GroupSums, Estimate.Builder> figure) {
        int cells = sums[institution].length;
        List<Estimate> own = new ArrayList<>();
        List<Estimate> rest = new ArrayList<>();
        long ownN = 0;
        double ownWeight = 0;
        for (int k = 0; k < cells; k++) {
            Estimate mine = sums[institution][k] == null
                    ? null
                    : figure.apply(sums[institution][k]).build();
            Estimate.Builder others = new Estimate.Builder();
            for (int j = 0; j < sums.length; j++) {
                if (j != institution && sums[j][k] != null) {
                    others.add(figure.apply(sums[j][k]));
                }
            }
            own.add(mine);
            rest.add(others.build());
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
