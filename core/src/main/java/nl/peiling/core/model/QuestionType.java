package nl.peiling.core.model;

import java.util.Locale;

/** The six kinds of question, with the default time a respondent takes to answer one. */
public enum QuestionType {
    /** An ordinal item on a scale of its module. */
    SCALE(7),
    /** One option out of several. */
    SINGLE(8),
    /** Any number of options. */
    MULTI(12),
    /** A decimal number within optional bounds. */
    NUMBER(10),
    /** A report mark (rapportcijfer), a whole number 1 to 10; 6 and up is positive. */
    GRADE(6),
    /** Open text; never aggregated. */
    TEXT(30);

    private final int defaultSeconds;
    private final String key = name().toLowerCase(Locale.ROOT);

    QuestionType(int defaultSeconds) {
        this.defaultSeconds = defaultSeconds;
    }

    /** The time estimate in seconds when a question does not state its own. */
    public int defaultSeconds() {
        return defaultSeconds;
    }

    /** The name used in definition files: {@code scale}, {@code single}, ... */
    public String key() {
        return key;
    }

    /** The type for a definition-file name, if it is one. */
    public static java.util.Optional<QuestionType> fromKey(String key) {
        for (QuestionType type : values()) {
            if (type.key().equals(key)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
