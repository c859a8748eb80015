package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An {@code institutions.json} that cannot be read: unreadable, not JSON, or not the format of SPEC
 * section 5. {@link Institutions} throws only this exception, whatever the input; it carries every
 * problem found with its path and position.
 */
public final class InstitutionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many problems the message lists; {@link #problems()} has them all. */
    private static final int SHOWN = 10;

    /** The file, as named in messages. */
    private final String file;

    private final transient List<Problem> problems;

    /**
     * One problem of the file.
     *
     * @param path where in the document, e.g. {@code [2].locations[0].code}; empty for the whole document
     * @param line the line, from 1, or -1 when unknown
     * @param column the column, from 1, or -1 when unknown
     * @param message what is wrong
     */
    public record Problem(String path, int line, int column, String message) {

        public Problem {
            requireNonNull(path, "path");
            requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            String where = line > 0 ? " (line " + line + ", column " + column + ")" : "";
            return (path.isEmpty() ? "document" : path) + where + ": " + message;
        }
    }

    public InstitutionsException(String file, List<Problem> problems) {
        this(file, problems, null);
    }

    public InstitutionsException(String file, List<Problem> problems, Throwable cause) {
        super(message(requireNonNull(file, "file"), List.copyOf(problems)), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file, as named in messages. */
    public String file() {
        return file;
    }

    /** Every problem found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(String file, List<Problem> problems) {
        if (problems.size() == 1) {
            return file + ": " + problems.get(0);
        }
        String shown = problems.stream().limit(SHOWN).map(Problem::toString).collect(Collectors.joining("\n  "));
        int more = problems.size() - SHOWN;
        return file + ": " + problems.size() + " problems\n  " + shown
                + (more > 0 ? "\n  ... and " + more + " more" : "");
    }
}
