package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * A question answered with exactly one option.
 *
 * @param id question id
 * @param text question text
 * @param options the options, in the order shown
 * @param visibleIf routing condition, or {@code null}
 * @param seconds time estimate, or {@code null} for the default
 */
public record SingleQuestion(
        @Id String id,
        LocalizedText text,

        @NotEmpty(message = "a question needs at least one option")
        List<Option> options,

        String visibleIf,
        @Positive(message = "must be at least 1") Integer seconds)
        implements Question {

    public SingleQuestion {
        requireNonNull(id, "id");
        requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    /** Whether {@code code} is one of the options. */
    public boolean hasOption(String code) {
        return options.stream().anyMatch(o -> o.code().equals(code));
    }

    @Override
    public QuestionType type() {
        return QuestionType.SINGLE;
    }
}
