package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

/** The barometer's rows and module rows on 300 seeded tries each; a failure names its seed, which reproduces it. */
class BarometerProperties {

    /**
     * Institution code (four letters A–Z) to location code (two digits) to (population, responses, allocated of
     * module "m"): 1 to 5 institutions of 1 to 6 locations, population 0 to 5,000, responses 0 to the population,
     * allocated 0 to the responses, each bound drawn often.
     */
    private static Map<String, Map<String, long[]>> fieldwork(SplittableRandom random) {
        Map<String, Map<String, long[]>> fieldwork = new TreeMap<>();
        int institutions = Tries.intIn(random, 1, 5);
        while (fieldwork.size() < institutions) {
            Map<String, long[]> locations = new TreeMap<>();
            int count = Tries.intIn(random, 1, 6);
            while (locations.size() < count) {
                long population = Tries.longIn(random, 0, 5_000);
                long responses = Tries.longIn(random, 0, population);
                long allocated = Tries.longIn(random, 0, responses);
                locations.put(code(random, '0', '9', 2), new long[] {population, responses, allocated});
            }
            fieldwork.put(code(random, 'A', 'Z', 4), locations);
        }
        return fieldwork;
    }

    private static String code(SplittableRandom random, char from, char to, int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            code.append((char) Tries.intIn(random, from, to));
        }
        return code.toString();
    }

    private static Barometer barometer(Map<String, Map<String, long[]>> fieldwork) {
        Map<String, Map<String, Long>> population = new TreeMap<>();
        ResponseTally tally = new ResponseTally();
        fieldwork.forEach((institution, locations) -> locations.forEach((location, cell) -> {
            population.computeIfAbsent(institution, k -> new TreeMap<>()).put(location, cell[0]);
            tally.addResponses(institution, location, cell[1]);
            tally.addAllocated(institution, "m", cell[2]);
        }));
        return Barometer.of(Population.of(population), tally.snapshot());
    }

    @Test
    void rows_locationsOfAnInstitution_addUpToItsTotalRow() {
        Tries.check(300, draw -> rows_locationsOfAnInstitution_addUpToItsTotalRow(fieldwork(draw)));
    }

    private static void rows_locationsOfAnInstitution_addUpToItsTotalRow(Map<String, Map<String, long[]>> fieldwork) {
        Barometer barometer = barometer(fieldwork);
        SampleSize size = barometer.sampleSize();

        for (BarometerRow total : barometer.rows(Barometer.By.INSTITUTION)) {
            List<BarometerRow> locations = barometer.rows().stream()
                    .filter(row ->
                            !row.isInstitutionTotal() && row.institution().equals(total.institution()))
                    .toList();
            assertThat(locations).hasSize(fieldwork.get(total.institution()).size());
            assertThat(locations.stream().mapToLong(BarometerRow::population).sum())
                    .isEqualTo(total.population());
            assertThat(locations.stream().mapToLong(BarometerRow::responses).sum())
                    .isEqualTo(total.responses());
            assertThat(total.net()).isEqualTo(total.population() == 0 ? 0 : size.net(total.population()));
        }
    }

    @Test
    void rows_reachedExactlyWhenResponsesAtLeastNet() {
        Tries.check(300, draw -> rows_reachedExactlyWhenResponsesAtLeastNet(fieldwork(draw)));
    }

    private static void rows_reachedExactlyWhenResponsesAtLeastNet(Map<String, Map<String, long[]>> fieldwork) {
        for (BarometerRow row : barometer(fieldwork).rows()) {
            assertThat(row.reached()).isEqualTo(row.responses() >= row.net());
            assertThat(row.gross()).isGreaterThanOrEqualTo(row.net());
            assertThat(row.net()).isLessThanOrEqualTo(row.population());
            if (row.net() > 0) {
                assertThat(row.percentOfNet()).isEqualTo(100.0 * row.responses() / row.net());
            }
        }
    }

    @Test
    void modules_populationIsTheInstitutionsShare() {
        Tries.check(300, draw -> modules_populationIsTheInstitutionsShare(fieldwork(draw)));
    }

    private static void modules_populationIsTheInstitutionsShare(Map<String, Map<String, long[]>> fieldwork) {
        Barometer barometer = barometer(fieldwork);
        for (ModuleRow module : barometer.modules()) {
            BarometerRow total = barometer.institution(module.institution()).orElseThrow();
            double exact = (double) total.population() * module.responses() / total.responses();
            assertThat((double) module.population()).isBetween(exact - 0.5, exact + 0.5);
            assertThat(module.population()).isLessThanOrEqualTo(total.population());
            assertThat(module.net()).isLessThanOrEqualTo(total.net());
        }
    }
}
