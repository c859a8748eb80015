package nl.peiling.core.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** How the evaluator reads answer values; see {@link Condition} for the rules. */
final class Values {

    private Values() {}

    /** The answer, with blanks as null and a {@code |}-joined string of a multi cell kept as is. */
    static Object answer(Map<String, ?> answers, String question) {
        Object value = answers.get(question);
        if (value instanceof CharSequence text && text.toString().isBlank()) {
            return null;
        }
        if (value instanceof Collection<?> selected && selected.isEmpty()) {
            return null;
        }
        return value;
    }

    static boolean containsText(Collection<?> selected, String code) {
        for (Object item : selected) {
            if (item != null && code.equals(item.toString())) {
                return true;
            }
        }
        return false;
    }

    /** Compares an answer with a literal, or returns null when they cannot be compared. */
    static Integer compare(Object answer, Condition.Literal literal) {
        if (literal instanceof Condition.NumberLiteral number) {
            BigDecimal value = number(answer);
            return value == null ? null : value.compareTo(number.value());
        }
        String text = ((Condition.TextLiteral) literal).value();
        if (answer instanceof Number) {
            return null;
        }
        String given = answer.toString();
        if (given.indexOf('|') >= 0) {
            return Arrays.asList(given.split("\\|", -1)).contains(text) ? 0 : 1;
        }
        return given.compareTo(text);
    }

    private static BigDecimal number(Object answer) {
        if (answer instanceof BigDecimal decimal) {
            return decimal;
        }
        if (answer instanceof Integer || answer instanceof Long || answer instanceof Short || answer instanceof Byte) {
            return BigDecimal.valueOf(((Number) answer).longValue());
        }
        if (answer instanceof Number number) {
            double value = number.doubleValue();
            return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
        }
        String text = answer.toString().trim();
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first.size() + second.size());
        all.addAll(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
