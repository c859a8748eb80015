package nl.peiling.stats.scores;

import java.util.Map;

/**
 * The figures of one question in one group. Every figure is null when the group has fewer than the
 * minimum number of respondents for the question ({@code suppressed} is then true), and figures that
 * do not apply to the question's type are null too (no mean of a single question, no shares of a
 * number).
 *
 * @param id the question id
 * @param type the question type ({@code scale}, {@code grade}, {@code single}, {@code multi}, {@code number})
 * @param n respondents with a substantive answer
 * @param mean weighted mean Σwy/Σw
 * @param sd square root of R survey's {@code svyvar}: n/(n−1)·Σw(y−ȳ)²/Σw; null for n = 1
 * @param se linearization standard error of the mean (R survey's {@code svymean}, no fpc); null for n = 1
 * @param ciLow mean − 1.96·se
 * @param ciHigh mean + 1.96·se
 * @param suppressed whether the figures are withheld because n is below the minimum
 * @param positive weighted share 0..1 of positive answers (scale, grade)
 * @param neutral weighted share of neutral answers
 * @param negative weighted share of negative answers
 * @param distribution weighted share per point code, mark or option code (multi: share selecting it)
 * @param nonSubstantive respondents per non-substantive code (unweighted counts)
 * @param nEffective Kish's effective sample size (Σw)²/Σw² over the respondents with a substantive
 *     answer, in respondents; equals n without weights
 * @param positiveSe standard error of {@code positive}: the {@code se} formula applied to the 0/1
 *     indicator of a positive answer (R survey's {@code svymean(~I(y == positive))}); 0 when all or
 *     none are positive, null for n = 1 and for items without shares
 * @param positiveLow lower end of the 95 % logit interval of {@code positive}, R survey's {@code
 *     svyciprop(method = "xlogit", df = Inf)}: expit(logit(p) − z·positiveSe/(p(1−p))), z =
 *     qnorm(0.975); null when all or none are positive (counted, not compared), or n < 2
 * @param positiveHigh the upper end: expit(logit(p) + z·positiveSe/(p(1−p)))
 * @param suppressedBecause why the figures are withheld: {@code n} (fewer respondents than the
 *     minimum), {@code secondary} (so that they do not follow by subtraction) or {@code response-rate}
 *     (the group's response rate is below the publication rule); null when shown
 * @param state {@code shown}, {@code suppressed}, {@code no-answers} (n = 0) or {@code
 *     not-administered} (no respondent of the group got the question's module); see {@link FigureState}
 */
public record ItemFigures(
        String id,
        String type,
        Long n,
        Double mean,
        Double sd,
        Double se,
        Double ciLow,
        Double ciHigh,
        boolean suppressed,
        Double positive,
        Double neutral,
        Double negative,
        Map<String, Double> distribution,
        Map<String, Long> nonSubstantive,
        Double nEffective,
        Double positiveSe,
        Double positiveLow,
        Double positiveHigh,
        String suppressedBecause,
        String state) {

    public ItemFigures {
        state = FigureState.of(state, suppressed).key();
    }

    /** An item without figures that withholds nothing: not administered to the group, or unanswered (n = 0). */
    public static ItemFigures absent(String id, String type, FigureState state) {
        return new ItemFigures(
                id,
                type,
                0L,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                state.key());
    }

    /** The state of the figures. */
    public FigureState figureState() {
        return FigureState.of(state, suppressed);
    }
}
