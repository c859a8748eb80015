package nl.peiling.stats.scores;

import java.util.Locale;
import java.util.Optional;

/** A respondent field that groups can be made by. A location is always within its institution. */
public enum Dimension {
    INSTITUTION,
    LOCATION,
    LEVEL,
    PATHWAY;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name in options and group keys: {@code institution}, {@code location}, ... */
    public String key() {
        return key;
    }

    /** The dimension with this name, if any. */
    public static Optional<Dimension> fromKey(String key) {
        for (Dimension dimension : values()) {
            if (dimension.key().equals(key)) {
                return Optional.of(dimension);
            }
        }
        return Optional.empty();
    }
}
