package nl.peiling.stats.responses;

import static java.util.Objects.requireNonNull;

import java.util.List;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/**
 * A responses file that cannot be read at all: unreadable, or a header without the required columns or
 * with unknown ones. Rows that fail are rejects, not this exception.
 */
public final class ResponseFormatException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String file;

    public ResponseFormatException(String file, String message) {
        super(file + ": " + message, List.of(InputProblem.at(file, 0, message)), null);
        this.file = requireNonNull(file, "file");
    }

    public ResponseFormatException(String file, String message, Throwable cause) {
        super(file + ": " + message, List.of(InputProblem.at(file, 0, message)), cause);
        this.file = requireNonNull(file, "file");
    }

    /** The file at fault. */
    public String file() {
        return file;
    }
}
