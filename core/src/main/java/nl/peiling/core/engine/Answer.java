package nl.peiling.core.engine;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A typed answer to one question, one record per kind of answer. {@link #cell()} is the answer as the
 * text of its {@code responses.csv} cell (SPEC section 5), the form in which answers are given to a
 * {@link Session} and written to a response record; {@link AnswerRule} turns cells into answers and
 * checks them.
 */
public sealed interface Answer
        permits Answer.Point,
                Answer.NonSubstantive,
                Answer.Choice,
                Answer.Choices,
                Answer.Number,
                Answer.Grade,
                Answer.Text {

    /** The answer as the text of its {@code responses.csv} cell. */
    String cell();

    /** Whether the answer counts in means and shares: every answer but a non-substantive code. */
    default boolean isSubstantive() {
        return !(this instanceof NonSubstantive);
    }

    /** A point of a scale question's scale. */
    record Point(int code) implements Answer {
        @Override
        public String cell() {
            return Integer.toString(code);
        }
    }

    /** A non-substantive code of a scale question ({@code nvt}, {@code wn}): no opinion. */
    record NonSubstantive(String code) implements Answer {
        public NonSubstantive {
            requireNonNull(code, "code");
        }

        @Override
        public String cell() {
            return code;
        }
    }

    /** The option of a single question. */
    record Choice(String code) implements Answer {
        public Choice {
            requireNonNull(code, "code");
        }

        @Override
        public String cell() {
            return code;
        }
    }

    /** The options of a multi question, in the question's order. */
    record Choices(List<String> codes) implements Answer {
        public Choices {
            codes = List.copyOf(codes);
        }

        @Override
        public String cell() {
            return String.join(ResponseLayout.SELECTION_SEPARATOR, codes);
        }
    }

    /** The answer of a number question, with at most six decimals. */
    record Number(BigDecimal value) implements Answer {
        public Number {
            requireNonNull(value, "value");
        }

        @Override
        public String cell() {
            return value.stripTrailingZeros().toPlainString();
        }
    }

    /** A report mark (rapportcijfer), 1 to 10. */
    record Grade(int mark) implements Answer {
        @Override
        public String cell() {
            return Integer.toString(mark);
        }
    }

    /** An open answer, as written. */
    record Text(String text) implements Answer {
        public Text {
            requireNonNull(text, "text");
        }

        @Override
        public String cell() {
            return text;
        }

        @Override
        public String toString() {
            return "Text[" + text.length() + " characters]";
        }
    }
}
