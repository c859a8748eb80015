package nl.peiling.stats.scores;

/**
 * An institution against the rest of the nation within cells of the case-mix factors (level × pathway
 * by default): what the institution's figure would be expected to be if each of its cells scored as the
 * rest of the nation's students in that cell do (indirect standardisation, as the UK National Student
 * Survey's benchmarks).
 *
 * <p>Over the respondents with an answer (a score, for clusters), with own cell weight shares π_k =
 * Σ_{own,k} w / Σ_own w, own and rest-of-nation cell means ȳ_k and r_k and their standard errors (each
 * cell's respondents as a sample of their own), over the covered cells C (at least 5 own and 5 rest
 * respondents) with π'_k = π_k / coverage:
 *
 * <pre>
 * coverage   = Σ_C π_k                                  (0.5..1; below 0.5 there is no comparison)
 * own        = Σ_C π'_k ȳ_k                             (the benchmark's own when coverage = 1)
 * expected   = Σ_C π'_k r_k
 * difference = own − expected                           (in the figure's unit: scale points, marks)
 * se         = √( Σ_C π'_k² (se(ȳ_k)² + se(r_k)²) )
 * z          = difference / se,   p = P(|Z| ≥ |z|),   significant = p < 0.05
 * </pre>
 *
 * When every covered cell's answers on both sides are one value (counted), se is 0 and z, p and
 * significant are null.
 *
 * @param coverage the institution's weight share in the covered cells, 0.5 to 1
 * @param own the institution's mean over the covered cells
 * @param expected the rest of the nation's cell means weighted by the institution's cell shares
 * @param difference own − expected
 * @param se standard error of the difference
 * @param z difference / se; null when se = 0
 * @param p two-sided normal p of z; null when se = 0
 * @param significant p < 0.05; null when se = 0
 */
public record CaseMix(
        double coverage,
        double own,
        double expected,
        double difference,
        double se,
        Double z,
        Double p,
        Boolean significant) {}
