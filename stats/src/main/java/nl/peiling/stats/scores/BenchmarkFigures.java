package nl.peiling.stats.scores;

/**
 * An institution against the nation on one question or cluster.
 *
 * @param institution the institution code
 * @param kind {@code item} or {@code cluster}
 * @param id the question or cluster id
 * @param n the institution's respondents with an answer (null when suppressed)
 * @param own the institution's mean
 * @param rest the mean of all other respondents
 * @param national the mean of all respondents
 * @param difference own − national
 * @param p two-sided normal p of z = (own − rest)/sqrt(se_own² + se_rest²)
 * @param significant p < 0.05
 * @param cohensD (own − rest)/pooled sd, pooled sd = sqrt(((n₁−1)s₁² + (n₂−1)s₂²)/(n₁+n₂−2))
 * @param suppressed whether the institution has fewer respondents than the minimum for this figure
 * @param caseMix the comparison within cells of the case-mix factors; null when suppressed, when the
 *     covered cells hold less than half the institution's weight, or when the institution's respondents
 *     outside or inside the covered cells number 1 to minN − 1 (their mean would follow from the
 *     published figures)
 * @param suppressedBecause why the entry is withheld: {@code n} (the institution has fewer respondents
 *     than the minimum on it) or {@code response-rate} (its response rate is below the publication
 *     rule); null when shown
 */
public record BenchmarkFigures(
        String institution,
        String kind,
        String id,
        Long n,
        Double own,
        Double rest,
        Double national,
        Double difference,
        Double p,
        Boolean significant,
        Double cohensD,
        boolean suppressed,
        CaseMix caseMix,
        String suppressedBecause) {}
