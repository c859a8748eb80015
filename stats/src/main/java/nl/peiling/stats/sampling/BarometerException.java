package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/**
 * An input of the response barometer that cannot be used: an unreadable or malformed population or responses file, a
 * missing column, a population that is not a whole number &gt;= 0, or an institution or location that the population
 * does not know. The readers and {@link Barometer} of this package throw only this exception for bad input, whatever
 * the input; it carries the position as data.
 *
 * <p>The message names the file, the line, the column and the value and states the rule, e.g. {@code
 * responses.csv:57: location "99": unknown location of institution "25LZ" (known: 01, 02)}.
 */
public final class BarometerException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final Long line;
    private final String column;
    private final String value;
    private final String problem;

    /**
     * An input problem at a position; every part but the problem may be null when not known (for counts handed in
     * through the API there is no file or line).
     *
     * @param file the file name as given, or null
     * @param line the line in the file from 1, or null
     * @param column the column name, or null
     * @param value the offending value, or null
     * @param problem what is wrong and which rule it breaks
     */
    public BarometerException(String file, Long line, String column, String value, String problem) {
        this(file, line, column, value, problem, null);
    }

    BarometerException(String file, Long line, String column, String value, String problem, Throwable cause) {
        super(
                message(file, line, column, value, requireNonNull(problem, "problem")),
                List.of(new InputProblem(file, line == null ? 0 : line, 0, column, value, problem)),
                cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
        this.problem = problem;
    }

    /** The file as given by the caller, or null for counts that did not come from a file. */
    public String file() {
        return file;
    }

    /** The line in the file, from 1 (the header is line 1), or null when not known. */
    public Long line() {
        return line;
    }

    /** The name of the column, or null when the problem is not about one column. */
    public String column() {
        return column;
    }

    /** The offending value as read, or null when there is none (e.g. a missing column). */
    public String value() {
        return value;
    }

    /** What is wrong and which rule it breaks, without the position. */
    public String problem() {
        return problem;
    }

    private static String message(String file, Long line, String column, String value, String problem) {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line != null) {
                text.append(':').append(line);
            }
            text.append(": ");
        }
        if (column != null) {
            text.append(column);
            if (value != null) {
                text.append(String.format(Locale.ROOT, " \"%s\"", value));
            }
            text.append(": ");
        } else if (value != null) {
            text.append(String.format(Locale.ROOT, "\"%s\": ", value));
        }
        return text.append(problem).toString();
    }
}
