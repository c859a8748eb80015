package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.stats.sampling.Population;

/**
 * The figures of a group: its respondents, its enrolled students (with a population), and the figures
 * of every item ({@link ItemFormula}) and cluster ({@link ClusterFormula}); withheld below the minimum n.
 */
final class GroupFormula {
    private final Plan plan;
    private final int minN;
    private final boolean hasPopulation;
    /** The enrolled students per group key (of every grouping and the nation), summed over the population once. */
    private final Map<Map<String, String>, Long> students = new HashMap<>();

    GroupFormula(Plan plan, int minN, Population population, List<Grouping> groupings) {
        this.plan = plan;
        this.minN = minN;
        this.hasPopulation = population != null;
        if (population != null) {
            population.cells().forEach((cell, count) -> {
                students.merge(Map.of(), count, Long::sum);
                for (Grouping grouping : groupings) {
                    students.merge(
                            grouping.key(cell.institution(), cell.location(), cell.level(), cell.pathway()),
                            count,
                            Long::sum);
                }
            });
        }
    }

    /** The figures of the group with this key and these sums. */
    GroupResult figures(Map<String, String> key, GroupSums group) {
        boolean suppressed = group.respondents < minN;
        List<ItemFigures> items = new ArrayList<>();
        for (int i = 0; i < plan.items.size(); i++) {
            items.add(ItemFormula.figures(plan.items.get(i), i, group, minN));
        }
        List<ClusterFigures> clusters = new ArrayList<>();
        for (int k = 0; k < plan.clusters.size(); k++) {
            clusters.add(ClusterFormula.figures(plan.clusters.get(k), k, group, minN));
        }
        return new GroupResult(
                key,
                suppressed ? null : group.respondents,
                hasPopulation ? students.getOrDefault(key, 0L) : null,
                suppressed,
                items,
                clusters,
                suppressed ? Suppression.N.key() : null);
    }
}
