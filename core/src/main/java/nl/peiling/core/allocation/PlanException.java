package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/**
 * Institution plans that cannot be allocated: at least one {@link PlanProblem} is an error. It carries
 * every problem found, warnings included.
 */
public final class PlanException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<PlanProblem> planProblems;

    public PlanException(List<PlanProblem> problems) {
        super(
                message(List.copyOf(requireNonNull(problems, "problems"))),
                problems.stream()
                        .filter(PlanProblem::isError)
                        .map(PlanException::problem)
                        .toList(),
                null);
        this.planProblems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings, in the order of the institutions file. */
    public List<PlanProblem> planProblems() {
        return planProblems;
    }

    /** The errors only. */
    public List<PlanProblem> errors() {
        return planProblems.stream().filter(PlanProblem::isError).toList();
    }

    private static InputProblem problem(PlanProblem problem) {
        return new InputProblem(
                null,
                0,
                0,
                problem.institution() + (problem.path().isEmpty() ? "" : " " + problem.path()),
                null,
                problem.message());
    }

    private static String message(List<PlanProblem> problems) {
        List<PlanProblem> errors =
                problems.stream().filter(PlanProblem::isError).toList();
        return InvalidInputException.listed(
                errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the institution plans", errors);
    }
}
