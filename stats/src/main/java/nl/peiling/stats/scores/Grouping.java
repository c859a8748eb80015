package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A way to split respondents into groups: a set of dimensions. A grouping with {@code location} also
 * has {@code institution}, because location codes are per institution.
 *
 * @param dimensions the dimensions, at least one
 */
public record Grouping(Set<Dimension> dimensions) {

    public Grouping {
        requireNonNull(dimensions, "dimensions");
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a grouping needs at least one dimension");
        }
        EnumSet<Dimension> set = EnumSet.copyOf(dimensions);
        if (set.contains(Dimension.LOCATION)) {
            set.add(Dimension.INSTITUTION);
        }
        dimensions = java.util.Collections.unmodifiableSet(set);
    }

    /** A grouping of these dimensions. */
    public static Grouping of(Dimension... dimensions) {
        return new Grouping(Set.of(dimensions));
    }

    /** The groupings of reports: per institution and per institution × location. */
    public static List<Grouping> standard() {
        return List.of(of(Dimension.INSTITUTION), of(Dimension.LOCATION));
    }

    /**
     * Parses {@code --by}: groupings separated by commas, dimensions within one joined by {@code +}. For
     * example {@code institution,location} gives per institution and per institution × location;
     * {@code institution+level,pathway} gives per institution × level and per pathway.
     *
     * @throws IllegalArgumentException naming the unknown dimension
     */
    public static List<Grouping> parse(String text) {
        requireNonNull(text, "text");
        List<Grouping> groupings = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
            for (String name : part.trim().split("\\+", -1)) {
                dimensions.add(Dimension.fromKey(name.trim())
                        .orElseThrow(() -> new IllegalArgumentException("unknown dimension \"" + name.trim()
                                + "\" in --by " + text + " (known: institution, location, level, pathway)")));
            }
            Grouping grouping = new Grouping(dimensions);
            if (!groupings.contains(grouping)) {
                groupings.add(grouping);
            }
        }
        return List.copyOf(groupings);
    }

    @Override
    public String toString() {
        return dimensions.stream().map(Dimension::key).collect(Collectors.joining("+"));
    }

    /**
     * The key of the group that a respondent or population cell with these fields belongs to: the
     * fields of this grouping's dimensions, in dimension order, named by {@link Dimension#key()}.
     */
    Map<String, String> key(String institution, String location, String level, String pathway) {
        Map<String, String> key = new LinkedHashMap<>();
        if (dimensions().contains(Dimension.INSTITUTION)) {
            key.put(Dimension.INSTITUTION.key(), institution);
        }
        if (dimensions().contains(Dimension.LOCATION)) {
            key.put(Dimension.LOCATION.key(), location);
        }
        if (dimensions().contains(Dimension.LEVEL)) {
            key.put(Dimension.LEVEL.key(), level);
        }
        if (dimensions().contains(Dimension.PATHWAY)) {
            key.put(Dimension.PATHWAY.key(), pathway);
        }
        return key;
    }
}
