package nl.peiling.core.model;

/** The class of a substantive answer in the positive / neutral / negative split of the reports. */
public enum Valence {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
