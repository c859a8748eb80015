package nl.peiling.stats.scores;

/**
 * The figures of one cluster in one group: n, the weighted mean of the cluster scores with its sd,
 * standard error and normal interval, Cronbach's {@link Alpha} over the complete cases and Kish's
 * effective n.
 */
final class ClusterFormula {

    private ClusterFormula() {}

    /** The figures of cluster {@code k} of the plan from the group's sums; withheld below {@code minN}. */
    static ClusterFigures figures(Plan.ClusterPlan cluster, int k, GroupSums group, int minN) {
        String id = cluster.cluster.id();
        Estimate estimate = group.clusterMoments[k].build();
        if (estimate == null || estimate.n() < minN) {
            return Withheld.cluster(id, Suppression.N);
        }
        Double se = estimate.se();
        return new ClusterFigures(
                id,
                estimate.n(),
                estimate.mean(),
                estimate.sd(),
                se,
                se == null ? null : estimate.mean() - 1.96 * se,
                se == null ? null : estimate.mean() + 1.96 * se,
                false,
                Alpha.of(
                        cluster.k(),
                        group.completeN[k],
                        group.completeTotal[k],
                        group.completeTotalSq[k],
                        group.completeSum[k],
                        group.completeSumSq[k]),
                estimate.nEffective(),
                null);
    }
}
