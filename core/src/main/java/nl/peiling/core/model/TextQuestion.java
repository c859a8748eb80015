package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.Positive;

/**
 * An open question. Its answers are kept as written and never aggregated.
 *
 * @param id question id
 * @param text question text
 * @param maxLength the longest answer in characters, or {@code null} for no limit
 * @param visibleIf routing condition, or {@code null}
 * @param seconds time estimate, or {@code null} for the default
 */
public record TextQuestion(
        @Id String id,
        LocalizedText text,
        @Positive(message = "must be at least 1") Integer maxLength,
        String visibleIf,
        @Positive(message = "must be at least 1") Integer seconds)
        implements Question {

    public TextQuestion {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
    }

    @Override
    public QuestionType type() {
        return QuestionType.TEXT;
    }
}
