package nl.peiling.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * All violations found in one validation, sorted by file and position.
 *
 * @param violations the violations, errors and warnings together
 */
public record ValidationReport(List<Violation> violations) {

    public ValidationReport {
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(Violation.ORDER);
        violations = List.copyOf(sorted);
    }

    /** A report without violations. */
    public static ValidationReport empty() {
        return new ValidationReport(List.of());
    }

    /** Whether there are no errors (warnings allowed). */
    public boolean isValid() {
        return errorCount() == 0;
    }

    /** The number of errors. */
    public int errorCount() {
        return (int) violations.stream().filter(Violation::isError).count();
    }

    /** The number of warnings. */
    public int warningCount() {
        return violations.size() - errorCount();
    }

    /** The errors only. */
    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    /** The warnings only. */
    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }

    /** This report and another together. */
    public ValidationReport and(ValidationReport other) {
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(other.violations);
        return new ValidationReport(all);
    }

    /** One line: valid or not, with the counts. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%s: %d error%s, %d warning%s",
                isValid() ? "valid" : "invalid",
                errorCount(),
                errorCount() == 1 ? "" : "s",
                warningCount(),
                warningCount() == 1 ? "" : "s");
    }

    /** The summary, then one line per violation. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(summary());
        violations.forEach(v -> text.append('\n').append(v));
        return text.toString();
    }
}
