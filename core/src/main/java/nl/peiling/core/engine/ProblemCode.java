package nl.peiling.core.engine;

import java.util.Locale;

/** Why an answer was refused; {@link #code()} is the stable code that clients and the API see. */
public enum ProblemCode {
    /** The question id is not in the edition. */
    UNKNOWN_QUESTION,
    /** The question belongs to a module the respondent was not allocated. */
    NOT_ALLOCATED,
    /** The question is hidden by its {@code visibleIf} on the current answers. */
    NOT_VISIBLE,
    /** The value is not of the question's form: not a number, a malformed decimal, an option twice. */
    MALFORMED,
    /** A code that is not a point, option or non-substantive code of the question. */
    UNKNOWN_CODE,
    /** A number or mark outside its bounds. */
    OUT_OF_RANGE,
    /** A multi answer with fewer options than {@code minSelected}. */
    TOO_FEW_SELECTED,
    /** A multi answer with more options than {@code maxSelected}. */
    TOO_MANY_SELECTED,
    /** An open answer longer than {@code maxLength} characters. */
    TOO_LONG,
    /** The session is finished; answers can no longer change. */
    FINISHED;

    private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The stable code: {@code unknown-question}, {@code out-of-range}, ... */
    public String code() {
        return code;
    }
}
