package nl.peiling.stats.scores;

import java.util.Map;
import nl.peiling.core.engine.Pathway;

/**
 * A cell of the aggregation: institution × location × level × pathway. Every group is a union of cells.
 *
 * @param institution the institution code
 * @param location the location code
 * @param level 1 to 4
 * @param pathway the ordinal of the {@link Pathway}
 */
record CellKey(String institution, String location, int level, int pathway) implements Comparable<CellKey> {

    @Override
    public int compareTo(CellKey other) {
        int c = institution.compareTo(other.institution);
        if (c == 0) {
            c = location.compareTo(other.location);
        }
        if (c == 0) {
            c = Integer.compare(level, other.level);
        }
        return c != 0 ? c : Integer.compare(pathway, other.pathway);
    }

    /** The post-stratification cell this cell falls in. */
    WeightCell weightCell() {
        return new WeightCell(institution, level, Pathway.values()[pathway].name());
    }

    /** The key of the group of this grouping the cell belongs to. */
    Map<String, String> key(Grouping grouping) {
        return grouping.key(institution, location, Integer.toString(level), Pathway.values()[pathway].name());
    }
}
