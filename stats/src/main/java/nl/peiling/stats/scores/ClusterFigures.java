package nl.peiling.stats.scores;

/**
 * The figures of one cluster score in one group: the same formulas as for items, over the respondents
 * with a cluster score (at least {@code minAnswered} items answered; score = mean of the answered items
 * after reverse coding).
 *
 * @param id the cluster id
 * @param n respondents with a cluster score
 * @param mean weighted mean score
 * @param sd as for items
 * @param se as for items
 * @param ciLow mean − 1.96·se
 * @param ciHigh mean + 1.96·se
 * @param suppressed whether the figures are withheld because n is below the minimum
 * @param alpha Cronbach's raw alpha, unweighted, over the respondents with all items answered; null when
 *     fewer than 2 such respondents or a total with zero variance
 * @param nEffective Kish's effective sample size (Σw)²/Σw² over the respondents with a score, in
 *     respondents; equals n without weights
 * @param suppressedBecause as for items: {@code n}, {@code secondary} or {@code response-rate}; null
 *     when shown
 * @param state {@code shown}, {@code suppressed}, {@code no-answers} (no respondent has a score) or
 *     {@code not-administered} (no respondent of the group got the cluster's module)
 */
public record ClusterFigures(
        String id,
        Long n,
        Double mean,
        Double sd,
        Double se,
        Double ciLow,
        Double ciHigh,
        boolean suppressed,
        Double alpha,
        Double nEffective,
        String suppressedBecause,
        String state) {

    public ClusterFigures {
        state = FigureState.of(state, suppressed).key();
    }

    /** A cluster without figures that withholds nothing: not administered to the group, or no scores (n = 0). */
    public static ClusterFigures absent(String id, FigureState state) {
        return new ClusterFigures(id, 0L, null, null, null, null, null, false, null, null, null, state.key());
    }

    /** The state of the figures. */
    public FigureState figureState() {
        return FigureState.of(state, suppressed);
    }
}
