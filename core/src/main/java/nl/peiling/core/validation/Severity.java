package nl.peiling.core.validation;

import java.util.Locale;

/** How bad a violation is: an error makes a definition unusable, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The name in reports and JSON: {@code error} or {@code warning}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
