package nl.peiling.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;
import org.junit.jupiter.api.Test;

/**
 * The answer rules: the checks and codes of single cells, one question type at a time, with the value and
 * the problem for every accepted and refused form.
 */
class AnswerRuleTest {

    private static final LocalizedText T = LocalizedText.of("x", "x");

    private final byte[] states = new byte[1];
    private final long[] values = new long[1];

    /** Decodes the text into question 0: null when accepted, else the problem. */
    private ProblemCode decode(AnswerRule rule, String text) {
        // Padded on both sides, so that a read past the cell's bounds would be seen.
        byte[] data = ("#" + text + "#").getBytes(StandardCharsets.UTF_8);
        states[0] = AnswerRule.EMPTY;
        values[0] = -99;
        ProblemCode problem = rule.decode(data, 1, data.length - 1, states, values, 0);
        assertThat(rule.check(text)).as("check agrees with decode").isEqualTo(problem);
        return problem;
    }

    private static Option option(String code) {
        return new Option(code, T);
    }

    @Test
    void number_isADecimalInMillionths_withinItsBounds() {
        AnswerRule cell = new AnswerRule.NumberRule(
                new NumberQuestion("n", T, BigDecimal.ZERO, BigDecimal.valueOf(100), null, null, null), 0);
        assertThat(decode(cell, "12.5")).isNull();
        assertThat(states[0]).isEqualTo(AnswerRule.SUBSTANTIVE);
        assertThat(values[0]).isEqualTo(12_500_000L);
        assertThat(decode(cell, "90.09"))
                .as("the digits 0 and 9 on both sides of the point")
                .isNull();
        assertThat(values[0]).isEqualTo(90_090_000L);
        assertThat(decode(cell, "0.000001")).isNull();
        assertThat(values[0]).isEqualTo(1L);
        assertThat(decode(cell, "7.1234560"))
                .as("a seventh decimal 0 adds nothing")
                .isNull();
        assertThat(values[0]).isEqualTo(7_123_456L);
        assertThat(decode(cell, "100")).isNull();
        assertThat(values[0]).isEqualTo(100_000_000L);
        assertThat(decode(cell, "0")).isNull();
        assertThat(values[0]).isZero();
        assertThat(decode(cell, "-0")).isNull();
        assertThat(values[0]).isZero();

        assertThat(decode(cell, "100.000001")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(decode(cell, "-0.000001")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(states[0]).as("a rejected cell leaves the row alone").isEqualTo(AnswerRule.EMPTY);
        for (String malformed : List.of(
                "7.1234567",
                "1.",
                ".5",
                "-",
                "1e3",
                "1,5",
                "+1",
                " 1",
                "1 ",
                "1.2.3",
                "--1",
                "0x10",
                "١",
                "1/2",
                "1:2",
                "1.5:",
                "1./",
                "/",
                ":")) {
            assertThat(decode(cell, malformed)).as(malformed).isEqualTo(ProblemCode.MALFORMED);
        }
    }

    @Test
    void number_withoutBounds_takesTwelveDigitsAndNegatives() {
        AnswerRule cell = new AnswerRule.NumberRule(new NumberQuestion("n", T, null, null, null, null, null), 0);
        assertThat(decode(cell, "-999999999999.999999")).isNull();
        assertThat(values[0]).isEqualTo(-999_999_999_999_999_999L);
        assertThat(decode(cell, "-3")).isNull();
        assertThat(values[0]).isEqualTo(-3_000_000L);
        assertThat(decode(cell, "1234567890123")).isEqualTo(ProblemCode.MALFORMED);
        AnswerRule below = new AnswerRule.NumberRule(
                new NumberQuestion("n", T, BigDecimal.valueOf(-5), null, null, null, null), 0);
        assertThat(decode(below, "-5")).isNull();
        assertThat(decode(below, "-5.000001")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(decode(below, "1000000")).isNull();
    }

    @Test
    void grade_isAWholeNumberFromOneToTen() {
        AnswerRule cell = new AnswerRule.GradeRule(new GradeQuestion("g", T, null, null), 0);
        assertThat(decode(cell, "1")).isNull();
        assertThat(values[0]).isEqualTo(1);
        assertThat(decode(cell, "10")).isNull();
        assertThat(values[0]).isEqualTo(10);
        assertThat(decode(cell, "0")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(decode(cell, "11")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        assertThat(decode(cell, "-1")).isEqualTo(ProblemCode.OUT_OF_RANGE);
        for (String malformed : List.of("7.5", "x", "-", "1234567890", "+7", "07a")) {
            assertThat(decode(cell, malformed)).as(malformed).isEqualTo(ProblemCode.MALFORMED);
        }
        assertThat(AnswerRule.integer("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
                .isEqualTo(123_456_789);
        assertThat(AnswerRule.integer("-123456789".getBytes(StandardCharsets.US_ASCII), 0, 10))
                .isEqualTo(-123_456_789);
    }

    @Test
    void scale_pointsAndNonSubstantiveCodes() {
        Scale scale = new Scale(
                "s",
                List.of(new ScalePoint(1, T), new ScalePoint(2, T), new ScalePoint(12, T)),
                List.of(1),
                List.of(),
                List.of(2, 12),
                List.of(option("nvt"), option("weet_niet")));
        AnswerRule cell = new AnswerRule.ScaleRule(new ScaleQuestion("q", T, "s", null, null), 0, scale);
        assertThat(decode(cell, "2")).isNull();
        assertThat(states[0]).isEqualTo(AnswerRule.SUBSTANTIVE);
        assertThat(values[0]).isEqualTo(2);
        assertThat(decode(cell, "12")).as("a point of two digits").isNull();
        assertThat(values[0]).isEqualTo(12);
        assertThat(decode(cell, "weet_niet")).isNull();
        assertThat(states[0]).isEqualTo(AnswerRule.NON_SUBSTANTIVE);
        assertThat(values[0]).isEqualTo(1);
        assertThat(decode(cell, "nvt")).isNull();
        assertThat(values[0]).isZero();
        for (String unknown : List.of("3", "0", "9", "11", "-1", "nv", "nvtt", "NVT", "1.0", "x")) {
            assertThat(decode(cell, unknown)).as(unknown).isEqualTo(ProblemCode.UNKNOWN_CODE);
        }
    }

    @Test
    void single_isOneOptionCode() {
        AnswerRule cell = new AnswerRule.SingleRule(
                new SingleQuestion(
                        "o", T, List.of(option("ja"), option("nee"), option("geen_idee_eigenlijk")), null, null),
                0);
        assertThat(decode(cell, "nee")).isNull();
        assertThat(values[0]).isEqualTo(1);
        assertThat(decode(cell, "geen_idee_eigenlijk"))
                .as("longer than eight bytes")
                .isNull();
        assertThat(values[0]).isEqualTo(2);
        for (String unknown : List.of("j", "jaa", "Ja", "geen_idee_eigenlijK", "geen_idee", "ja|nee")) {
            assertThat(decode(cell, unknown)).as(unknown).isEqualTo(ProblemCode.UNKNOWN_CODE);
        }
    }

    @Test
    void multi_isASetOfOptionCodes_withinItsCounts() {
        MultiQuestion question =
                new MultiQuestion("m", T, List.of(option("a"), option("b"), option("c")), 2, 2, null, null);
        AnswerRule cell = new AnswerRule.MultiRule(question, 0);
        assertThat(decode(cell, "c|a")).isNull();
        assertThat(values[0]).isEqualTo(0b101L);
        assertThat(decode(cell, "a")).isEqualTo(ProblemCode.TOO_FEW_SELECTED);
        assertThat(decode(cell, "a|b|c")).isEqualTo(ProblemCode.TOO_MANY_SELECTED);
        assertThat(decode(cell, "a|a")).isEqualTo(ProblemCode.MALFORMED);
        assertThat(decode(cell, "c|c")).isEqualTo(ProblemCode.MALFORMED);
        assertThat(decode(cell, "a|d")).isEqualTo(ProblemCode.UNKNOWN_CODE);
        assertThat(decode(cell, "a|")).isEqualTo(ProblemCode.UNKNOWN_CODE);
        assertThat(decode(cell, "|a")).isEqualTo(ProblemCode.UNKNOWN_CODE);

        AnswerRule free = new AnswerRule.MultiRule(
                new MultiQuestion("m", T, List.of(option("a"), option("b"), option("c")), null, null, null, null), 0);
        assertThat(decode(free, "b")).isNull();
        assertThat(values[0]).isEqualTo(0b010L);
        assertThat(decode(free, "a|b|c")).isNull();
        assertThat(values[0]).isEqualTo(0b111L);
    }

    @Test
    void text_countsCharactersNotBytes() {
        AnswerRule cell = new AnswerRule.TextRule(new TextQuestion("t", T, 3, null, null), 0);
        assertThat(decode(cell, "één")).as("three characters in five bytes").isNull();
        assertThat(states[0]).isEqualTo(AnswerRule.TEXT);
        assertThat(decode(cell, "abcd")).isEqualTo(ProblemCode.TOO_LONG);
        assertThat(decode(cell, "ééé€")).isEqualTo(ProblemCode.TOO_LONG);
        assertThat(decode(new AnswerRule.TextRule(new TextQuestion("t", T, null, null, null), 0), "a".repeat(10_000)))
                .isNull();
    }

    @Test
    void typedAnswers_readBackToTheirCells() {
        Scale scale = new Scale(
                "s",
                List.of(new ScalePoint(1, T), new ScalePoint(2, T), new ScalePoint(12, T)),
                List.of(1),
                List.of(),
                List.of(2, 12),
                List.of(option("nvt")));
        AnswerRule points = new AnswerRule.ScaleRule(new ScaleQuestion("q", T, "s", null, null), 0, scale);
        AnswerRule numbers = new AnswerRule.NumberRule(new NumberQuestion("n", T, null, null, null, null, null), 0);
        AnswerRule selections = new AnswerRule.MultiRule(
                new MultiQuestion("m", T, List.of(option("a"), option("b,c"), option("d")), null, null, null, null), 0);
        assertThat(answer(points, "12")).isEqualTo(new Answer.Point(12));
        assertThat(answer(points, "nvt")).isEqualTo(new Answer.NonSubstantive("nvt"));
        assertThat(answer(numbers, "-12.500")).isEqualTo(new Answer.Number(new BigDecimal("-12.5")));
        assertThat(answer(numbers, "-12.500").cell()).isEqualTo("-12.5");
        assertThat(answer(numbers, "100").cell()).isEqualTo("100");
        assertThat(answer(numbers, "-0").cell()).isEqualTo("0");
        assertThat(answer(selections, "d|b,c")).isEqualTo(new Answer.Choices(List.of("b,c", "d")));
        assertThat(answer(selections, "d|b,c").cell()).isEqualTo("b,c|d");
        AnswerRule grades = new AnswerRule.GradeRule(new GradeQuestion("g", T, null, null), 0);
        AnswerRule options = new AnswerRule.SingleRule(
                new SingleQuestion("o", T, List.of(option("ja"), option("nee")), null, null), 0);
        assertThat(answer(grades, "10")).isEqualTo(new Answer.Grade(10));
        assertThat(answer(grades, "1")).isEqualTo(new Answer.Grade(1));
        assertThat(answer(options, "nee")).isEqualTo(new Answer.Choice("nee"));
        assertThat(answer(points, "1")).isEqualTo(new Answer.Point(1));
        assertThat(points.isWholeDigit(1)).isTrue();
        assertThat(points.isWholeDigit(3)).isFalse();
        assertThat(new AnswerRule.GradeRule(new GradeQuestion("g", T, null, null), 0).isWholeDigit(0))
                .isFalse();
        assertThat(new AnswerRule.GradeRule(new GradeQuestion("g", T, null, null), 0).isWholeDigit(9))
                .isTrue();
    }

    private Answer answer(AnswerRule rule, String cell) {
        assertThat(decode(rule, cell)).isNull();
        Answer answer = rule.answer(states[0], values[0], null);
        assertThat(rule.cell(states[0], values[0], null)).isEqualTo(answer.cell());
        assertThat(decode(rule, answer.cell()))
                .as("the cell of the answer is accepted")
                .isNull();
        assertThat(rule.answer(states[0], values[0], null))
                .as("and reads back to the same answer")
                .isEqualTo(answer);
        return answer;
    }
}
