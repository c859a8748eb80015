package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/** The language of people-facing text: Dutch or English. */
public enum Language {
    /** Dutch, the language every definition text has. */
    NL,
    /** English. */
    EN;

    /** The language code used in definitions: {@code nl} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a code ({@code nl}, {@code en}, any case), if it is one of the two. */
    public static Optional<Language> of(String code) {
        requireNonNull(code, "code");
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
