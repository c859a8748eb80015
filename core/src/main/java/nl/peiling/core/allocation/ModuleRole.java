package nl.peiling.core.allocation;

import java.util.Locale;

/** What a module is for one institution's respondents. */
public enum ModuleRole {
    /** The base questionnaire: every respondent. */
    BASE,
    /** Chosen by the institution: every respondent of the institution. */
    CHOSEN,
    /** In the random pool: allocated to a share of the respondents. */
    RANDOM,
    /** Excluded by the institution: no respondent. */
    EXCLUDED,
    /** Offered and not excluded, but too long to fit the length budget beside the base and chosen modules. */
    TOO_LONG;

    /** The name in reports and JSON, e.g. {@code too-long}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
