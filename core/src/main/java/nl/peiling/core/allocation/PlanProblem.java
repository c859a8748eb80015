package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import nl.peiling.core.validation.Severity;

/**
 * One fault of an institution's plan against an edition, found by {@link PlanCheck}.
 *
 * @param severity an error makes the plan unusable; a warning tells how allocation works around it
 * @param code a stable code for programs
 * @param institution the institution code, empty for problems of the whole list
 * @param path where in {@code institutions.json}, e.g. {@code institutions[25LZ].chosen[1]}
 * @param message what is wrong, naming the thing, its value and the rule
 */
public record PlanProblem(Severity severity, Code code, String institution, String path, String message) {

    public PlanProblem {
        requireNonNull(severity, "severity");
        requireNonNull(code, "code");
        requireNonNull(institution, "institution");
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.key() + " " + code.key() + " " + path + ": " + message;
    }

    /** The kinds of plan fault. */
    public enum Code {
        /** An institution code or location code is blank. */
        BLANK_CODE(Severity.ERROR),
        /** Two institutions have the same code. */
        DUPLICATE_INSTITUTION(Severity.ERROR),
        /** Two locations of one institution have the same code. */
        DUPLICATE_LOCATION(Severity.ERROR),
        /** An institution has no locations, so no respondent can belong to it. */
        NO_LOCATIONS(Severity.WARNING),
        /** A chosen or excluded module is not a module of the edition. */
        UNKNOWN_MODULE(Severity.ERROR),
        /** The base module is chosen or excluded; every respondent gets it anyway. */
        BASE_MODULE(Severity.ERROR),
        /** A module is listed twice in chosen, or twice in excluded. */
        DUPLICATE_MODULE(Severity.ERROR),
        /** A module is both chosen and excluded. */
        CHOSEN_AND_EXCLUDED(Severity.ERROR),
        /** The number of chosen modules is not the edition's {@code chosenPerInstitution}. */
        CHOSEN_COUNT(Severity.ERROR),
        /** Base plus chosen modules already take more than {@code maxMinutes}. */
        OVER_BUDGET(Severity.ERROR),
        /** The pool has more module combinations than the allocator deals. */
        TOO_MANY_COMBINATIONS(Severity.ERROR),
        /** A pool module does not fit the length budget beside base and chosen; it is never allocated. */
        TOO_LONG(Severity.WARNING),
        /** The pool is smaller than {@code randomPerRespondent}: every respondent gets the whole pool. */
        SMALL_POOL(Severity.WARNING),
        /** Not every combination of random modules fits the length budget; balance is then best effort. */
        BUDGET_LIMITS(Severity.WARNING),
        /** A respondent's institution is not in the institutions list. */
        UNKNOWN_INSTITUTION(Severity.ERROR),
        /** A respondent's location is not a location of its institution. */
        UNKNOWN_LOCATION(Severity.ERROR);

        private final Severity severity;

        Code(Severity severity) {
            this.severity = severity;
        }

        /** How bad a problem of this code is. */
        public Severity severity() {
            return severity;
        }

        /** The name in reports and JSON, e.g. {@code unknown-module}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
