package nl.peiling.cli;

import java.util.Locale;

/** The language of people-facing text. */
public enum Language {
    NL,
    EN;

    /** The language code used in definitions: {@code nl} or {@code en}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
