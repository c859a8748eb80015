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
        String suppressedBecause) {}
