package nl.peiling.stats.scores;

import java.util.List;
import nl.peiling.stats.responses.Reject;

/**
 * The outcome of aggregating a responses file: the results and the rejected rows.
 *
 * @param results the figures
 * @param rejects the rejected rows, in line order
 */
public record Aggregation(Results results, List<Reject> rejects) {

    public Aggregation {
        rejects = List.copyOf(rejects);
    }
}
