package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

import java.util.stream.Collectors;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Violation;

/**
 * A definition that cannot be used: unreadable, malformed or invalid. The loaders of this package throw
 * only this exception, whatever the input; it carries every violation found.
 */
public final class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many violations the message lists; {@link #report()} has them all. */
    private static final int SHOWN = 10;

    private final transient ValidationReport report;

    public DefinitionException(ValidationReport report) {
        super(message(requireNonNull(report, "report")));
        this.report = report;
    }

    /** All violations found, errors and warnings. */
    public ValidationReport report() {
        return report;
    }

    private static String message(ValidationReport report) {
        String shown =
                report.errors().stream().limit(SHOWN).map(Violation::toString).collect(Collectors.joining("\n  "));
        int more = report.errorCount() - SHOWN;
        return report.summary()
                + (shown.isEmpty() ? "" : "\n  " + shown)
                + (more > 0 ? "\n  ... and " + more + " more" : "");
    }
}
