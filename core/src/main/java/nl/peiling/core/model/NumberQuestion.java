package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * A question answered with a decimal number.
 *
 * @param id question id
 * @param text question text
 * @param min the smallest allowed answer, or {@code null}
 * @param max the largest allowed answer, or {@code null}
 * @param unit the unit shown beside the input (minutes, euro), or {@code null}
 * @param visibleIf routing condition, or {@code null}
 * @param seconds time estimate, or {@code null} for the default
 */
public record NumberQuestion(
        @Id String id,
        LocalizedText text,
        BigDecimal min,
        BigDecimal max,
        LocalizedText unit,
        String visibleIf,
        @Positive(message = "must be at least 1") Integer seconds)
        implements Question {

    public NumberQuestion {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
    }

    @Override
    public QuestionType type() {
        return QuestionType.NUMBER;
    }
}
