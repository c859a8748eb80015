package nl.peiling.stats.trend;

import java.util.Map;

/**
 * One figure of one group in two results files: the change of a mean or of a positive share.
 *
 * @param key the group's key, as in the results ({@code {}} for the nation)
 * @param kind {@code item} or {@code cluster}
 * @param id the question or cluster id
 * @param measure {@code mean} or {@code positive} (the positive share, 0..1)
 * @param previous the figure in the previous results; null when suppressed on either side
 * @param current the figure in the current results; null when suppressed on either side
 * @param difference current − previous; null when not comparable or suppressed
 * @param se √(se_previous² + se_current²) (the share's {@code positiveSe}); the editions count as
 *     independent samples, which is conservative when students answer both; null when a side has no se
 * @param z difference / se; null when se is 0 or null
 * @param p two-sided normal p of z; null when z is
 * @param q Benjamini–Hochberg adjusted p within the family (one group × one measure, items and clusters
 *     together, over the comparisons with a p); null when p is
 * @param significant q < 0.05; null when q is
 * @param comparable false when the question's fingerprint differs, or for a cluster when any of its
 *     items is not comparable or its items, reverse items or minAnswered changed
 * @param suppressed whether either side is suppressed
 * @param cohensD for means: difference / √((sd_previous² + sd_current²)/2); null for shares, when a sd is
 *     null or both are 0
 * @param notable significant and at least the {@link Materiality} minimum: |d| for means, |difference|
 *     for shares; null when significant is
 */
public record Comparison(
        Map<String, String> key,
        String kind,
        String id,
        String measure,
        Double previous,
        Double current,
        Double difference,
        Double se,
        Double z,
        Double p,
        Double q,
        Boolean significant,
        boolean comparable,
        boolean suppressed,
        Double cohensD,
        Boolean notable) {

    public Comparison {
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
    }

    /** This comparison with its adjusted p, significance and notability set. */
    Comparison withQ(double adjusted, Materiality materiality) {
        boolean significant = adjusted < 0.05;
        boolean large = measure.equals(Trends.MEAN)
                ? cohensD != null && Math.abs(cohensD) >= materiality.minCohensD()
                : Math.abs(difference) >= materiality.minShareDifference();
        return new Comparison(
                key,
                kind,
                id,
                measure,
                previous,
                current,
                difference,
                se,
                z,
                p,
                adjusted,
                significant,
                comparable,
                suppressed,
                cohensD,
                significant && large);
    }
}
