package nl.peiling.stats.scores;

import nl.peiling.core.engine.AnswerRule;

/**
 * What the figures of one group need from its cells, per item and cluster, gathered cell by cell: each
 * cell's sums are read once, front to back, which keeps them in the processor's cache. The cells are
 * taken in key order, so the floating-point totals are the same for the same cells, whatever the
 * thread count of the reading.
 */
final class GroupSums {

    final long respondents;
    /** Per module (edition order): the respondents who got it. */
    final long[] moduleRespondents;
    /** The module of each item and of each cluster (the plan's). */
    private final int[] itemModule;

    private final int[] clusterModule;
    /** Per item: its substantive answers. */
    final long[] itemN;
    /** Per item with a mean: its weighted moments; null for other items. */
    final Estimate.Builder[] itemMoments;
    /** Per item: Σ w·n, and per code Σ w·count (the weighted distribution before dividing). */
    final double[] itemWeight;
    /** Per item: Σ w²·n, for the effective sample size. */
    final double[] itemWeightSq;
    /** Per item with shares: the weighted moments of the 0/1 indicator of a positive answer; null for others. */
    final Estimate.Builder[] positiveMoments;

    final double[][] shares;
    /** Per item: the (unweighted) counts of the non-substantive codes. */
    final long[][] nonSubstantive;
    /** Per cluster: the weighted moments of cluster scores. */
    final Estimate.Builder[] clusterMoments;
    /** Per cluster, of complete cases: n, Σ total, Σ total², and per item Σ x and Σ x² (exact). */
    final long[] completeN;

    final long[] completeTotal;
    final long[] completeTotalSq;
    final long[][] completeSum;
    final long[][] completeSumSq;

    GroupSums(Plan plan, long[][] sums, double[] weights, int[] cells) {
        this(plan, sums, weights, cells, true);
    }

    /**
     * The sums of these cells; with {@code full} false only the respondents, n and moments of items and
     * cluster scores (what the case-mix comparison needs), the rest null.
     */
    GroupSums(Plan plan, long[][] sums, double[] weights, int[] cells, boolean full) {
        int items = plan.items.size();
        int clusters = plan.clusters.size();
        itemN = new long[items];
        itemMoments = new Estimate.Builder[items];
        itemWeight = new double[items];
        itemWeightSq = new double[items];
        positiveMoments = new Estimate.Builder[items];
        shares = new double[items][];
        nonSubstantive = new long[items][];
        for (int i = 0; i < items; i++) {
            Plan.Item item = plan.items.get(i);
            itemMoments[i] = item.hasMean() ? new Estimate.Builder() : null;
            positiveMoments[i] = full && item.hasShares() ? new Estimate.Builder() : null;
            shares[i] = full ? new double[item.codes.length] : null;
            nonSubstantive[i] = full ? new long[item.nonSubstantive] : null;
        }
        clusterMoments = new Estimate.Builder[clusters];
        completeN = new long[clusters];
        completeTotal = new long[clusters];
        completeTotalSq = new long[clusters];
        completeSum = full ? new long[clusters][] : null;
        completeSumSq = full ? new long[clusters][] : null;
        for (int k = 0; k < clusters; k++) {
            clusterMoments[k] = new Estimate.Builder();
            if (full) {
                completeSum[k] = new long[plan.clusters.get(k).k()];
                completeSumSq[k] = new long[plan.clusters.get(k).k()];
            }
        }
        long n = 0;
        moduleRespondents = new long[plan.edition.modules().size()];
        itemModule = plan.itemModule;
        clusterModule = plan.clusterModule;
        for (int cell : cells) {
            long[] s = sums[cell];
            double w = weights[cell];
            n += s[Plan.RESPONDENTS];
            for (int m = 0; m < moduleRespondents.length; m++) {
                moduleRespondents[m] += s[Plan.MODULES + m];
            }
            for (int i = 0; i < items; i++) {
                addItem(plan.items.get(i), i, s, w);
            }
            for (int k = 0; k < clusters; k++) {
                addCluster(plan.clusters.get(k), k, s, w);
            }
        }
        respondents = n;
    }

    /** Whether some respondent of the group got item {@code i}'s module. */
    boolean itemAdministered(int i) {
        return moduleRespondents[itemModule[i]] > 0;
    }

    /** Whether some respondent of the group got cluster {@code k}'s module. */
    boolean clusterAdministered(int k) {
        return moduleRespondents[clusterModule[k]] > 0;
    }

    private void addItem(Plan.Item item, int i, long[] s, double w) {
        if (item.points()) {
            addPoints(item, i, s, w);
        } else {
            long n = s[item.n()];
            itemN[i] += n;
            if (itemMoments[i] != null) { // a number
                double sum = s[item.sum()] / (double) AnswerRule.NUMBER_SCALE;
                double sumSq = CellStats.numberSumSq(s, item) / 1e12;
                boolean one = n > 0 && CellStats.numberConstant(s, item, sum * sum / n, sumSq);
                // All equal: each is Σx/n millionths, a whole number.
                itemMoments[i].add(w, n, sum, sumSq, one ? s[item.sum()] / n : 0, one ? AnswerRule.NUMBER_SCALE : 0);
            }
            itemWeight[i] += w * n;
            itemWeightSq[i] += w * w * n;
            double[] share = shares[i];
            for (int c = 0; share != null && c < share.length; c++) {
                share[c] += w * s[item.counts() + c];
            }
        }
        long[] ns = nonSubstantive[i];
        for (int c = 0; ns != null && c < ns.length; c++) {
            ns[c] += s[item.nonSubstantiveCounts() + c];
        }
    }

    /**
     * A point item (scale, grade) in one pass over its code counts: n, Σy, Σy², the weighted shares, the
     * positive answers and whether the cell's answers are one code.
     */
    private void addPoints(Plan.Item item, int i, long[] s, double w) {
        int[] codes = item.codes;
        boolean[] positiveCodes = item.positiveCodes;
        double[] share = shares[i];
        int at = item.counts();
        long n = 0;
        long sum = 0;
        long sumSq = 0;
        long positive = 0;
        int only = Integer.MIN_VALUE;
        boolean several = false;
        for (int c = 0; c < codes.length; c++) {
            long count = s[at + c];
            if (count != 0) {
                long code = codes[c];
                n += count;
                sum += code * count;
                sumSq += code * code * count;
                if (positiveCodes[c]) {
                    positive += count;
                }
                several |= only != Integer.MIN_VALUE;
                only = codes[c];
                if (share != null) {
                    share[c] += w * count;
                }
            }
        }
        itemN[i] += n;
        // Σ w·n, Σ w²·n: for the shares' denominator and the effective n.
        itemWeight[i] += w * n;
        itemWeightSq[i] += w * w * n;
        itemMoments[i].add(w, n, sum, sumSq, only, several ? 0 : 1);
        if (positiveMoments[i] != null) {
            // All or none positive: one value, 1 or 0.
            boolean one = positive == 0 || positive == n;
            positiveMoments[i].add(w, n, positive, positive, positive == 0 ? 0 : 1, one ? 1 : 0);
        }
    }

    private void addCluster(Plan.ClusterPlan cluster, int k, long[] s, double w) {
        long n = 0;
        double sum = 0;
        double sumSq = 0;
        // The one score of the cell as total / j, or none (denominator 0) when there are several.
        long numerator = 0;
        long denominator = -1;
        for (int j = cluster.required; j <= cluster.k(); j++) {
            int at = cluster.byAnswered(j);
            long count = s[at];
            n += count;
            sum += s[at + 1] / (double) j;
            sumSq += s[at + 2] / ((double) j * j);
            if (count > 0 && denominator != 0) {
                // Equal totals within j: count·Σt² = (Σt)², in exact integers.
                if (count * s[at + 2] != s[at + 1] * s[at + 1]) {
                    denominator = 0;
                } else if (denominator < 0) {
                    numerator = s[at + 1] / count;
                    denominator = j;
                } else if (numerator * j != s[at + 1] / count * denominator) {
                    denominator = 0;
                }
            }
        }
        clusterMoments[k].add(w, n, sum, sumSq, numerator, Math.max(0, denominator));
        if (completeSum == null) {
            return;
        }
        int at = cluster.complete();
        completeN[k] += s[at];
        completeTotal[k] += s[at + 1];
        completeTotalSq[k] += s[at + 2];
        for (int i = 0; i < cluster.k(); i++) {
            Plan.Item item = cluster.itemPlans[i];
            completeSum[k][i] += CellStats.sum(s, item) - s[cluster.incomplete(i)];
            completeSumSq[k][i] += CellStats.sumSq(s, item) - s[cluster.incomplete(i) + 1];
        }
    }
}
