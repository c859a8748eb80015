package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.peiling.core.model.Edition;
import nl.peiling.core.validation.Severity;
import org.junit.jupiter.api.Test;

class PlanCheckTest {

    private static final Edition EDITION = Fixtures.edition2027();

    private static List<PlanProblem> check(Institution... institutions) {
        return PlanCheck.of(EDITION, List.of(institutions)).problems();
    }

    @Test
    void validPlan_hasNoProblemsAndAPlan() {
        PlanCheck check = PlanCheck.of(
                EDITION,
                List.of(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of("huisvesting"), "01")));
        assertThat(check.problems()).isEmpty();
        assertThat(check.isValid()).isTrue();
        InstitutionPlan plan = check.plan("25LZ").orElseThrow();
        assertThat(plan.chosen()).containsExactly("llo", "welzijn", "stage");
        assertThat(plan.pool()).containsExactly("nabijheid", "positie", "geldzorgen", "burgerschap");
        assertThat(plan.randomPerRespondent()).isEqualTo(2);
        assertThat(plan.combinations()).hasSize(6).startsWith(List.of("nabijheid", "positie"));
        assertThat(plan.role("huisvesting")).contains(ModuleRole.EXCLUDED);
        assertThat(plan.role("basis")).contains(ModuleRole.BASE);
        assertThat(plan.role("nope")).isEmpty();
        assertThat(plan.share("positie")).isEqualTo(0.5);
        assertThat(plan.share("llo")).isEqualTo(1.0);
        assertThat(plan.share("huisvesting")).isZero();
    }

    @Test
    void unknownModule_isAnErrorNamingTheModuleAndTheKnownOnes() {
        assertThat(check(Institution.of("25LZ", List.of("llo", "welzijn", "stag"), List.of(), "01")))
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "error unknown-module institutions[25LZ].chosen[2]: unknown module \"stag\" (optional"
                                + " modules of edition 2027: nabijheid, huisvesting, positie, llo, geldzorgen, welzijn, burgerschap, stage)");
    }

    @Test
    void baseModuleChosenOrExcluded_isAnError() {
        List<PlanProblem> problems =
                check(Institution.of("25LZ", List.of("llo", "welzijn", "basis"), List.of("basis"), "01"));
        assertThat(problems)
                .extracting(PlanProblem::code)
                .containsExactly(PlanProblem.Code.BASE_MODULE, PlanProblem.Code.BASE_MODULE);
        assertThat(problems.get(0).message())
                .isEqualTo(
                        "\"basis\" is the base module of edition 2027; every respondent gets it, so it cannot be chosen");
        assertThat(problems.get(1).path()).isEqualTo("institutions[25LZ].excluded[0]");
    }

    @Test
    void chosenAndExcluded_isAnError() {
        assertThat(check(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of("positie", "stage"), "01")))
                .extracting(PlanProblem::toString)
                .containsExactly("error chosen-and-excluded institutions[25LZ].excluded[1]: module \"stage\" is both"
                        + " chosen and excluded; a module is one or the other");
    }

    @Test
    void wrongNumberChosen_isAnError() {
        assertThat(check(Institution.of("25LZ", List.of("llo"), List.of(), "01")))
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "error chosen-count institutions[25LZ].chosen: institution 25LZ chooses 1 module [llo];"
                                + " edition 2027 asks for exactly 3 (chosenPerInstitution)");
    }

    @Test
    void duplicateModuleInstitutionAndLocation_areErrors() {
        assertThat(check(
                        Institution.of("25LZ", List.of("llo", "llo", "stage"), List.of(), "01", "01"),
                        Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01"),
                        Institution.of(" ", List.of("llo", "welzijn", "stage"), List.of(), "")))
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "error duplicate-location institutions[25LZ].locations[1].code: location code \"01\" appears"
                                + " twice in institution 25LZ; each location is one stratum",
                        "error duplicate-module institutions[25LZ].chosen[1]: module \"llo\" appears twice in chosen",
                        "error duplicate-institution institutions[25LZ]: institution code \"25LZ\" appears twice"
                                + " (entries 1 and 2 of the list); each institution has one plan",
                        "error blank-code institutions[2].code: institution 3 of the list has a blank code; codes are"
                                + " BRIN numbers such as 25LZ",
                        "error blank-code institutions[2].locations[0].code: location 1 of institution   has a blank code");
    }

    @Test
    void noLocations_isAWarning() {
        List<PlanProblem> problems = check(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of()));
        assertThat(problems).extracting(PlanProblem::severity).containsExactly(Severity.WARNING);
        assertThat(problems.get(0).code()).isEqualTo(PlanProblem.Code.NO_LOCATIONS);
    }

    @Test
    void poolTooSmall_isAWarningAndEveryoneGetsThePool() {
        PlanCheck check = PlanCheck.of(
                EDITION,
                List.of(Institution.of(
                        "25LZ",
                        List.of("llo", "welzijn", "stage"),
                        List.of("nabijheid", "huisvesting", "positie", "geldzorgen"),
                        "01")));
        assertThat(check.problems())
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "warning small-pool institutions[25LZ].excluded: the random pool of institution 25LZ"
                                + " has 1 module [burgerschap], fewer than randomPerRespondent (2); each respondent gets the whole pool");
        assertThat(check.isValid()).isTrue();
        assertThat(check.plan("25LZ").orElseThrow().combinations()).containsExactly(List.of("burgerschap"));
        assertThat(check.plan("25LZ").orElseThrow().randomPerRespondent()).isEqualTo(1);
    }

    @Test
    void baseAndChosenOverTheBudget_isAnError() {
        Edition edition = Fixtures.edition(600, new int[] {300, 300, 60}, 2, 1, 15);
        List<PlanProblem> problems = PlanCheck.of(
                        edition, List.of(Institution.of("X", List.of("m0", "m1"), List.of(), "01")))
                .problems();
        assertThat(problems)
                .extracting(PlanProblem::toString)
                .containsExactly(
                        "error over-budget institutions[X].chosen:"
                                + " base and chosen modules of institution X take 20.0 minutes, more than maxMinutes (15) of edition 2099");
    }

    @Test
    void moduleThatNeverFits_isAWarningAndLeavesThePool() {
        Edition edition = Fixtures.edition(600, new int[] {60, 600, 60, 60}, 1, 1, 15);
        PlanCheck check = PlanCheck.of(edition, List.of(Institution.of("X", List.of("m0"), List.of(), "01")));
        assertThat(check.problems()).extracting(PlanProblem::code).containsExactly(PlanProblem.Code.TOO_LONG);
        assertThat(check.problems().get(0).message())
                .isEqualTo("module \"m1\" (10.0 min) does not fit beside base"
                        + " and chosen modules (11.0 min) within maxMinutes (15), so institution X never gets it");
        InstitutionPlan plan = check.plan("X").orElseThrow();
        assertThat(plan.pool()).containsExactly("m2", "m3");
        assertThat(plan.tooLong()).containsExactly("m1");
        assertThat(plan.role("m1")).contains(ModuleRole.TOO_LONG);
    }

    @Test
    void checkRespondents_reportsUnknownInstitutionsAndLocationsOncePerStratum() {
        PlanCheck check = PlanCheck.of(
                EDITION, List.of(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01")));
        List<PlanProblem> problems = check.checkRespondents(List.of(
                Respondent.of("a", "25LZ", "01"),
                Respondent.of("b", "25LZ", "02"),
                Respondent.of("c", "25LZ", "02"),
                Respondent.of("d", "30RC", "01")));
        assertThat(problems)
                .extracting(PlanProblem::code)
                .containsExactly(PlanProblem.Code.UNKNOWN_LOCATION, PlanProblem.Code.UNKNOWN_INSTITUTION);
        assertThat(problems.get(0).message())
                .isEqualTo(
                        "2 respondents (e.g. b) have location \"02\", which is not a location of institution 25LZ (known: 01)");
    }

    @Test
    void binomialAndCombinations_agree() {
        for (int n = 0; n <= 10; n++) {
            for (int k = 0; k <= n; k++) {
                assertThat(PlanCheck.combinations(n, k)).hasSize((int) PlanCheck.binomial(n, k));
            }
        }
        assertThat(PlanCheck.binomial(100, 50)).isEqualTo(Long.MAX_VALUE);
        assertThat(PlanCheck.combinations(4, 2))
                .containsExactly(
                        new int[] {0, 1},
                        new int[] {0, 2},
                        new int[] {0, 3},
                        new int[] {1, 2},
                        new int[] {1, 3},
                        new int[] {2, 3});
    }
}
