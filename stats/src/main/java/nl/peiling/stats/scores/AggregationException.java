package nl.peiling.stats.scores;

import nl.peiling.core.io.InvalidInputException;

/** Input that aggregation cannot use, such as respondents in cells the population file lacks. */
public final class AggregationException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public AggregationException(String message) {
        super(message, (Throwable) null);
    }
}
