package nl.peiling.core.model;

import static java.util.Objects.requireNonNull;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * The items of one scale that together measure one thing; a cluster is never split over modules.
 *
 * @param id cluster id, unique across the edition
 * @param title what the cluster measures
 * @param items the ids of its scale questions, all of one module and one scale
 * @param reverse the items that are reverse-keyed ({@code x -> min + max - x}); a subset of items
 * @param minAnswered the fewest answered items that give a respondent a cluster score, or {@code null}
 *     for the default {@code ceil(k / 2)}
 */
public record Cluster(
        @Id String id,
        LocalizedText title,

        @NotEmpty(message = "a cluster needs at least one item")
        List<String> items,

        List<String> reverse,
        Integer minAnswered) {

    public Cluster {
        requireNonNull(id, "id");
        requireNonNull(title, "title");
        items = List.copyOf(items);
        reverse = List.copyOf(reverse);
    }

    /** The fewest answered items for a score: {@link #minAnswered()} when stated, else {@code ceil(k/2)}. */
    public int requiredAnswers() {
        return minAnswered != null ? minAnswered : (items.size() + 1) / 2;
    }

    /** Whether the item is reverse-keyed. */
    public boolean isReversed(String item) {
        return reverse.contains(item);
    }
}
