package nl.peiling.cli;

import nl.peiling.core.io.InvalidInputException;

/**
 * An input the command cannot use: an unreadable file, a bad option value, malformed data. The command
 * line prints its message as one line on stderr and exits with {@link Peiling#EXIT_INPUT}.
 */
public final class InputException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, (Throwable) null);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
