package nl.peiling.core.validation;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Locale;

/**
 * One problem found in a definition.
 *
 * @param severity error or warning
 * @param code the stable code
 * @param path where in the definition, e.g. {@code modules[huisvesting].clusters[hv_woning].items[2]}
 * @param message what is wrong, naming the value and the rule
 * @param file the file, or {@code null} for a definition not read from a file
 * @param line the line in the file from 1, or {@code null} when not known
 * @param column the column in the file from 1, or {@code null} when not known
 */
public record Violation(
        Severity severity, ViolationCode code, String path, String message, String file, Integer line, Integer column) {

    /** Orders violations by file, line, column, path and code; violations without a position go last. */
    public static final Comparator<Violation> ORDER = Comparator.comparing(
                    Violation::file, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Violation::line, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(Violation::column, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparing(Violation::path)
            .thenComparing(Violation::code)
            .thenComparing(Violation::message);

    public Violation {
        requireNonNull(severity, "severity");
        requireNonNull(code, "code");
        requireNonNull(path, "path");
        requireNonNull(message, "message");
    }

    /** An error without a file position. */
    public static Violation error(ViolationCode code, String path, String message) {
        return new Violation(Severity.ERROR, code, path, message, null, null, null);
    }

    /** A warning without a file position. */
    public static Violation warning(ViolationCode code, String path, String message) {
        return new Violation(Severity.WARNING, code, path, message, null, null, null);
    }

    /** This violation placed in a file at a position (line and column may be null). */
    public Violation at(String file, Integer line, Integer column) {
        return new Violation(severity, code, path, message, file, line, column);
    }

    /** Whether this is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The violation as one line: {@code file:line:column: severity code path: message}. */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
            if (line != null) {
                where.append(':').append(line);
                if (column != null) {
                    where.append(':').append(column);
                }
            }
            where.append(": ");
        }
        return String.format(Locale.ROOT, "%s%s %s %s: %s", where, severity.key(), code.code(), path, message);
    }
}
