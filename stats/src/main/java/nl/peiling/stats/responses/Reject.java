package nl.peiling.stats.responses;

import static java.util.Objects.requireNonNull;

/**
 * A data row that was not accepted, with the reason. Open text is never echoed: for a text column the
 * value is its length.
 *
 * @param line the line of the file the row starts on (the header is line 1)
 * @param respondent the respondent key, or "" when the row has none
 * @param reason why the row was rejected
 * @param column the column at fault, or "" for the row as a whole
 * @param value the value at fault, or a note such as the line that was kept instead
 */
public record Reject(long line, String respondent, RejectReason reason, String column, String value) {

    public Reject {
        requireNonNull(respondent, "respondent");
        requireNonNull(reason, "reason");
        requireNonNull(column, "column");
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "line " + line + ": " + reason.code() + (column.isEmpty() ? "" : " in " + column)
                + (value.isEmpty() ? "" : " (" + value + ")");
    }
}
