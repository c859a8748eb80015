package nl.peiling.stats.scores;

import java.util.List;
import java.util.Map;

/**
 * The figures of one group.
 *
 * @param key the group's values per dimension, in dimension order; empty for the national group
 * @param n the accepted respondents in the group; null when suppressed
 * @param population the enrolled students of the group, from the population file; null without one
 * @param suppressed whether the group has fewer respondents than the minimum
 * @param items figures per question, in questionnaire order (open text excluded)
 * @param clusters figures per cluster, in questionnaire order
 * @param suppressedBecause why the group is withheld: {@code n}, {@code secondary} or {@code
 *     response-rate} (see {@link Suppression}); null when shown
 */
public record GroupResult(
        Map<String, String> key,
        Long n,
        Long population,
        boolean suppressed,
        List<ItemFigures> items,
        List<ClusterFigures> clusters,
        String suppressedBecause) {

    public GroupResult {
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        items = List.copyOf(items);
        clusters = List.copyOf(clusters);
    }

    /** The figures of a question, if the group has them. */
    public java.util.Optional<ItemFigures> item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The figures of a cluster, if the group has them. */
    public java.util.Optional<ClusterFigures> cluster(String id) {
        return clusters.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
