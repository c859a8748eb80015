package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/**
 * An {@code institutions.json} that cannot be read: unreadable, not JSON, or not the format of SPEC
 * section 5. {@link Institutions} throws only this exception, whatever the input; it carries every
 * problem found with its path and position.
 */
public final class InstitutionsException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** The file, as named in messages. */
    private final String file;

    /**
     * @param file the file, as named in messages
     * @param problems the problems, each with its path in the document ({@code [2].locations[0].code},
     *     empty for the whole document) and its line and column where known
     */
    public InstitutionsException(String file, List<InputProblem> problems) {
        this(file, problems, null);
    }

    public InstitutionsException(String file, List<InputProblem> problems, Throwable cause) {
        super(message(requireNonNull(file, "file"), problems), inFile(file, problems), cause);
        this.file = file;
    }

    /** The file, as named in messages. */
    public String file() {
        return file;
    }

    private static List<InputProblem> inFile(String file, List<InputProblem> problems) {
        return problems.stream()
                .map(p -> new InputProblem(file, p.line(), p.column(), p.path(), p.value(), p.message()))
                .toList();
    }

    private static String message(String file, List<InputProblem> problems) {
        if (problems.size() == 1) {
            return file + ": " + describe(problems.get(0));
        }
        return InvalidInputException.listed(
                file + ": " + problems.size() + " problems",
                problems.stream().map(InstitutionsException::describe).toList());
    }

    /** A problem as the message lists it: its path ("document" for the whole), line and column, message. */
    private static String describe(InputProblem problem) {
        String path = problem.path() == null || problem.path().isEmpty() ? "document" : problem.path();
        String where = problem.line() > 0 ? " (line " + problem.line() + ", column " + problem.column() + ")" : "";
        return path + where + ": " + problem.message();
    }
}
