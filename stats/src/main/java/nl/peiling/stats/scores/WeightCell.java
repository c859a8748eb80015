package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

/**
 * A post-stratification cell: institution × level × pathway (summed over the institution's locations).
 *
 * @param institution the institution code
 * @param level 1 to 4
 * @param pathway {@code BOL} or {@code BBL}
 */
public record WeightCell(String institution, int level, String pathway) implements Comparable<WeightCell> {

    public WeightCell {
        requireNonNull(institution, "institution");
        requireNonNull(pathway, "pathway");
    }

    @Override
    public int compareTo(WeightCell other) {
        int c = institution.compareTo(other.institution);
        if (c == 0) {
            c = Integer.compare(level, other.level);
        }
        return c != 0 ? c : pathway.compareTo(other.pathway);
    }

    @Override
    public String toString() {
        return institution + "/" + level + "/" + pathway;
    }
}
