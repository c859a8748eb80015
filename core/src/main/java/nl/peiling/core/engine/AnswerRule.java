package nl.peiling.core.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/**
 * The one set of rules for the answers of one question: which cell texts are valid answers, and their
 * compact code. The questionnaire engine, the responses reader and the simulator all check answers
 * here.
 *
 * <p>A decoded answer is a state ({@link #EMPTY}, {@link #SUBSTANTIVE}, {@link #NON_SUBSTANTIVE},
 * {@link #TEXT}) and a {@code long} value: for a scale question the point code, or the index of the
 * non-substantive code; for a grade the mark; for a single question the index of the option; for a multi
 * question a bit mask of the selected options (bit i for option i); for a number the value in
 * millionths; for open text nothing (the text is kept apart). Cells are decoded from their UTF-8 bytes,
 * so a reader need not make strings.
 *
 * <p>Rules are immutable; {@link Questionnaire#rule(int)} has the rule of every question.
 */
public abstract sealed class AnswerRule
        permits AnswerRule.ScaleRule,
                AnswerRule.GradeRule,
                AnswerRule.SingleRule,
                AnswerRule.MultiRule,
                AnswerRule.NumberRule,
                AnswerRule.TextRule {

    /** Not answered (or, in a record, not shown). */
    public static final byte EMPTY = 0;
    /** A substantive answer. */
    public static final byte SUBSTANTIVE = 1;
    /** A non-substantive code of a scale ({@code nvt}, {@code wn}). */
    public static final byte NON_SUBSTANTIVE = 2;
    /** An open answer (its text is kept apart). */
    public static final byte TEXT = 3;

    /** The scale of number values: a value is stored in millionths. */
    public static final long NUMBER_SCALE = 1_000_000L;

    /** The most options a multi question may have: its selections are a 64-bit mask. */
    public static final int MAX_MULTI_OPTIONS = 63;

    private final Question question;
    private final int module;

    private AnswerRule(Question question, int module) {
        this.question = question;
        this.module = module;
    }

    /**
     * The rule of a question of a module.
     *
     * @param module the index of the question's module in its edition (base 0)
     * @throws IllegalArgumentException when a scale question's scale is not in the module, or a multi
     *     question has more than {@value #MAX_MULTI_OPTIONS} options
     */
    static AnswerRule of(Question question, Module owner, int module) {
        return switch (question.type()) {
            case SCALE -> {
                ScaleQuestion q = (ScaleQuestion) question;
                Scale scale = owner.scale(q.scale())
                        .orElseThrow(() -> new IllegalArgumentException("question " + q.id() + " uses scale \""
                                + q.scale() + "\", which module " + owner.id() + " does not define"));
                yield new ScaleRule(q, module, scale);
            }
            case GRADE -> new GradeRule((GradeQuestion) question, module);
            case SINGLE -> new SingleRule((SingleQuestion) question, module);
            case MULTI -> new MultiRule((MultiQuestion) question, module);
            case NUMBER -> new NumberRule((NumberQuestion) question, module);
            case TEXT -> new TextRule((TextQuestion) question, module);
        };
    }

    /** The question. */
    public Question question() {
        return question;
    }

    /** The index of the question's module in the edition (base 0): its bit in a module mask. */
    public int module() {
        return module;
    }

    /**
     * Decodes the non-empty cell data[from, to) (UTF-8) into states[index] and values[index].
     *
     * @return null when the cell is a valid answer, else why not (and the arrays are unchanged)
     */
    public abstract ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index);

    /** Checks a non-empty cell text; null when it is a valid answer. */
    public ProblemCode check(String cell) {
        byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
        return decode(bytes, 0, bytes.length, new byte[1], new long[1], 0);
    }

    /**
     * The typed answer of a decoded state and value.
     *
     * @param text the text of an open answer; ignored for other questions
     * @throws IllegalArgumentException for {@link #EMPTY}
     */
    public abstract Answer answer(byte state, long value, String text);

    /**
     * The cell text of a decoded state and value: {@code answer(state, value, text).cell()}, without making
     * the typed answer where the text is at hand (points, marks, option codes).
     *
     * @param text the text of an open answer; ignored for other questions
     */
    public String cell(byte state, long value, String text) {
        return answer(state, value, text).cell();
    }

    /** Whether the question is open text, whose answers are never aggregated. */
    public boolean isText() {
        return false;
    }

    /**
     * Whether the one-byte cell of this ASCII digit (0 to 9) is a whole substantive answer whose value is
     * the digit: a one-digit scale point, a mark from 1 to 9. Lets a reader take the common cell in one
     * step.
     */
    public boolean isWholeDigit(int digit) {
        return false;
    }

    static IllegalArgumentException empty(Question question) {
        return new IllegalArgumentException("question " + question.id() + " has no answer");
    }

    /** Parses a whole number of at most 9 digits with an optional minus sign; null when malformed. */
    static Integer integer(byte[] data, int from, int to) {
        boolean negative = data[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || to - i > 9) {
            return null;
        }
        int value = 0;
        for (; i < to; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    private static Codes codes(List<Option> options) {
        return new Codes(options.stream().map(Option::code).toList());
    }

    /** A scale question: a point of its scale, or one of the scale's non-substantive codes. */
    public static final class ScaleRule extends AnswerRule {
        private final boolean[] small = new boolean[10];
        private final Scale scale;
        private final Codes nonSubstantive;
        /** The cell text of each point, by code - min. */
        private final String[] points;
        /** The scale's lowest point code. */
        private final int min;

        ScaleRule(ScaleQuestion question, int module, Scale scale) {
            super(question, module);
            this.scale = scale;
            for (ScalePoint point : scale.points()) {
                if (point.code() >= 0 && point.code() < small.length) {
                    small[point.code()] = true;
                }
            }
            this.nonSubstantive = codes(scale.nonSubstantive());
            this.min = scale.min();
            this.points = new String[Math.max(0, scale.max() - min + 1)];
            for (ScalePoint point : scale.points()) {
                points[point.code() - min] = Integer.toString(point.code());
            }
        }

        @Override
        public String cell(byte state, long value, String text) {
            return switch (state) {
                case SUBSTANTIVE -> points[(int) value - min];
                case NON_SUBSTANTIVE -> nonSubstantive.get((int) value);
                default -> throw empty(question());
            };
        }

        /** The question's scale. */
        public Scale scale() {
            return scale;
        }

        @Override
        public boolean isWholeDigit(int digit) {
            return digit >= 0 && digit <= 9 && small[digit];
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            if (to - from == 1) {
                int digit = data[from] - '0';
                if (digit >= 0 && digit <= 9 && small[digit]) {
                    states[index] = SUBSTANTIVE;
                    values[index] = digit;
                    return null;
                }
            }
            int ns = nonSubstantive.find(data, from, to);
            if (ns >= 0) {
                states[index] = NON_SUBSTANTIVE;
                values[index] = ns;
                return null;
            }
            Integer code = integer(data, from, to);
            if (code != null && scale.hasPoint(code)) {
                states[index] = SUBSTANTIVE;
                values[index] = code;
                return null;
            }
            return ProblemCode.UNKNOWN_CODE;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            return switch (state) {
                case SUBSTANTIVE -> new Answer.Point((int) value);
                case NON_SUBSTANTIVE -> new Answer.NonSubstantive(nonSubstantive.get((int) value));
                default -> throw empty(question());
            };
        }
    }

    /** A report mark: a whole number from 1 to 10. */
    public static final class GradeRule extends AnswerRule {
        private static final String[] MARKS = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};

        GradeRule(GradeQuestion question, int module) {
            super(question, module);
        }

        @Override
        public String cell(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            return MARKS[(int) value - GradeQuestion.MIN];
        }

        @Override
        public boolean isWholeDigit(int digit) {
            return digit >= GradeQuestion.MIN && digit <= 9;
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            Integer grade = integer(data, from, to);
            if (grade == null) {
                return ProblemCode.MALFORMED;
            }
            if (grade < GradeQuestion.MIN || grade > GradeQuestion.MAX) {
                return ProblemCode.OUT_OF_RANGE;
            }
            states[index] = SUBSTANTIVE;
            values[index] = grade;
            return null;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            return new Answer.Grade((int) value);
        }
    }

    /** A single question: the code of one of its options. */
    public static final class SingleRule extends AnswerRule {
        private final Codes options;

        SingleRule(SingleQuestion question, int module) {
            super(question, module);
            this.options = codes(question.options());
        }

        @Override
        public String cell(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            return options.get((int) value);
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            int option = options.find(data, from, to);
            if (option < 0) {
                return ProblemCode.UNKNOWN_CODE;
            }
            states[index] = SUBSTANTIVE;
            values[index] = option;
            return null;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            return new Answer.Choice(options.get((int) value));
        }
    }

    /**
     * A multi question: option codes joined by {@code |}, each at most once, at least {@code minSelected}
     * (and at least one: an empty cell is no answer) and at most {@code maxSelected}.
     */
    public static final class MultiRule extends AnswerRule {
        private final Codes options;
        private final int min;
        private final int max;

        MultiRule(MultiQuestion question, int module) {
            super(question, module);
            if (question.options().size() > MAX_MULTI_OPTIONS) {
                throw new IllegalArgumentException("multi question " + question.id() + " has "
                        + question.options().size() + " options; at most " + MAX_MULTI_OPTIONS + " are supported");
            }
            this.options = codes(question.options());
            this.min = question.minSelected() == null ? 1 : Math.max(1, question.minSelected());
            this.max = question.maxSelected() == null ? options.size() : question.maxSelected();
        }

        /** The fewest options an answer selects (at least 1). */
        public int min() {
            return min;
        }

        /** The most options an answer selects. */
        public int max() {
            return max;
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            long mask = 0;
            int count = 0;
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || data[i] == '|') {
                    int option = options.find(data, start, i);
                    if (option < 0) {
                        return ProblemCode.UNKNOWN_CODE;
                    }
                    if ((mask & (1L << option)) != 0) {
                        return ProblemCode.MALFORMED;
                    }
                    mask |= 1L << option;
                    count++;
                    start = i + 1;
                }
            }
            if (count < min) {
                return ProblemCode.TOO_FEW_SELECTED;
            }
            if (count > max) {
                return ProblemCode.TOO_MANY_SELECTED;
            }
            states[index] = SUBSTANTIVE;
            values[index] = mask;
            return null;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            List<String> selected = new ArrayList<>(Long.bitCount(value));
            for (long bits = value; bits != 0; bits &= bits - 1) {
                selected.add(options.get(Long.numberOfTrailingZeros(bits)));
            }
            return new Answer.Choices(selected);
        }
    }

    /**
     * A number question: a decimal with {@code .}, an optional minus sign, 1 to 12 digits before the
     * point and at most six significant digits after it, within the question's bounds.
     */
    public static final class NumberRule extends AnswerRule {
        private final BigDecimal min;
        private final BigDecimal max;

        NumberRule(NumberQuestion question, int module) {
            super(question, module);
            this.min = question.min();
            this.max = question.max();
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            int i = from;
            boolean negative = data[i] == '-';
            if (negative) {
                i++;
            }
            long whole = 0;
            int wholeDigits = 0;
            while (i < to && data[i] >= '0' && data[i] <= '9') {
                whole = whole * 10 + (data[i] - '0');
                wholeDigits++;
                i++;
            }
            long fraction = 0;
            int fractionDigits = 0;
            if (i < to && data[i] == '.') {
                i++;
                while (i < to && data[i] >= '0' && data[i] <= '9') {
                    if (fractionDigits < 6) {
                        fraction = fraction * 10 + (data[i] - '0');
                    } else if (data[i] != '0') {
                        return ProblemCode.MALFORMED; // more precision than millionths
                    }
                    fractionDigits++;
                    i++;
                }
                if (fractionDigits == 0) {
                    return ProblemCode.MALFORMED;
                }
            }
            if (i != to || wholeDigits == 0 || wholeDigits > 12) {
                return ProblemCode.MALFORMED;
            }
            for (int d = Math.min(fractionDigits, 6); d < 6; d++) {
                fraction *= 10;
            }
            long micros = whole * NUMBER_SCALE + fraction;
            if (negative) {
                micros = -micros;
            }
            if (min != null || max != null) {
                BigDecimal value = BigDecimal.valueOf(micros, 6);
                if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                    return ProblemCode.OUT_OF_RANGE;
                }
            }
            states[index] = SUBSTANTIVE;
            values[index] = micros;
            return null;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            if (state != SUBSTANTIVE) {
                throw empty(question());
            }
            return new Answer.Number(BigDecimal.valueOf(value, 6).stripTrailingZeros());
        }
    }

    /** An open question: any text up to {@code maxLength} characters (code points). */
    public static final class TextRule extends AnswerRule {
        private final Integer maxLength;

        TextRule(TextQuestion question, int module) {
            super(question, module);
            this.maxLength = question.maxLength();
        }

        @Override
        public boolean isText() {
            return true;
        }

        @Override
        public ProblemCode decode(byte[] data, int from, int to, byte[] states, long[] values, int index) {
            if (maxLength != null && characters(data, from, to) > maxLength) {
                return ProblemCode.TOO_LONG;
            }
            states[index] = TEXT;
            return null;
        }

        @Override
        public Answer answer(byte state, long value, String text) {
            if (state != TEXT || text == null) {
                throw empty(question());
            }
            return new Answer.Text(text);
        }

        /** The number of characters (code points) of UTF-8 data: the bytes that do not continue one. */
        static int characters(byte[] data, int from, int to) {
            int characters = 0;
            for (int i = from; i < to; i++) {
                if ((data[i] & 0xC0) != 0x80) {
                    characters++;
                }
            }
            return characters;
        }
    }
}
