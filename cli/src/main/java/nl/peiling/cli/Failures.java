package nl.peiling.cli;

import java.io.PrintWriter;
import nl.peiling.core.io.InvalidInputException;
import nl.peiling.server.ServerException;

/**
 * The one place where a command's failure becomes a message and an exit code. Input the library cannot
 * use (any {@link InvalidInputException}, the command line's own {@link InputException} among them) and
 * a service that cannot start ({@link ServerException}) print their message as one line and exit {@link
 * Peiling#EXIT_INPUT}; anything else is a fault of peiling's own, an "internal error". A stack trace
 * only with {@code --debug}.
 */
final class Failures {

    private Failures() {}

    /** Prints the failure on {@code err} and returns the exit code. */
    static int report(Throwable failure, PrintWriter err, boolean debug) {
        if (failure instanceof InvalidInputException || failure instanceof ServerException) {
            err.println("peiling: " + oneLine(failure.getMessage()));
        } else if (failure instanceof OutOfMemoryError) {
            err.println("peiling: not enough memory for this input; give Java more (e.g. JAVA_TOOL_OPTIONS=-Xmx4g)"
                    + " or ask for less");
        } else {
            err.println("peiling: internal error: " + failure);
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return Peiling.EXIT_INPUT;
    }

    /** A message of several lines (a heading with indented problems) as one line. */
    static String oneLine(String message) {
        return message.replace("\n  ", "; ").replace("\n", " ");
    }
}
