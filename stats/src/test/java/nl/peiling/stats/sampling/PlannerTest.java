package nl.peiling.stats.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.allocation.PlanException;
import nl.peiling.core.io.Definitions;
import nl.peiling.core.model.Edition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner on a hand-worked example, from real files.
 *
 * <p>Edition 2027: base basis; optional nabijheid, huisvesting, positie, llo, geldzorgen, welzijn, burgerschap,
 * stage; 3 chosen + 2 random in 25 minutes (all 8 optional modules together fit: 8.3 + 13.5 minutes, so every k
 * from 0 to 5 fits the budget). Two institutions:
 *
 * <ul>
 *   <li>AA, N = 1000, chooses nabijheid, huisvesting, positie; pool llo, geldzorgen, welzijn, burgerschap, stage:
 *       10 pairs, share 4/10 = 2/5 each.
 *   <li>BB, N = 500, chooses llo, geldzorgen, welzijn, excludes stage; pool nabijheid, huisvesting, positie,
 *       burgerschap: 6 pairs, share 3/6 = 1/2 each.
 * </ul>
 *
 * <p>Net sizes (SampleSize.standard(), SPEC section 4): net(1500) = 306, net(1250) = 295, net(1000) = 278,
 * net(900) = 270, net(650) = 242, net(500) = 218, net(400) = 197, net(325) = 177, net(250) = 152, net(200) = 132.
 *
 * <p>Rate 0.5, k = 2:
 *
 * <pre>
 * AA  basis, chosen   population 1000  expected 500      required 278  sufficient
 * AA  pool module     population  400  expected 1000·0.5·2/5 = 200  required 197  sufficient
 * BB  basis, chosen   population  500  expected 250      required 218  sufficient
 * BB  pool module     population  250  expected 500·0.5·1/2 = 125   required 152  NOT sufficient
 * national basis                1500  expected 750      required 306  sufficient
 * national nabijheid (AA chosen + BB pool)  1000 + 250 = 1250  expected 500 + 125 = 625  required 295  sufficient
 * national llo (AA pool + BB chosen)        400 + 500 = 900    expected 200 + 250 = 450  required 270  sufficient
 * national burgerschap (both pools)         400 + 250 = 650    expected 200 + 125 = 325  required 242  sufficient
 * national stage (AA pool, BB excluded)     400                expected 200              required 197  sufficient
 * </pre>
 *
 * <p>Smallest k at rate 0.5: k = 0 gives stage no student at all; k = 1 gives it 1000/5 = 200 students, expected
 * 100 &lt; net(200) = 132 (burgerschap: 200 + 500/4 = 325, expected 162.5 &lt; 177); k = 2 is the table above:
 * all sufficient, so 2. At rate 1.0, k = 1 suffices (stage 200 ≥ 132; burgerschap 325 ≥ 177; the others more),
 * while k = 0 leaves burgerschap and stage, chosen by nobody, without students (the first of them is named).
 * At rate 0.05 even k = 5 (every respondent gets every module AA or BB offers) leaves stage at 1000 · 0.05 = 50
 * &lt; net(1000) = 278: none.
 */
class PlannerTest {

    @TempDir
    static Path dir;

    static Edition edition;
    static List<Institution> institutions;
    static Population population;

    @BeforeAll
    static void files() throws IOException {
        edition = Definitions.standard()
                .readEdition(Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027"));
        Path plans = dir.resolve("institutions.json");
        Files.writeString(plans, """
                [
                  {"code": "AA", "name": "AA", "shortName": "AA",
                   "chosen": ["nabijheid", "huisvesting", "positie"], "excluded": [],
                   "locations": [{"code": "A1", "name": "A1"}, {"code": "A2", "name": "A2"}]},
                  {"code": "BB", "name": "BB", "shortName": "BB",
                   "chosen": ["llo", "geldzorgen", "welzijn"], "excluded": ["stage"],
                   "locations": [{"code": "B1", "name": "B1"}]}
                ]
                """);
        Path students = dir.resolve("population.csv");
        Files.writeString(students, """
                institution,location,level,pathway,population
                AA,A1,4,bol,600
                AA,A2,3,bbl,400
                BB,B1,2,bol,500
                """);
        institutions = Institutions.read(plans);
        population = Population.read(students);
    }

    private static Planner.Plan plan(double rate) {
        return Planner.of(edition, institutions, population)
                .withResponseRate(rate)
                .plan();
    }

    @Test
    void plan_handWorkedExample_givesExpectedRequiredAndSufficientPerInstitution() {
        Planner.Plan plan = plan(0.5);

        assertThat(plan.edition()).isEqualTo("2027");
        assertThat(plan.randomPerRespondent()).isEqualTo(2);
        Planner.InstitutionModules aa = plan.institution("AA").orElseThrow();
        assertThat(aa.population()).isEqualTo(1000);
        assertThat(aa.modules())
                .extracting(Planner.ModulePlan::module)
                .containsExactly(
                        "basis",
                        "nabijheid",
                        "huisvesting",
                        "positie",
                        "llo",
                        "geldzorgen",
                        "welzijn",
                        "burgerschap",
                        "stage");
        assertThat(aa.modules().get(0)).isEqualTo(new Planner.ModulePlan("basis", 1000, 500.0, 278, true));
        assertThat(aa.modules().get(1)).isEqualTo(new Planner.ModulePlan("nabijheid", 1000, 500.0, 278, true));
        Planner.ModulePlan aaStage = aa.modules().get(8);
        assertThat(aaStage.population()).isEqualTo(400);
        assertThat(aaStage.expected()).isCloseTo(200.0, within(1e-9));
        assertThat(aaStage.required()).isEqualTo(197);
        assertThat(aaStage.sufficient()).isTrue();

        Planner.InstitutionModules bb = plan.institution("BB").orElseThrow();
        // stage is excluded by BB: no row.
        assertThat(bb.modules())
                .extracting(Planner.ModulePlan::module)
                .containsExactly(
                        "basis", "nabijheid", "huisvesting", "positie", "llo", "geldzorgen", "welzijn", "burgerschap");
        assertThat(bb.modules().get(4)).isEqualTo(new Planner.ModulePlan("llo", 500, 250.0, 218, true));
        Planner.ModulePlan bbNabijheid = bb.modules().get(1);
        assertThat(bbNabijheid.population()).isEqualTo(250);
        assertThat(bbNabijheid.expected()).isCloseTo(125.0, within(1e-9));
        assertThat(bbNabijheid.required()).isEqualTo(152);
        assertThat(bbNabijheid.sufficient()).isFalse();
    }

    @Test
    void plan_handWorkedExample_givesTheNationalRows() {
        Planner.Plan plan = plan(0.5);

        assertThat(plan.modules()).hasSize(9);
        assertNational(plan, "basis", 1500, 750.0, 306);
        assertNational(plan, "nabijheid", 1250, 625.0, 295);
        assertNational(plan, "llo", 900, 450.0, 270);
        assertNational(plan, "burgerschap", 650, 325.0, 242);
        assertNational(plan, "stage", 400, 200.0, 197);
        assertThat(plan.modules()).allMatch(Planner.ModulePlan::sufficient);
    }

    private static void assertNational(Planner.Plan plan, String module, long population, double expected, long net) {
        Planner.ModulePlan row = plan.module(module).orElseThrow();
        assertThat(row.population()).as(module).isEqualTo(population);
        assertThat(row.expected()).as(module).isCloseTo(expected, within(1e-9));
        assertThat(row.required()).as(module).isEqualTo(net);
        assertThat(row.sufficient()).as(module).isEqualTo(expected >= net);
    }

    @Test
    void smallestRandomPerRespondent_atRateHalf_isTwoBecauseOneLeavesStageShort() {
        Planner.Plan plan = plan(0.5);

        assertThat(plan.smallestRandomPerRespondent()).hasValue(2);
        assertThat(plan.reason())
                .isEqualTo("k = 2 is the smallest randomPerRespondent that fits maxMinutes (25) and gives every"
                        + " optional module its required net nationally;"
                        + " with k = 1 module stage has expected 100.0 < required 132 nationally");
    }

    @Test
    void smallestRandomPerRespondent_atFullResponse_isOne() {
        Planner.Plan plan = plan(1.0);

        assertThat(plan.smallestRandomPerRespondent()).hasValue(1);
        assertThat(plan.reason()).endsWith("; with k = 0 module burgerschap reaches no student");
    }

    @Test
    void smallestRandomPerRespondent_atAVeryLowRate_isNoneWithTheReason() {
        Planner.Plan plan = plan(0.05);

        assertThat(plan.smallestRandomPerRespondent()).isEmpty();
        assertThat(plan.reason())
                .isEqualTo("none: with k = 5 module stage has expected 50.0 < required 278 nationally");
    }

    @Test
    void smallestRandomPerRespondent_whenLargerKBreakTheBudget_saysSo() {
        // Rate 0.05 and a budget of 19 minutes: base (8.3) + 3 chosen (~5) leaves room for fewer modules.
        Edition tight = new Edition(
                new nl.peiling.core.model.EditionManifest(
                        edition.id(),
                        edition.manifest().previous(),
                        edition.manifest().base(),
                        edition.manifest().modules(),
                        new nl.peiling.core.model.Rules(3, 2, 19)),
                edition.base(),
                edition.optional());

        Planner.Plan plan = Planner.of(tight, institutions, population)
                .withResponseRate(0.05)
                .plan();

        assertThat(plan.smallestRandomPerRespondent()).isEmpty();
        assertThat(plan.reason()).startsWith("none: with k = ").contains("does not fit maxMinutes (19)");
    }

    @Test
    void withResponseRate_outsideZeroToOne_isRejectedWithTheRule() {
        Planner planner = Planner.of(edition, institutions, population);

        for (double rate : new double[] {0.0, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> planner.withResponseRate(rate))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("response rate (" + rate + ") must be in (0, 1]");
        }
        assertThatThrownBy(planner::plan).isInstanceOf(IllegalStateException.class);
        assertThat(planner.withResponseRate(1.0).responseRate()).isEqualTo(1.0);
    }

    @Test
    void plan_withAnInstitutionMissingFromThePopulation_namesIt() {
        List<Institution> more = new java.util.ArrayList<>(institutions);
        more.add(Institution.of("CC", List.of("llo", "geldzorgen", "welzijn"), List.of(), "C1"));

        assertThatThrownBy(() -> Planner.of(edition, more, population)
                        .withResponseRate(0.5)
                        .plan())
                .isInstanceOf(PlannerException.class)
                .hasMessageContaining("institutions [CC] of the institution plans are not in the population");
    }

    @Test
    void plan_withPlanErrors_throwsThePlanException() {
        List<Institution> wrong = List.of(
                Institution.of("AA", List.of("llo"), List.of(), "A1"),
                Institution.of("BB", List.of("llo", "geldzorgen", "welzijn"), List.of(), "B1"));

        assertThatThrownBy(() -> Planner.of(edition, wrong, population)
                        .withResponseRate(0.5)
                        .plan())
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("chosenPerInstitution");
    }
}
