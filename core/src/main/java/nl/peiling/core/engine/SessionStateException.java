package nl.peiling.core.engine;

import nl.peiling.core.io.InvalidInputException;

/**
 * A saved session that cannot be resumed: not a saved session, saved for another edition, another
 * respondent or another allocation, or holding an answer the edition no longer accepts. The message
 * names what does not match.
 */
public final class SessionStateException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    SessionStateException(String message) {
        super(message, (Throwable) null);
    }

    SessionStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
