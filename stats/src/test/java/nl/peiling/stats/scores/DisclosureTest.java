package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.stats.sampling.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Disclosure control of SPEC section 8: secondary suppression and the response-rate rule, minimum n 10. */
class DisclosureTest {

    @TempDir
    Path dir;

    private int next;

    /** Respondents of institution X (or another) at a location, answering q1 with these values in turn. */
    private TestEdition.Csv add(TestEdition.Csv csv, String institution, String location, int count, int... q1) {
        for (int i = 0; i < count; i++) {
            csv.row(
                    "r" + next++,
                    institution,
                    location,
                    2 + i % 3,
                    i % 2 == 0 ? "BOL" : "BBL",
                    "basis",
                    "q1=" + q1[i % q1.length] + " q2=" + (i % 5 + 1));
        }
        return csv;
    }

    private Results results(TestEdition.Csv csv, Aggregator aggregator) {
        return aggregator.aggregate(csv.write(dir.resolve("responses.csv"))).results();
    }

    private static GroupResult location(Results results, String institution, String location) {
        return results.group(Map.of("institution", institution, "location", location))
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 9})
    void smallLocationBesideLargerOnes_theSmallestLargerOneIsWithheldToo(int small) {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", "01", small, 1, 2);
        add(csv, "X", "02", 20, 4, 5);
        add(csv, "X", "03", 30, 3, 4);
        add(csv, "Y", "01", 12, 3);
        Results results = results(csv, Aggregator.of(TestEdition.EDITION));

        GroupResult first = location(results, "X", "01");
        assertThat(first.suppressed()).isTrue();
        assertThat(first.suppressedBecause()).isEqualTo("n");
        assertThat(first.item("q1").orElseThrow().suppressedBecause()).isEqualTo("n");

        GroupResult second = location(results, "X", "02");
        assertThat(second.suppressed()).isTrue();
        assertThat(second.suppressedBecause()).isEqualTo("secondary");
        assertThat(second.n()).isNull();
        assertThat(second.items()).allSatisfy(item -> {
            assertThat(item.mean()).isNull();
            boolean answered = List.of("q1", "q2").contains(item.id());
            assertThat(item.suppressed()).isEqualTo(answered);
            assertThat(item.suppressedBecause()).isEqualTo(answered ? "secondary" : null);
            // Unanswered questions have no answers, and those of a module nobody got were not administered.
            assertThat(item.state())
                    .isEqualTo(answered ? "suppressed" : item.id().startsWith("o") ? "not-administered" : "no-answers");
        });
        assertThat(second.clusters()).allSatisfy(c -> assertThat(c.mean()).isNull());

        GroupResult third = location(results, "X", "03");
        assertThat(third.suppressed()).isFalse();
        assertThat(third.n()).isEqualTo(30);
        assertThat(third.suppressedBecause()).isNull();
        assertThat(third.item("q1").orElseThrow().mean()).isEqualTo(3.5);
        // The institution stays shown, and the nation's partition into institutions is exempt.
        GroupResult x = results.group(Map.of("institution", "X")).orElseThrow();
        assertThat(x.n()).isEqualTo(50 + small);
        assertThat(x.suppressedBecause()).isNull();
        assertThat(results.group(Map.of("institution", "Y")).orElseThrow().suppressed())
                .isFalse();
    }

    @Test
    void smallLocation_cannotBeRecoveredBySubtraction() {
        // Location 01: 3 respondents answering 1, 1, 2 on q1. Without the rule, X's mean and n less those of
        // 02 and 03 would give 01's mean 4/3 exactly.
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", "01", 3, 1, 1, 2);
        add(csv, "X", "02", 15, 4, 5, 3);
        add(csv, "X", "03", 30, 3, 4);
        Results results = results(csv, Aggregator.of(TestEdition.EDITION));
        GroupResult x = results.group(Map.of("institution", "X")).orElseThrow();
        for (int f = 0; f < x.items().size() + x.clusters().size(); f++) {
            boolean item = f < x.items().size();
            String id = item
                    ? x.items().get(f).id()
                    : x.clusters().get(f - x.items().size()).id();
            Long total = item
                    ? x.items().get(f).n()
                    : x.clusters().get(f - x.items().size()).n();
            if (total == null) {
                continue;
            }
            // What an attacker can do: the institution less every shown location.
            long shown = 0;
            for (GroupResult location : results.groups()) {
                if (location.key().size() == 2
                        && location.key().get("institution").equals("X")) {
                    Long n = item
                            ? location.item(id).orElseThrow().n()
                            : location.cluster(id).orElseThrow().n();
                    shown += n == null ? 0 : n;
                }
            }
            assertThat(total - shown)
                    .as("respondents behind what subtraction gives on " + id)
                    .satisfiesAnyOf(
                            rest -> assertThat(rest).isZero(),
                            rest -> assertThat(rest).isGreaterThanOrEqualTo(10));
        }
        ItemFigures q1 = x.item("q1").orElseThrow();
        ItemFigures third = location(results, "X", "03").item("q1").orElseThrow();
        double recovered = (q1.n() * q1.mean() - third.n() * third.mean()) / (q1.n() - third.n());
        // 01 and 02 together: (1 + 1 + 2 + 5·(4 + 5 + 3)) / 18, not 01's 4/3.
        assertThat(recovered).isCloseTo(64 / 18.0, within(1e-12));
    }

    @Test
    void twoSmallLocations_holdingSevenTogether_withholdTheNextSmallest() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", "01", 3, 2);
        add(csv, "X", "02", 4, 3);
        add(csv, "X", "03", 12, 4);
        add(csv, "X", "04", 11, 4);
        add(csv, "X", "05", 30, 5);
        Results results = results(csv, Aggregator.of(TestEdition.EDITION));
        assertThat(location(results, "X", "01").suppressedBecause()).isEqualTo("n");
        assertThat(location(results, "X", "02").suppressedBecause()).isEqualTo("n");
        assertThat(location(results, "X", "04").suppressedBecause())
                .as("11 < 12")
                .isEqualTo("secondary");
        assertThat(location(results, "X", "03").suppressed()).isFalse();
        assertThat(location(results, "X", "05").suppressed()).isFalse();
    }

    @Test
    void itemWithFewAnswersInOneLocation_withholdsThatItemElsewhereOnly() {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < 12; i++) { // 01: 12 respondents, 4 of whom answer g1
            csv.row("a" + i, "X", "01", 2, "BOL", "basis", "q1=4" + (i < 4 ? " g1=7" : ""));
        }
        for (int i = 0; i < 15; i++) {
            csv.row("b" + i, "X", "02", 2, "BOL", "basis", "q1=3 g1=6");
        }
        for (int i = 0; i < 25; i++) {
            csv.row("c" + i, "X", "03", 2, "BOL", "basis", "q1=5 g1=8");
        }
        Results results = results(csv, Aggregator.of(TestEdition.EDITION));
        GroupResult first = location(results, "X", "01");
        GroupResult second = location(results, "X", "02");
        assertThat(first.suppressed()).isFalse();
        assertThat(second.suppressed()).isFalse();
        assertThat(first.item("g1").orElseThrow().suppressedBecause()).isEqualTo("n");
        assertThat(second.item("g1").orElseThrow().suppressedBecause()).isEqualTo("secondary");
        assertThat(second.item("g1").orElseThrow().mean()).isNull();
        assertThat(location(results, "X", "03").item("g1").orElseThrow().mean()).isEqualTo(8.0);
        assertThat(second.item("q1").orElseThrow().mean()).isEqualTo(3.0);
        assertThat(first.item("q1").orElseThrow().mean()).isEqualTo(4.0);
    }

    @Test
    void levelAndPathwayGroupsOfAnInstitution_areAPartitionToo() {
        TestEdition.Csv csv = new TestEdition.Csv();
        for (int i = 0; i < 2; i++) {
            csv.row("a" + i, "X", "01", 1, "BBL", "basis", "q1=1");
        }
        for (int i = 0; i < 14; i++) {
            csv.row("b" + i, "X", "01", 2, "BOL", "basis", "q1=3");
        }
        for (int i = 0; i < 20; i++) {
            csv.row("c" + i, "X", "02", 4, "BOL", "basis", "q1=5");
        }
        Results results = results(
                csv, Aggregator.of(TestEdition.EDITION).withGroupings(Grouping.parse("institution+level+pathway")));
        GroupResult small = results.group(Map.of("institution", "X", "level", "1", "pathway", "BBL"))
                .orElseThrow();
        GroupResult next = results.group(Map.of("institution", "X", "level", "2", "pathway", "BOL"))
                .orElseThrow();
        assertThat(small.suppressedBecause()).isEqualTo("n");
        assertThat(next.suppressedBecause()).isEqualTo("secondary");
        assertThat(results.group(Map.of("institution", "X", "level", "4", "pathway", "BOL"))
                        .orElseThrow()
                        .n())
                .isEqualTo(20);
    }

    @Test
    void responseRateBelowTheRule_withholdsTheGroupAndItsInstitutionsBenchmarks() {
        TestEdition.Csv csv = new TestEdition.Csv();
        add(csv, "X", "01", 20, 4); // 20 of 30 enrolled: 67 %
        add(csv, "X", "02", 20, 3); // 20 of 50: 40 %
        add(csv, "Y", "01", 15, 2); // 15 of 100: 15 %
        Map<Population.Cell, Long> cells = new HashMap<>();
        for (String[] place : new String[][] {{"X", "01", "30"}, {"X", "02", "50"}, {"Y", "01", "100"}}) {
            // Spread over the six level × pathway cells that add() uses, in whole students.
            long each = Long.parseLong(place[2]) / 6;
            long first = Long.parseLong(place[2]) - 5 * each;
            int c = 0;
            for (int level = 2; level <= 4; level++) {
                for (String pathway : List.of("BOL", "BBL")) {
                    cells.put(
                            new Population.Cell(place[0], place[1], Integer.toString(level), pathway),
                            c++ == 0 ? first : each);
                }
            }
        }
        Aggregator aggregator = Aggregator.of(TestEdition.EDITION).withPopulation(Population.ofCells(cells));
        Results results = results(csv, aggregator.withMinResponseRate(0.5));
        assertThat(location(results, "X", "01").suppressed()).isFalse();
        GroupResult low = location(results, "X", "02");
        assertThat(low.suppressedBecause()).isEqualTo("response-rate");
        assertThat(low.population()).isEqualTo(50);
        assertThat(low.item("q1").orElseThrow().suppressedBecause()).isEqualTo("response-rate");
        assertThat(results.group(Map.of("institution", "X")).orElseThrow().suppressed())
                .as("40 of 80 is not below 50 %")
                .isFalse();
        assertThat(results.benchmarks())
                .filteredOn(b -> b.institution().equals("X") && b.id().equals("q1"))
                .singleElement()
                .satisfies(b -> assertThat(b.own()).isEqualTo(3.5));
        assertThat(results.benchmarks())
                .filteredOn(b -> b.institution().equals("Y"))
                .isNotEmpty()
                .allSatisfy(b -> {
                    assertThat(b.own()).isNull();
                    assertThat(b.suppressedBecause()).isEqualTo("response-rate");
                });
        assertThat(results.national().suppressedBecause()).as("55 of 180").isEqualTo("response-rate");
        // Without the rule every group is shown.
        assertThat(results(csv, aggregator).groups()).noneMatch(GroupResult::suppressed);
        assertThatThrownBy(() -> results(csv, Aggregator.of(TestEdition.EDITION).withMinResponseRate(0.5)))
                .isInstanceOf(AggregationException.class)
                .hasMessage("a minimum response rate needs a population to divide by");
        assertThatThrownBy(() -> aggregator.withMinResponseRate(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
