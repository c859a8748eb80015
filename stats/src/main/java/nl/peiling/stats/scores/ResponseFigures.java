package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.sampling.ResponseCounts;

/**
 * One row of the response barometer in the results: an institution's (location null) or a location's
 * respondents against its population. The rows are the {@link Barometer}'s, over the respondents the
 * aggregation accepted, so a report and {@code peiling barometer} on the same files never disagree;
 * results carry them so that a report needs nothing else.
 *
 * @param institution the institution code
 * @param location the location code; null on the institution's row
 * @param population the enrolled students
 * @param responses the accepted respondents
 * @param net the required net response, {@code SampleSize.standard().net(population)}; 0 when the
 *     population is 0
 * @param gross the gross sample size of that net
 * @param percentOfNet 100 × responses / net (100 when net is 0)
 * @param reached whether responses ≥ net
 * @param responseRate responses / population, 0..1; null when the population is 0
 */
public record ResponseFigures(
        String institution,
        String location,
        long population,
        long responses,
        long net,
        long gross,
        double percentOfNet,
        boolean reached,
        Double responseRate) {

    public ResponseFigures {
        requireNonNull(institution, "institution");
    }

    /** A barometer row with its response rate. */
    public static ResponseFigures of(BarometerRow row) {
        return new ResponseFigures(
                row.institution(),
                row.location(),
                row.population(),
                row.responses(),
                row.net(),
                row.gross(),
                row.percentOfNet(),
                row.reached(),
                row.population() == 0 ? null : row.responses() / (double) row.population());
    }

    /**
     * The barometer of the accepted respondents per institution and location against the population:
     * per institution its row, then its locations', in code order. None when respondents are at a
     * location the population lacks (a population without locations, or not checked against the
     * respondents): the barometer would have no population to divide by.
     */
    static List<ResponseFigures> of(Population population, Map<String, Map<String, Long>> respondents) {
        for (Map.Entry<String, Map<String, Long>> institution : respondents.entrySet()) {
            for (String location : institution.getValue().keySet()) {
                if (!population.contains(institution.getKey(), location)) {
                    return List.of();
                }
            }
        }
        Map<String, Map<String, Long>> sorted = new TreeMap<>();
        respondents.forEach((institution, locations) -> sorted.put(institution, new TreeMap<>(locations)));
        return Barometer.of(population, ResponseCounts.of(sorted)).rows().stream()
                .map(ResponseFigures::of)
                .toList();
    }
}
