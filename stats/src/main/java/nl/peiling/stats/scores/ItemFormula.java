package nl.peiling.stats.scores;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.Valence;

/**
 * The figures of one item in one group (SPEC section 8): n, the weighted mean with its sd, standard
 * error and normal interval, the distribution over the codes, the positive, neutral and negative shares
 * with the logit interval of the positive share, the non-substantive counts and Kish's effective n.
 */
final class ItemFormula {

    private ItemFormula() {}

    /** The figures of item {@code i} of the plan from the group's sums; withheld below {@code minN}. */
    static ItemFigures figures(Plan.Item item, int i, GroupSums group, int minN) {
        String id = item.definition.id();
        String type = item.type.key();
        long n = group.itemN[i];
        if (n < minN) {
            return Withheld.item(id, type, Suppression.N);
        }
        Estimate estimate = item.hasMean() ? group.itemMoments[i].build() : null;
        double total = group.itemWeight[i];
        double[] shares = group.shares[i].clone();
        long[] nonSubstantive = group.nonSubstantive[i];
        Map<String, Double> distribution = null;
        if (item.type != QuestionType.NUMBER) {
            distribution = new LinkedHashMap<>();
            List<String> labels = codeLabels(item);
            for (int c = 0; c < shares.length; c++) {
                shares[c] /= total;
                distribution.put(labels.get(c), shares[c]);
            }
        }
        double[] valence = valenceShares(item, shares);
        Double positive = valence == null ? null : valence[Valence.POSITIVE.ordinal()];
        Map<String, Long> ns = null;
        if (item.scale != null) {
            ns = new LinkedHashMap<>();
            for (int c = 0; c < nonSubstantive.length; c++) {
                ns.put(item.scale.nonSubstantive().get(c).code(), nonSubstantive[c]);
            }
        }
        Double mean = estimate == null ? null : estimate.mean();
        Double se = estimate == null ? null : estimate.se();
        Estimate indicator = item.hasShares() ? group.positiveMoments[i].build() : null;
        Double positiveSe = indicator == null ? null : indicator.se();
        // All or none positive (counted): logit(p) is infinite, no interval; as for n = 1.
        boolean interval = positiveSe != null && !indicator.constant();
        return new ItemFigures(
                id,
                type,
                n,
                mean,
                estimate == null ? null : estimate.sd(),
                se,
                se == null ? null : mean - 1.96 * se,
                se == null ? null : mean + 1.96 * se,
                false,
                positive,
                valence == null ? null : valence[Valence.NEUTRAL.ordinal()],
                valence == null ? null : valence[Valence.NEGATIVE.ordinal()],
                distribution,
                ns,
                group.itemWeight[i] * group.itemWeight[i] / group.itemWeightSq[i],
                positiveSe,
                interval ? LogitInterval.bound(positive, positiveSe, -1) : null,
                interval ? LogitInterval.bound(positive, positiveSe, 1) : null,
                null);
    }

    /**
     * The shares per {@link Valence} (by ordinal) of a scale item or a grade (6 and up positive, the rest
     * negative); null for other types.
     */
    private static double[] valenceShares(Plan.Item item, double[] shares) {
        switch (item.type) {
            case SCALE -> {
                double[] byValence = new double[3];
                for (int c = 0; c < shares.length; c++) {
                    byValence[item.scale.valenceOf(item.codes[c]).orElseThrow().ordinal()] += shares[c];
                }
                return byValence;
            }
            case GRADE -> {
                double pass = 0;
                for (int c = 0; c < shares.length; c++) {
                    if (item.codes[c] >= GradeQuestion.POSITIVE_FROM) {
                        pass += shares[c];
                    }
                }
                double[] byValence = new double[3];
                byValence[Valence.POSITIVE.ordinal()] = pass;
                byValence[Valence.NEUTRAL.ordinal()] = 0.0;
                byValence[Valence.NEGATIVE.ordinal()] = 1 - pass;
                return byValence;
            }
            case SINGLE, MULTI, NUMBER, TEXT -> {
                return null;
            }
        }
        throw new AssertionError(item.type);
    }

    /** The labels of the item's codes: the option codes of a choice, the numbers of the others. */
    private static List<String> codeLabels(Plan.Item item) {
        switch (item.type) {
            case SINGLE -> {
                return options(((SingleQuestion) item.definition).options());
            }
            case MULTI -> {
                return options(((MultiQuestion) item.definition).options());
            }
            case SCALE, GRADE, NUMBER, TEXT -> {
                return Arrays.stream(item.codes).mapToObj(Integer::toString).toList();
            }
        }
        throw new AssertionError(item.type);
    }

    private static List<String> options(List<Option> options) {
        return options.stream().map(Option::code).toList();
    }
}
