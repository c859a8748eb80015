package nl.peiling.stats.responses;

import java.util.Locale;

/** Why a data row was rejected; {@link #code()} is what the rejects file says. */
public enum RejectReason {
    /** The row has more or fewer fields than the header. */
    FIELD_COUNT,
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
    /** The respondent key repeats (a double login); the row with most answers is kept, ties the later. */
    DUPLICATE;

    /** The code in the rejects file: {@code field-count}, {@code duplicate}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
