package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.Positive;

/**
 * An ordinal item answered on a scale of its module.
 *
 * @param id question id
 * @param text question text
 * @param scale the id of the scale, defined in the same module
 * @param visibleIf routing condition, or {@code null}
 * @param seconds time estimate, or {@code null} for {@value QuestionType#SCALE} default
 */
public record ScaleQuestion(
        @Id String id,
        LocalizedText text,
        String scale,
        String visibleIf,
        @Positive(message = "must be at least 1") Integer seconds)
        implements Question {

    public ScaleQuestion {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
        requireNonNull(scale, "scale");
    }

    @Override
    public QuestionType type() {
        return QuestionType.SCALE;
    }
}
