package nl.peiling.stats.sampling;

import nl.peiling.core.io.InvalidInputException;

/**
 * Inputs the {@link Planner} cannot plan with: the institution plans and the population do not name the same
 * institutions. Plan errors themselves are {@code nl.peiling.core.allocation.PlanException}s.
 */
public final class PlannerException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public PlannerException(String message) {
        super(message, (Throwable) null);
    }
}
