package nl.peiling.stats.responses;

import java.util.Locale;
import nl.peiling.core.engine.ProblemCode;

/** Why a data row was rejected; {@link #code()} is what the rejects file says. */
public enum RejectReason {
    /** The row has more or fewer fields than the header. */
    FIELD_COUNT,
    /** A field that is not UTF-8 text (its value names the byte, never the text). */
    ENCODING,
    /** The row has no respondent key. */
    MISSING_RESPONDENT,
    /** The institution is not among the known institutions. */
    UNKNOWN_INSTITUTION,
    /** The location is not among the institution's known locations. */
    UNKNOWN_LOCATION,
    /** The level is not 1, 2, 3 or 4. */
    INVALID_LEVEL,
    /** The pathway is not BOL or BBL. */
    INVALID_PATHWAY,
    /** A module id that the edition does not have. */
    UNKNOWN_MODULE,
    /** A value that is not of the question's form (not a number, a malformed decimal). */
    MALFORMED,
    /** A code that is not a point, option or non-substantive code of the question. */
    UNKNOWN_CODE,
    /** A value outside its bounds (number min/max, grade 1–10, multi selections, text length). */
    OUT_OF_RANGE,
    /** An answer to a question outside the respondent's modules. */
    OUTSIDE_MODULES,
    /**
     * An answer to a question whose {@code visibleIf} is false for the row: left out of the figures; the
     * row itself is accepted. Listed in the rejects file, never counted as a rejected row.
     */
    ROUTED_OUT,
    /** The respondent key repeats (a double login); the row with most answers is kept, ties the later. */
    DUPLICATE;

    /**
     * The reason for a cell the {@link nl.peiling.core.engine.AnswerRule answer rules} refuse: as the
     * problem, except that too few or too many selections and too long a text are out of range.
     *
     * @throws IllegalArgumentException for a problem that concerns a session, not a cell
     */
    public static RejectReason of(ProblemCode problem) {
        return switch (problem) {
            case MALFORMED -> MALFORMED;
            case UNKNOWN_CODE -> UNKNOWN_CODE;
            case OUT_OF_RANGE, TOO_FEW_SELECTED, TOO_MANY_SELECTED, TOO_LONG -> OUT_OF_RANGE;
            case UNKNOWN_QUESTION, NOT_ALLOCATED, NOT_VISIBLE, FINISHED ->
                throw new IllegalArgumentException("problem " + problem.code() + " is not a problem of a cell");
        };
    }

    /** The code in the rejects file: {@code field-count}, {@code duplicate}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
