package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Violation;

/**
 * A definition that cannot be used: unreadable, malformed or invalid. The loaders of this package throw
 * only this exception, whatever the input; it carries every violation found.
 */
public final class DefinitionException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public DefinitionException(ValidationReport report) {
        super(
                message(requireNonNull(report, "report")),
                report.errors().stream().map(DefinitionException::problem).toList(),
                null);
        this.report = report;
    }

    /** All violations found, errors and warnings. */
    public ValidationReport report() {
        return report;
    }

    private static InputProblem problem(Violation violation) {
        return new InputProblem(
                violation.file(),
                violation.line() == null ? 0 : violation.line(),
                violation.column() == null ? 0 : violation.column(),
                violation.path(),
                null,
                violation.message());
    }

    private static String message(ValidationReport report) {
        return InvalidInputException.listed(report.summary(), report.errors());
    }
}
