package nl.peiling.core.io;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The base of every exception peiling throws for input it cannot use (a definition, an {@code
 * institutions.json}, a {@code students.csv}, a responses or population file, an unknown edition, …),
 * as opposed to a fault of its own. Its message is meant for the person who gave the input, names the
 * place and the value, and never needs a stack trace; {@link #problems()} has the same as data. A
 * command line maps this one type to its exit code for bad input.
 */
public abstract class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many problems a message lists; {@link #problems()} has them all. */
    public static final int SHOWN = 10;

    private final transient List<InputProblem> problems;

    /** An input error with this message and these problems (none: the message is the one problem). */
    protected InvalidInputException(String message, List<InputProblem> problems, Throwable cause) {
        super(requireNonNull(message, "message"), cause);
        this.problems = problems.isEmpty() ? List.of(InputProblem.of(message)) : List.copyOf(problems);
    }

    /** An input error of one problem without a place: the message. */
    protected InvalidInputException(String message, Throwable cause) {
        this(message, List.of(InputProblem.of(message)), cause);
    }

    /** Every problem found, in the order found. */
    public List<InputProblem> problems() {
        return problems;
    }

    /**
     * A heading with the first {@link #SHOWN} items below it, one an indented line, and "... and N more"
     * for the rest: the one way messages list several problems.
     */
    public static String listed(String heading, List<?> items) {
        String shown = items.stream().limit(SHOWN).map(Object::toString).collect(Collectors.joining("\n  "));
        int more = items.size() - SHOWN;
        return heading + (shown.isEmpty() ? "" : "\n  " + shown) + (more > 0 ? "\n  ... and " + more + " more" : "");
    }
}
