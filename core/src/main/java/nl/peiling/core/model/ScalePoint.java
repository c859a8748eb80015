package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One substantive point of an answer scale.
 *
 * @param code the whole number written in the data files; points are ordered by code
 * @param label what the respondent sees
 */
public record ScalePoint(int code, LocalizedText label) {

    public ScalePoint {
        requireNonNull(label, "label");
    }

    @Override
    public String toString() {
        return code + "=" + label;
    }
}
