package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Institution plans that cannot be allocated: at least one {@link PlanProblem} is an error. It carries
 * every problem found, warnings included.
 */
public final class PlanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many errors the message lists; {@link #problems()} has them all. */
    private static final int SHOWN = 10;

    private final transient List<PlanProblem> problems;

    public PlanException(List<PlanProblem> problems) {
        super(message(List.copyOf(requireNonNull(problems, "problems"))));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in the order of the institutions file. */
    public List<PlanProblem> problems() {
        return problems;
    }

    /** The errors only. */
    public List<PlanProblem> errors() {
        return problems.stream().filter(PlanProblem::isError).toList();
    }

    private static String message(List<PlanProblem> problems) {
        List<PlanProblem> errors =
                problems.stream().filter(PlanProblem::isError).toList();
        String shown = errors.stream().limit(SHOWN).map(PlanProblem::toString).collect(Collectors.joining("\n  "));
        int more = errors.size() - SHOWN;
        return errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the institution plans"
                + (shown.isEmpty() ? "" : "\n  " + shown)
                + (more > 0 ? "\n  ... and " + more + " more" : "");
    }
}
