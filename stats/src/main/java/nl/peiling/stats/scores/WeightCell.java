package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import nl.peiling.core.engine.Pathway;
import nl.peiling.core.engine.ResponseLayout;

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

    /**
     * The weighting cells of a population read from a {@code population.csv}: its cells summed over
     * locations.
     *
     * @throws AggregationException when the population has no level × pathway cells, or a cell has a
     *     level other than 1 to 4 or a pathway other than BOL or BBL
     */
    public static java.util.Map<WeightCell, Long> cells(nl.peiling.stats.sampling.Population population) {
        requireNonNull(population, "population");
        if (population.cells().isEmpty()) {
            throw new AggregationException(
                    "the population has no level and pathway cells to weight by; read it from a population.csv");
        }
        java.util.Map<WeightCell, Long> cells = new java.util.TreeMap<>();
        population.cells().forEach((cell, students) -> {
            String level = cell.level();
            if (level.length() != 1 || !ResponseLayout.isLevel(level.charAt(0) - '0')) {
                throw new AggregationException("population cell " + cell.institution() + "/" + cell.location()
                        + ": level \"" + level + "\" must be 1, 2, 3 or 4");
            }
            if (Pathway.of(cell.pathway()).isEmpty()) {
                throw new AggregationException("population cell " + cell.institution() + "/" + cell.location()
                        + ": pathway \"" + cell.pathway() + "\" must be BOL or BBL");
            }
            cells.merge(new WeightCell(cell.institution(), level.charAt(0) - '0', cell.pathway()), students, Long::sum);
        });
        return cells;
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
