package nl.peiling.core.routing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code visibleIf} condition: a small boolean expression over earlier answers.
 *
 * <p>Evaluation takes the answers as a map from question id to value: a {@link Number} or a numeric
 * string for scale, grade and number questions, a string for single and text questions, a collection of
 * option codes for multi questions (a data-file cell {@code a|b} is split on {@code |} as well). A
 * question that is absent, {@code null} or blank is unanswered: every comparison and {@code in} on it is
 * false, {@code answered(q)} is false, and {@code not} turns that into true. On a multi question,
 * {@code = 'x'} means "x is among the selected" and {@code in (...)} means "any of them is selected".
 */
public sealed interface Condition
        permits Condition.Comparison,
                Condition.Membership,
                Condition.Answered,
                Condition.And,
                Condition.Or,
                Condition.Not {

    /** Whether the condition holds for these answers. */
    boolean test(Map<String, ?> answers);

    /** The references to questions, in order of appearance. */
    List<Reference> references();

    /** The ids of all questions the condition reads. */
    default Set<String> questionIds() {
        Set<String> ids = new LinkedHashSet<>();
        references().forEach(r -> ids.add(r.question()));
        return ids;
    }

    /** A comparison operator. */
    enum Operator {
        EQ("="),
        NE("!="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written. */
        public String symbol() {
            return symbol;
        }

        /** Whether the operator orders values ({@code <, <=, >, >=}) rather than testing equality. */
        public boolean isOrdering() {
            return this != EQ && this != NE;
        }

        /** Whether the operator holds for a comparison's sign: {@code value op literal} from {@code compare(value, literal)}. */
        public boolean holds(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }

    /**
     * A reference to a question, with the kind of literal it is compared with.
     *
     * @param question the question id
     * @param position the offset of the id in the expression, from 0
     * @param literals the literals it is compared with (empty for {@code answered})
     * @param operator the comparison operator, or {@code null} for {@code in} and {@code answered}
     */
    record Reference(String question, int position, List<Literal> literals, Operator operator) {
        public Reference {
            requireNonNull(question, "question");
            literals = List.copyOf(literals);
        }
    }

    /** A literal: a number or a quoted string. */
    sealed interface Literal permits NumberLiteral, TextLiteral {}

    /** A number literal. */
    record NumberLiteral(BigDecimal value) implements Literal {
        public NumberLiteral {
            requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** A quoted string literal. */
    record TextLiteral(String value) implements Literal {
        public TextLiteral {
            requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "'" + value.replace("'", "''") + "'";
        }
    }

    /** {@code question op literal}. */
    record Comparison(String question, int position, Operator operator, Literal value) implements Condition {
        public Comparison {
            requireNonNull(question, "question");
            requireNonNull(operator, "operator");
            requireNonNull(value, "value");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            Object answer = Values.answer(answers, question);
            if (answer == null) {
                return false;
            }
            if (answer instanceof Collection<?> selected) {
                if (!(value instanceof TextLiteral text) || operator.isOrdering()) {
                    return false;
                }
                boolean contains = Values.containsText(selected, text.value());
                return operator == Operator.EQ ? contains : !contains;
            }
            Integer comparison = Values.compare(answer, value);
            return comparison != null && operator.holds(comparison);
        }

        @Override
        public List<Reference> references() {
            return List.of(new Reference(question, position, List.of(value), operator));
        }

        @Override
        public String toString() {
            return question + " " + operator.symbol() + " " + value;
        }
    }

    /** {@code question in (literal, ...)}. */
    record Membership(String question, int position, List<Literal> values) implements Condition {
        public Membership {
            requireNonNull(question, "question");
            values = List.copyOf(values);
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            Object answer = Values.answer(answers, question);
            if (answer == null) {
                return false;
            }
            for (Literal literal : values) {
                if (answer instanceof Collection<?> selected) {
                    if (literal instanceof TextLiteral text && Values.containsText(selected, text.value())) {
                        return true;
                    }
                } else {
                    Integer comparison = Values.compare(answer, literal);
                    if (comparison != null && comparison == 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public List<Reference> references() {
            return List.of(new Reference(question, position, values, null));
        }

        @Override
        public String toString() {
            return question + " in ("
                    + String.join(", ", values.stream().map(Literal::toString).toList()) + ")";
        }
    }

    /** {@code answered(question)}. */
    record Answered(String question, int position) implements Condition {
        public Answered {
            requireNonNull(question, "question");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return Values.answer(answers, question) != null;
        }

        @Override
        public List<Reference> references() {
            return List.of(new Reference(question, position, List.of(), null));
        }

        @Override
        public String toString() {
            return "answered(" + question + ")";
        }
    }

    /** {@code left and right}. */
    record And(Condition left, Condition right) implements Condition {
        public And {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return left.test(answers) && right.test(answers);
        }

        @Override
        public List<Reference> references() {
            return Values.concat(left.references(), right.references());
        }

        @Override
        public String toString() {
            return "(" + left + " and " + right + ")";
        }
    }

    /** {@code left or right}. */
    record Or(Condition left, Condition right) implements Condition {
        public Or {
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return left.test(answers) || right.test(answers);
        }

        @Override
        public List<Reference> references() {
            return Values.concat(left.references(), right.references());
        }

        @Override
        public String toString() {
            return "(" + left + " or " + right + ")";
        }
    }

    /** {@code not operand}. */
    record Not(Condition operand) implements Condition {
        public Not {
            requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Map<String, ?> answers) {
            return !operand.test(answers);
        }

        @Override
        public List<Reference> references() {
            return operand.references();
        }

        @Override
        public String toString() {
            return "not " + operand;
        }
    }
}
