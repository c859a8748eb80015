package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/**
 * A {@code students.csv} that cannot be allocated: unreadable, malformed, or with a row whose institution
 * or location is unknown or whose respondent key repeats. Reading stops at the first such row; the
 * exception names the file, the line and the reason.
 */
public final class StudentsException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file the file, as named in messages
     * @param line the line, from 1, or 0 when the problem is not on one line (an unreadable file)
     * @param reason what is wrong
     */
    public StudentsException(String file, int line, String reason, Throwable cause) {
        super(
                requireNonNull(file, "file") + (line > 0 ? " line " + line : "") + ": "
                        + requireNonNull(reason, "reason"),
                List.of(InputProblem.at(file, line, reason)),
                cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public StudentsException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    /** The file, as named in messages. */
    public String file() {
        return file;
    }

    /** The line, from 1, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String reason() {
        return reason;
    }
}
