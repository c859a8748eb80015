package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.List;

/**
 * An institution against the rest of the nation (SPEC section 8): its mean, the rest's and the nation's,
 * the difference with the nation, the two-sided p of the difference with the rest (normal, from both
 * standard errors), and Cohen's d with the pooled sd.
 */
final class BenchmarkFormula {

    private BenchmarkFormula() {}

    /**
     * Each question with a mean and each cluster of one institution against the nation; the rest of the
     * nation is the national moments less the institution's.
     *
     * @param index the institution's place in the case mixer
     */
    static List<BenchmarkFigures> all(
            Plan plan, String institution, GroupSums own, GroupSums nation, CaseMixer mixer, int index, int minN) {
        List<BenchmarkFigures> list = new ArrayList<>();
        for (int i = 0; i < plan.items.size(); i++) {
            Plan.Item item = plan.items.get(i);
            if (item.hasMean()) {
                Estimate.Builder mine = own.itemMoments[i];
                list.add(of(
                        institution,
                        "item",
                        item.definition.id(),
                        mine.build(),
                        nation.itemMoments[i].minus(mine).build(),
                        nation.itemMoments[i].build(),
                        mixer.item(index, i),
                        minN));
            }
        }
        for (int k = 0; k < plan.clusters.size(); k++) {
            Estimate.Builder mine = own.clusterMoments[k];
            list.add(of(
                    institution,
                    "cluster",
                    plan.clusters.get(k).cluster.id(),
                    mine.build(),
                    nation.clusterMoments[k].minus(mine).build(),
                    nation.clusterMoments[k].build(),
                    mixer.cluster(index, k),
                    minN));
        }
        return list;
    }

    /**
     * One benchmark; withheld when the institution has fewer than {@code minN} answers, the rest's and
     * the nation's means left out when they have fewer.
     */
    static BenchmarkFigures of(
            String institution,
            String kind,
            String id,
            Estimate own,
            Estimate rest,
            Estimate national,
            CaseMix caseMix,
            int minN) {
        if (own == null || own.n() < minN) {
            return Withheld.benchmark(institution, kind, id, Suppression.N);
        }
        Double nationalMean = national == null || national.n() < minN ? null : national.mean();
        Double restMean = rest == null || rest.n() < minN ? null : rest.mean();
        Double p = null;
        Boolean significant = null;
        Double d = null;
        if (restMean != null && own.se() != null && rest.se() != null) {
            double spread = Math.sqrt(own.se() * own.se() + rest.se() * rest.se());
            if (spread > 0) {
                p = Normal.twoSidedP((own.mean() - rest.mean()) / spread);
                significant = p < 0.05;
            }
            long df = own.n() + rest.n() - 2;
            double pooled =
                    Math.sqrt(((own.n() - 1) * own.sd() * own.sd() + (rest.n() - 1) * rest.sd() * rest.sd()) / df);
            d = pooled > 0 ? (own.mean() - rest.mean()) / pooled : null;
        }
        return new BenchmarkFigures(
                institution,
                kind,
                id,
                own.n(),
                own.mean(),
                restMean,
                nationalMean,
                nationalMean == null ? null : own.mean() - nationalMean,
                p,
                significant,
                d,
                false,
                caseMix,
                null);
    }
}
