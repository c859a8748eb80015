package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BarometerProperties {

    /** Institution code to location code to (population, responses, allocated of module "m"). */
    @Provide
    Arbitrary<Map<String, Map<String, long[]>>> fieldwork() {
        Arbitrary<long[]> location = Arbitraries.longs()
                .between(0, 5_000)
                .flatMap(population -> Arbitraries.longs()
                        .between(0, population)
                        .flatMap(responses -> Arbitraries.longs()
                                .between(0, responses)
                                .map(allocated -> new long[] {population, responses, allocated})));
        Arbitrary<Map<String, long[]>> locations = Arbitraries.maps(
                        Arbitraries.strings().numeric().ofLength(2), location)
                .ofMinSize(1)
                .ofMaxSize(6);
        return Arbitraries.maps(Arbitraries.strings().withCharRange('A', 'Z').ofLength(4), locations)
                .ofMinSize(1)
                .ofMaxSize(5);
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

    @Property(tries = 300)
    void rows_locationsOfAnInstitution_addUpToItsTotalRow(
            @ForAll("fieldwork") Map<String, Map<String, long[]>> fieldwork) {
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

    @Property(tries = 300)
    void rows_reachedExactlyWhenResponsesAtLeastNet(@ForAll("fieldwork") Map<String, Map<String, long[]>> fieldwork) {
        for (BarometerRow row : barometer(fieldwork).rows()) {
            assertThat(row.reached()).isEqualTo(row.responses() >= row.net());
            assertThat(row.gross()).isGreaterThanOrEqualTo(row.net());
            assertThat(row.net()).isLessThanOrEqualTo(row.population());
            if (row.net() > 0) {
                assertThat(row.percentOfNet()).isEqualTo(100.0 * row.responses() / row.net());
            }
        }
    }

    @Property(tries = 300)
    void modules_populationIsTheInstitutionsShare(@ForAll("fieldwork") Map<String, Map<String, long[]>> fieldwork) {
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
