package nl.peiling.core.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import nl.peiling.core.io.InputProblem;
import nl.peiling.core.io.InvalidInputException;

/** A {@code visibleIf} expression that does not parse; carries the expression and the position. */
public final class RoutingException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String reason;

    RoutingException(String expression, int position, String reason) {
        super(
                "visibleIf \"" + expression + "\" at position " + (position + 1) + ": " + reason,
                List.of(new InputProblem(null, 0, position + 1, "visibleIf", expression, reason)),
                null);
        this.expression = requireNonNull(expression, "expression");
        this.position = position;
        this.reason = requireNonNull(reason, "reason");
    }

    /** The expression that failed to parse. */
    public String expression() {
        return expression;
    }

    /** The offset of the problem in the expression, from 0. */
    public int position() {
        return position;
    }

    /** What is wrong, without the expression and position. */
    public String reason() {
        return reason;
    }
}
