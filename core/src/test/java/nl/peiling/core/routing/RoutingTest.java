package nl.peiling.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest {

    @Test
    void parse_comparison_buildsTheTree() {
        Condition condition = Routing.parse("hv00 = 'ja'");
        assertThat(condition)
                .isEqualTo(new Condition.Comparison("hv00", 0, Condition.Operator.EQ, new Condition.TextLiteral("ja")));
    }

    @Test
    void parse_precedence_andBindsTighterThanOr() {
        Condition condition = Routing.parse("a = 1 or b = 2 and not c = 3");
        assertThat(condition).hasToString("(a = 1 or (b = 2 and not c = 3))");
    }

    @Test
    void parse_everyConstruct() {
        Condition condition = Routing.parse("(q1 >= 4 and q2 in ('a', 'b')) or answered(q3) or not (q4 != -2.5)");
        assertThat(condition.questionIds()).containsExactly("q1", "q2", "q3", "q4");
        assertThat(condition.references())
                .extracting(Condition.Reference::position)
                .containsExactly(1, 13, 43, 55);
    }

    @Test
    void parse_spaceAnywhereBetweenTokens_orNone_givesTheSameCondition() {
        String tight = "(q1>=4 and q2 in('a','b'))or answered(q3)or not(q4!=-2.5)";
        String loose = " \t( q1 >= 4  and  q2  in  ( 'a' ,  'b' ) )  or  answered ( q3 )  or  not ( q4  !=  -2.5 ) \t";
        String canonical = "(((q1 >= 4 and q2 in ('a', 'b')) or answered(q3)) or not q4 != -2.5)";
        assertThat(Routing.parse(tight)).hasToString(canonical);
        assertThat(Routing.parse(loose)).hasToString(canonical);
    }

    @Test
    void parse_doubledQuote_isAQuoteInTheString() {
        Condition condition = Routing.parse("q = 'it''s'");
        assertThat(((Condition.Comparison) condition).value()).isEqualTo(new Condition.TextLiteral("it's"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|1|empty condition",
                "q1 =|5|expected a number or a 'quoted string', found the end",
                "q1 = 'ja|6|unterminated string",
                "q1 == 2|5|expected a number or a 'quoted string', found \"= 2\"",
                "Q1 = 2|1|expected a question id, found \"Q1 = 2\"",
                "q1 = 2 q2 = 3|8|unexpected \"q2 = 3\"",
                "(q1 = 2|8|expected ')', found the end",
                "q1 in 'a'|7|expected '(', found \"'a'\"",
                "and = 1|1|expected a question id, found keyword \"and\"",
                "q1 ~ 1|4|expected an operator (=, !=, <, <=, >, >=, in), found \"~ 1\"",
                "q1 = 1.|8|expected a digit after the decimal point"
            })
    void parse_errors_namePositionAndReason(String expression, int position, String reason) {
        assertThatThrownBy(() -> Routing.parse(expression)).isInstanceOfSatisfying(RoutingException.class, e -> {
            assertThat(e.position() + 1).isEqualTo(position);
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.expression()).isEqualTo(expression);
        });
    }

    @Test
    void parse_deepNesting_isRejectedNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "q = 1" + ")".repeat(10_000);
        assertThatThrownBy(() -> Routing.parse(deep))
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining("longer than 4000 characters");
        String nested = "not ".repeat(60) + "q = 1";
        assertThatThrownBy(() -> Routing.parse(nested))
                .isInstanceOf(RoutingException.class)
                .hasMessageContaining("nested deeper than 50");
    }

    @Test
    void test_comparesNumbersNumerically() {
        Condition condition = Routing.parse("q >= 4");
        assertThat(condition.test(Map.of("q", 4))).isTrue();
        assertThat(condition.test(Map.of("q", "5"))).isTrue();
        assertThat(condition.test(Map.of("q", new BigDecimal("3.99")))).isFalse();
        assertThat(condition.test(Map.of("q", "10")))
                .as("numeric, not text order")
                .isTrue();
        assertThat(condition.test(Map.of("q", "nvt")))
                .as("a non-substantive code is no number")
                .isFalse();
    }

    @Test
    void test_everyOperator_onAnswersBelowAtAndAboveTheLiteral() {
        // answers 3, 4 (also written 4.0) and 5 against the literal 4
        Map<String, List<Boolean>> expected = Map.of(
                "=", List.of(false, true, true, false),
                "!=", List.of(true, false, false, true),
                "<", List.of(true, false, false, false),
                "<=", List.of(true, true, true, false),
                ">", List.of(false, false, false, true),
                ">=", List.of(false, true, true, true));
        List<Object> answers = List.of(3, "4", new BigDecimal("4.0"), "5");
        expected.forEach((operator, truths) -> {
            Condition condition = Routing.parse("q " + operator + " 4");
            for (int i = 0; i < answers.size(); i++) {
                assertThat(condition.test(Map.of("q", answers.get(i))))
                        .as("%s with q = %s", condition, answers.get(i))
                        .isEqualTo(truths.get(i));
            }
        });
    }

    @Test
    void test_membership_matchesNumbersNumericallyAndCodesAsText() {
        Condition condition = Routing.parse("q in (1, 2.5, 'nvt')");
        assertThat(condition.test(Map.of("q", "2.50"))).isTrue();
        assertThat(condition.test(Map.of("q", 1))).isTrue();
        assertThat(condition.test(Map.of("q", "nvt"))).isTrue();
        assertThat(condition.test(Map.of("q", 2))).isFalse();
        assertThat(condition.test(Map.of("q", "wn"))).isFalse();
        assertThat(condition.test(Map.of())).as("unanswered").isFalse();
        assertThat(condition.test(Map.of("q", List.of("1", "nvt"))))
                .as("a selection holds 'nvt'")
                .isTrue();
        assertThat(condition.test(Map.of("q", List.of("1", "2"))))
                .as("numbers never match a selection")
                .isFalse();
    }

    @Test
    void test_unansweredQuestion_makesComparisonsFalseAndNotTrue() {
        assertThat(Routing.parse("q = 'ja'").test(Map.of())).isFalse();
        assertThat(Routing.parse("q != 'ja'").test(Map.of())).isFalse();
        assertThat(Routing.parse("not q = 'ja'").test(Map.of())).isTrue();
        assertThat(Routing.parse("answered(q)").test(Map.of("q", " "))).isFalse();
        assertThat(Routing.parse("answered(q)").test(Map.of("q", "nee"))).isTrue();
    }

    @Test
    void test_multiAnswers_equalsMeansSelected() {
        Condition bus = Routing.parse("vervoer = 'bus'");
        assertThat(bus.test(Map.of("vervoer", List.of("fiets", "bus")))).isTrue();
        assertThat(bus.test(Map.of("vervoer", Set.of("fiets")))).isFalse();
        assertThat(bus.test(Map.of("vervoer", "fiets|bus")))
                .as("a data-file cell")
                .isTrue();
        assertThat(Routing.parse("vervoer != 'bus'").test(Map.of("vervoer", List.of("fiets"))))
                .isTrue();
        assertThat(Routing.parse("vervoer in ('auto', 'bus')").test(Map.of("vervoer", List.of("fiets", "bus"))))
                .isTrue();
        assertThat(Routing.parse("vervoer in ('auto', 'trein')").test(Map.of("vervoer", "fiets|bus")))
                .isFalse();
    }

    @Test
    void test_booleanOperators() {
        Condition condition = Routing.parse("a = 1 and (b = 'x' or not c > 2)");
        assertThat(condition.test(Map.of("a", 1, "b", "x"))).isTrue();
        assertThat(condition.test(Map.of("a", 1, "b", "y", "c", 3))).isFalse();
        assertThat(condition.test(Map.of("a", 1, "b", "y", "c", 2))).isTrue();
        assertThat(condition.test(Map.of("a", 2, "b", "x"))).isFalse();
    }

    /** 300 seeded tries; a failure names its seed, which reproduces the expression. */
    @Test
    void toString_parsesBackToTheSameCondition() {
        Tries.check(300, draw -> {
            String expression = condition(draw, Tries.intIn(draw, 0, 4));
            Condition condition = Routing.parse(expression);
            Condition again = Routing.parse(condition.toString());
            assertThat(again.toString()).as("%s", expression).isEqualTo(condition.toString());
            assertThat(again.questionIds()).as("%s", expression).isEqualTo(condition.questionIds());
        });
    }

    /**
     * A condition nested {@code depth} deep: at depth 0 a comparison of a question with a number from -5 to 20 or a
     * quoted text (with a doubled quote among them), else an and, an or or a not of conditions one less deep.
     */
    private static String condition(SplittableRandom random, int depth) {
        if (depth == 0) {
            String id = pick(random, "q1", "q2", "hv00", "wz_03");
            String op = pick(random, "=", "!=", "<", "<=", ">", ">=");
            String literal = random.nextBoolean()
                    ? String.valueOf(Tries.intIn(random, -5, 20))
                    : pick(random, "'ja'", "'nee'", "'it''s'", "'nvt'");
            return id + " " + op + " " + literal;
        }
        return switch (random.nextInt(3)) {
            case 0 -> "(" + condition(random, depth - 1) + ") and " + condition(random, depth - 1);
            case 1 -> condition(random, depth - 1) + " or (" + condition(random, depth - 1) + ")";
            default -> "not (" + condition(random, depth - 1) + ")";
        };
    }

    private static String pick(SplittableRandom random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
