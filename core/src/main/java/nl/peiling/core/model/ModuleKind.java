package nl.peiling.core.model;

import java.util.Locale;
import java.util.Optional;

/** Whether a module is the base questionnaire or an optional thematic module. */
public enum ModuleKind {
    /** The base questionnaire (basisvragenlijst): every respondent gets it. */
    BASE,
    /** A thematic module: chosen by an institution or allocated at random. */
    OPTIONAL;

    /** The name used in definition files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a definition-file name, if it is one. */
    public static Optional<ModuleKind> fromKey(String key) {
        for (ModuleKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
