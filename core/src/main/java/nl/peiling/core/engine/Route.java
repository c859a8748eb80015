package nl.peiling.core.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.routing.Condition;

/**
 * A {@code visibleIf} condition compiled against an edition: it reads the decoded answers of a
 * questionnaire ({@link AnswerRule} states and values by question index) and a visibility bit set, and
 * treats an answer whose question is not visible as unanswered.
 *
 * <p>The truth of a comparison on a question with a finite set of answers (scale, grade, single) is
 * looked up in a table made at compile time by evaluating the parsed {@link Condition} itself on each
 * possible cell text, so the compiled form agrees with {@link Condition#test} on the data cells by
 * construction. Multi questions test the selection's bit mask, numbers compare millionths.
 */
abstract sealed class Route {

    /** Whether the condition holds. */
    abstract boolean test(byte[] states, long[] values, long[] visible);

    static boolean visible(long[] visible, int q) {
        return (visible[q >>> 6] & (1L << q)) != 0;
    }

    /** An answer that counts: given, and to a visible question. */
    static boolean answered(byte[] states, long[] visible, int q) {
        return states[q] != AnswerRule.EMPTY && visible(visible, q);
    }

    /**
     * Compiles a parsed condition.
     *
     * @param index the question index of an id, or -1
     * @param rules the rules by question index
     * @param self the index of the question the condition belongs to: references must be earlier
     * @throws IllegalArgumentException for a reference that is unknown or not earlier, or a comparison
     *     the question's type does not allow
     */
    static Route compile(
            Condition condition, java.util.function.ToIntFunction<String> index, AnswerRule[] rules, int self) {
        if (condition instanceof Condition.And and) {
            return new And(compile(and.left(), index, rules, self), compile(and.right(), index, rules, self));
        }
        if (condition instanceof Condition.Or or) {
            return new Or(compile(or.left(), index, rules, self), compile(or.right(), index, rules, self));
        }
        if (condition instanceof Condition.Not not) {
            return new Not(compile(not.operand(), index, rules, self));
        }
        String id = condition.references().get(0).question();
        int q = index.applyAsInt(id);
        String of = " in the condition of " + rules[self].question().id();
        if (q < 0) {
            throw new IllegalArgumentException("unknown question \"" + id + "\"" + of);
        }
        if (q >= self) {
            throw new IllegalArgumentException("question \"" + id + "\" is not asked before" + of);
        }
        if (condition instanceof Condition.Answered) {
            return new Answered(q);
        }
        AnswerRule rule = rules[q];
        return switch (rule.question().type()) {
            case SCALE -> {
                Scale scale = ((AnswerRule.ScaleRule) rule).scale();
                int min = scale.min();
                boolean[] points = new boolean[scale.max() - min + 1];
                for (ScalePoint point : scale.points()) {
                    points[point.code() - min] = holds(condition, id, Integer.toString(point.code()));
                }
                List<Option> codes = scale.nonSubstantive();
                boolean[] other = new boolean[codes.size()];
                for (int i = 0; i < other.length; i++) {
                    other[i] = holds(condition, id, codes.get(i).code());
                }
                yield new Table(q, min, points, other);
            }
            case GRADE -> {
                boolean[] marks = new boolean[GradeQuestion.MAX - GradeQuestion.MIN + 1];
                for (int mark = GradeQuestion.MIN; mark <= GradeQuestion.MAX; mark++) {
                    marks[mark - GradeQuestion.MIN] = holds(condition, id, Integer.toString(mark));
                }
                yield new Table(q, GradeQuestion.MIN, marks, new boolean[0]);
            }
            case SINGLE -> {
                List<Option> options = ((SingleQuestion) rule.question()).options();
                boolean[] chosen = new boolean[options.size()];
                for (int i = 0; i < chosen.length; i++) {
                    chosen[i] = holds(condition, id, options.get(i).code());
                }
                yield new Table(q, 0, chosen, new boolean[0]);
            }
            case MULTI -> selection(condition, q, (nl.peiling.core.model.MultiQuestion) rule.question(), of);
            case NUMBER -> number(condition, q, of);
            case TEXT ->
                throw new IllegalArgumentException(
                        "open question \"" + id + "\" can only be tested with answered(" + id + ")" + of);
        };
    }

    private static boolean holds(Condition atom, String id, String cell) {
        return atom.test(Map.of(id, cell));
    }

    private static Route selection(
            Condition condition, int q, nl.peiling.core.model.MultiQuestion question, String of) {
        List<Condition.Literal> literals = condition.references().get(0).literals();
        Condition.Operator operator =
                condition instanceof Condition.Comparison c ? c.operator() : Condition.Operator.EQ;
        if (operator.isOrdering()) {
            throw new IllegalArgumentException("multi question \"" + question.id() + "\" has no order" + of);
        }
        long mask = 0;
        for (Condition.Literal literal : literals) {
            int option = -1;
            if (literal instanceof Condition.TextLiteral text) {
                for (int i = 0; i < question.options().size(); i++) {
                    if (question.options().get(i).code().equals(text.value())) {
                        option = i;
                    }
                }
            }
            if (option < 0) {
                throw new IllegalArgumentException(
                        literal + " is not an option of multi question \"" + question.id() + "\"" + of);
            }
            mask |= 1L << option;
        }
        return new Selection(q, mask, operator == Condition.Operator.NE);
    }

    private static Route number(Condition condition, int q, String of) {
        List<Condition.Literal> literals = condition.references().get(0).literals();
        long[] floors = new long[literals.size()];
        boolean[] exact = new boolean[literals.size()];
        for (int i = 0; i < floors.length; i++) {
            if (!(literals.get(i) instanceof Condition.NumberLiteral number)) {
                throw new IllegalArgumentException(
                        "number question \"" + condition.references().get(0).question()
                                + "\" is compared with the text " + literals.get(i) + of);
            }
            BigDecimal micros = number.value().movePointRight(6);
            BigDecimal floor = micros.setScale(0, RoundingMode.FLOOR);
            BigDecimal limit = BigDecimal.valueOf(Long.MAX_VALUE / 2);
            floor = floor.max(limit.negate()).min(limit);
            floors[i] = floor.longValueExact();
            exact[i] = micros.compareTo(floor) == 0;
        }
        Condition.Operator operator =
                condition instanceof Condition.Comparison c ? c.operator() : null; // null: in (...)
        return new NumberTest(q, operator, floors, exact);
    }

    /** {@code answered(q)}. */
    static final class Answered extends Route {
        private final int q;

        Answered(int q) {
            this.q = q;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            return answered(states, visible, q);
        }
    }

    /** A comparison or membership test on a question with finitely many answers, by table. */
    static final class Table extends Route {
        private final int q;
        private final int offset;
        private final boolean[] substantive;
        private final boolean[] nonSubstantive;

        Table(int q, int offset, boolean[] substantive, boolean[] nonSubstantive) {
            this.q = q;
            this.offset = offset;
            this.substantive = substantive;
            this.nonSubstantive = nonSubstantive;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            if (!answered(states, visible, q)) {
                return false;
            }
            long value = values[q];
            if (states[q] == AnswerRule.NON_SUBSTANTIVE) {
                return value >= 0 && value < nonSubstantive.length && nonSubstantive[(int) value];
            }
            long at = value - offset;
            return at >= 0 && at < substantive.length && substantive[(int) at];
        }
    }

    /** {@code = 'x'}, {@code != 'x'} and {@code in (...)} on a multi question: any of the options selected. */
    static final class Selection extends Route {
        private final int q;
        private final long mask;
        private final boolean negated;

        Selection(int q, long mask, boolean negated) {
            this.q = q;
            this.mask = mask;
            this.negated = negated;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            if (!answered(states, visible, q)) {
                return false;
            }
            return ((values[q] & mask) != 0) != negated;
        }
    }

    /** A comparison or membership test on a number question, in millionths. */
    static final class NumberTest extends Route {
        private final int q;
        private final Condition.Operator operator;
        private final long[] floors;
        private final boolean[] exact;

        NumberTest(int q, Condition.Operator operator, long[] floors, boolean[] exact) {
            this.q = q;
            this.operator = operator;
            this.floors = floors;
            this.exact = exact;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            if (!answered(states, visible, q)) {
                return false;
            }
            long value = values[q];
            if (operator == null) {
                for (int i = 0; i < floors.length; i++) {
                    if (exact[i] && value == floors[i]) {
                        return true;
                    }
                }
                return false;
            }
            // the sign of value - literal: a literal between two millionths is above the floor
            int comparison = value > floors[0] ? 1 : value < floors[0] ? -1 : exact[0] ? 0 : -1;
            return operator.holds(comparison);
        }
    }

    static final class And extends Route {
        private final Route left;
        private final Route right;

        And(Route left, Route right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            return left.test(states, values, visible) && right.test(states, values, visible);
        }
    }

    static final class Or extends Route {
        private final Route left;
        private final Route right;

        Or(Route left, Route right) {
            this.left = left;
            this.right = right;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            return left.test(states, values, visible) || right.test(states, values, visible);
        }
    }

    static final class Not extends Route {
        private final Route operand;

        Not(Route operand) {
            this.operand = operand;
        }

        @Override
        boolean test(byte[] states, long[] values, long[] visible) {
            return !operand.test(states, values, visible);
        }
    }
}
