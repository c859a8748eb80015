package nl.peiling.stats.scores;

/** Input that aggregation cannot use, such as respondents in cells the population file lacks. */
public final class AggregationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AggregationException(String message) {
        super(message);
    }
}
