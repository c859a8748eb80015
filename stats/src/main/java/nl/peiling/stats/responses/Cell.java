package nl.peiling.stats.responses;

import java.math.BigDecimal;
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

/** How the cells of one question's column are checked and decoded, without making strings. */
abstract class Cell {

    /** The index of the question's module in the edition (bit of the respondent's module mask). */
    final int module;

    Cell(int module) {
        this.module = module;
    }

    static Cell of(Question question, Module owner, int module) {
        if (question instanceof ScaleQuestion q) {
            Scale scale = owner.scale(q.scale()).orElseThrow();
            return new ScaleCell(module, scale);
        }
        if (question instanceof GradeQuestion) {
            return new GradeCell(module);
        }
        if (question instanceof SingleQuestion q) {
            return new SingleCell(module, q.options());
        }
        if (question instanceof MultiQuestion q) {
            return new MultiCell(module, q);
        }
        if (question instanceof NumberQuestion q) {
            return new NumberCell(module, q);
        }
        return new TextCell(module, ((TextQuestion) question).maxLength());
    }

    /** Decodes a non-empty cell into the row's code for question {@code q}; a reason when it fails. */
    abstract RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q);

    boolean isText() {
        return false;
    }

    static Codes codes(List<Option> options) {
        return new Codes(options.stream().map(Option::code).toList());
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

    static final class ScaleCell extends Cell {
        final boolean[] small = new boolean[128];
        final Scale scale;
        final Codes nonSubstantive;

        ScaleCell(int module, Scale scale) {
            super(module);
            this.scale = scale;
            for (ScalePoint point : scale.points()) {
                if (point.code() >= 0 && point.code() < small.length) {
                    small[point.code()] = true;
                }
            }
            this.nonSubstantive = codes(scale.nonSubstantive());
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            if (to - from == 1) {
                int digit = data[from] - '0';
                if (digit >= 0 && digit <= 9 && small[digit]) {
                    row.states[q] = ResponseRow.SUBSTANTIVE;
                    row.values[q] = digit;
                    return null;
                }
            }
            int ns = nonSubstantive.find(data, from, to);
            if (ns >= 0) {
                row.states[q] = ResponseRow.NON_SUBSTANTIVE;
                row.values[q] = ns;
                return null;
            }
            Integer code = integer(data, from, to);
            if (code != null && scale.hasPoint(code)) {
                row.states[q] = ResponseRow.SUBSTANTIVE;
                row.values[q] = code;
                return null;
            }
            return RejectReason.UNKNOWN_CODE;
        }
    }

    static final class GradeCell extends Cell {
        GradeCell(int module) {
            super(module);
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            Integer grade = integer(data, from, to);
            if (grade == null) {
                return RejectReason.MALFORMED;
            }
            if (grade < GradeQuestion.MIN || grade > GradeQuestion.MAX) {
                return RejectReason.OUT_OF_RANGE;
            }
            row.states[q] = ResponseRow.SUBSTANTIVE;
            row.values[q] = grade;
            return null;
        }
    }

    static final class SingleCell extends Cell {
        final Codes options;

        SingleCell(int module, List<Option> options) {
            super(module);
            this.options = codes(options);
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            int option = options.find(data, from, to);
            if (option < 0) {
                return RejectReason.UNKNOWN_CODE;
            }
            row.states[q] = ResponseRow.SUBSTANTIVE;
            row.values[q] = option;
            return null;
        }
    }

    static final class MultiCell extends Cell {
        final Codes options;
        final int min;
        final int max;

        MultiCell(int module, MultiQuestion question) {
            super(module);
            if (question.options().size() > 63) {
                throw new IllegalArgumentException("multi question " + question.id() + " has more than 63 options");
            }
            this.options = codes(question.options());
            this.min = question.minSelected() == null ? 1 : Math.max(1, question.minSelected());
            this.max = question.maxSelected() == null ? options.size() : question.maxSelected();
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            long mask = 0;
            int count = 0;
            int start = from;
            for (int i = from; i <= to; i++) {
                if (i == to || data[i] == '|') {
                    int option = options.find(data, start, i);
                    if (option < 0) {
                        return RejectReason.UNKNOWN_CODE;
                    }
                    if ((mask & (1L << option)) != 0) {
                        return RejectReason.MALFORMED;
                    }
                    mask |= 1L << option;
                    count++;
                    start = i + 1;
                }
            }
            if (count < min || count > max) {
                return RejectReason.OUT_OF_RANGE;
            }
            row.states[q] = ResponseRow.SUBSTANTIVE;
            row.values[q] = mask;
            return null;
        }
    }

    static final class NumberCell extends Cell {
        final BigDecimal min;
        final BigDecimal max;

        NumberCell(int module, NumberQuestion question) {
            super(module);
            this.min = question.min();
            this.max = question.max();
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            // A decimal with '.', at most 12 digits before and 6 after the point, stored in millionths.
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
                        return RejectReason.MALFORMED; // more precision than millionths
                    }
                    fractionDigits++;
                    i++;
                }
                if (fractionDigits == 0) {
                    return RejectReason.MALFORMED;
                }
            }
            if (i != to || wholeDigits == 0 || wholeDigits > 12) {
                return RejectReason.MALFORMED;
            }
            for (int d = Math.min(fractionDigits, 6); d < 6; d++) {
                fraction *= 10;
            }
            long micros = whole * ResponseRow.NUMBER_SCALE + fraction;
            if (negative) {
                micros = -micros;
            }
            if (min != null || max != null) {
                BigDecimal value = BigDecimal.valueOf(micros, 6);
                if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                    return RejectReason.OUT_OF_RANGE;
                }
            }
            row.states[q] = ResponseRow.SUBSTANTIVE;
            row.values[q] = micros;
            return null;
        }
    }

    static final class TextCell extends Cell {
        final Integer maxLength;

        TextCell(int module, Integer maxLength) {
            super(module);
            this.maxLength = maxLength;
        }

        @Override
        boolean isText() {
            return true;
        }

        @Override
        RejectReason decode(byte[] data, int from, int to, ResponseRow row, int q) {
            if (maxLength != null) {
                int characters = 0;
                for (int i = from; i < to; i++) {
                    if ((data[i] & 0xC0) != 0x80) {
                        characters++;
                    }
                }
                if (characters > maxLength) {
                    return RejectReason.OUT_OF_RANGE;
                }
            }
            row.states[q] = ResponseRow.TEXT;
            return null;
        }
    }
}
