package nl.peiling.core.allocation;

import java.util.Locale;
import java.util.Optional;

/** How respondents are allocated: as a known population, or one at a time. */
public enum AllocationMode {
    /**
     * The population list is known (enrolment data): within each stratum the respondents are dealt the
     * module combinations in keyed-hash order, so that module counts differ by at most one.
     */
    BATCH,
    /**
     * One respondent at a time with no stored state: the allocation is a pure function of the seed, the
     * respondent key and the institution; counts are multinomial around the expected shares.
     */
    STATELESS;

    /** The name on the command line and in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a name, if it is one. */
    public static Optional<AllocationMode> fromKey(String key) {
        for (AllocationMode mode : values()) {
            if (mode.key().equals(key)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
