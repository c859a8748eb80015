package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotBlank;

/**
 * A labelled answer code: an option of a single or multi question, or a non-substantive code of a scale
 * ({@code nvt}, {@code wn}).
 *
 * @param code the code written in the data files
 * @param label what the respondent sees
 */
public record Option(
        @NotBlank(message = "a code must not be blank") String code, LocalizedText label) {

    public Option {
        requireNonNull(code, "code");
        requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return code + "=" + label;
    }
}
