package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.Positive;

/**
 * A report mark (rapportcijfer): a whole number from {@value #MIN} to {@value #MAX}; {@value
 * #POSITIVE_FROM} and up counts as positive, below as negative.
 *
 * @param id question id
 * @param text question text
 * @param visibleIf routing condition, or {@code null}
 * @param seconds time estimate, or {@code null} for the default
 */
public record GradeQuestion(
        @Id String id,
        LocalizedText text,
        String visibleIf,
        @Positive(message = "must be at least 1") Integer seconds) implements Question {

    /** The lowest mark. */
    public static final int MIN = 1;

    /** The highest mark. */
    public static final int MAX = 10;

    /** The lowest mark that counts as positive (a pass). */
    public static final int POSITIVE_FROM = 6;

    public GradeQuestion {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
    }

    @Override
    public QuestionType type() {
        return QuestionType.GRADE;
    }
}
