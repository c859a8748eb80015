package nl.peiling.stats.scores;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Post-stratification weights: w = N_h / n_h for the cells of stratum h = institution × level × pathway,
 * N_h its enrolled students and n_h its respondents; 1 for every cell without a population.
 */
final class Weights {

    private Weights() {}

    /**
     * The weight of each cell.
     *
     * @param strata the population per stratum; null for no weighting
     * @throws AggregationException when respondents fall in strata the population lacks
     */
    static Map<CellKey, Double> of(Map<CellKey, CellStats> cells, Map<WeightCell, Long> strata) {
        Map<CellKey, Double> weights = new HashMap<>();
        if (strata == null) {
            cells.keySet().forEach(key -> weights.put(key, 1.0));
            return weights;
        }
        Map<WeightCell, Long> respondents = new TreeMap<>();
        cells.forEach((key, stats) -> respondents.merge(key.weightCell(), stats.sums[Plan.RESPONDENTS], Long::sum));
        List<String> missing = new ArrayList<>();
        for (Map.Entry<WeightCell, Long> entry : respondents.entrySet()) {
            Long size = strata.get(entry.getKey());
            if (size == null || size == 0) {
                missing.add(entry.getKey() + " (" + entry.getValue() + " respondents, population "
                        + (size == null ? "absent" : "0") + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new AggregationException(
                    "respondents in cells (institution/level/pathway) that the population lacks: "
                            + String.join(", ", missing.subList(0, Math.min(20, missing.size())))
                            + (missing.size() > 20 ? " and " + (missing.size() - 20) + " more" : ""));
        }
        cells.keySet()
                .forEach(key ->
                        weights.put(key, (double) strata.get(key.weightCell()) / respondents.get(key.weightCell())));
        return weights;
    }
}
