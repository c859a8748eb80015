package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import nl.peiling.core.model.Edition;
import nl.peiling.core.testing.Tries;
import org.junit.jupiter.api.Test;

/**
 * The guarantees of SPEC section 3 as properties over random editions, plans, populations and seeds.
 *
 * <p>A scenario is drawn from a few numbers (module count, rules, population size, institutions) and a
 * java.util.Random seed that builds the rest. Each property runs its seeded tries (see {@link Tries}); a failure
 * names the seed of its try, which reproduces the scenario.
 */
class AllocatorProperties {

    /** A random edition, institution plans, respondents and seed. */
    record Scenario(Edition edition, List<Institution> institutions, List<Respondent> respondents, String seed) {
        @Override
        public String toString() {
            return "Scenario[" + edition + ", " + institutions + ", " + respondents.size() + " respondents, seed "
                    + seed + "]";
        }
    }

    /** A random scenario: 1–9 optional modules, 0–4 random per respondent, 0–400 respondents, 1–4 institutions. */
    private static Scenario scenario(SplittableRandom random) {
        return scenario(random, false);
    }

    /** A scenario whose every combination fits the budget, so balance within one is guaranteed. */
    private static Scenario roomy(SplittableRandom random) {
        return scenario(random, true);
    }

    private static Scenario scenario(SplittableRandom random, boolean roomy) {
        int modules = Tries.intIn(random, 1, 9); // optional modules
        int perRespondent = Tries.intIn(random, 0, 4); // random per respondent
        int people = Tries.intIn(random, 0, 400); // respondents
        int institutions = Tries.intIn(random, 1, 4);
        Random build = new Random(random.nextLong()); // builds the rest
        String seed = Tries.string(random, 1, 12, AllocatorProperties::letter);
        return scenario(modules, perRespondent, people, institutions, build, seed, roomy);
    }

    private static char letter(SplittableRandom random) {
        int letter = random.nextInt(52);
        return (char) (letter < 26 ? 'A' + letter : 'a' + letter - 26);
    }

    private static Scenario scenario(
            int modules, int random, int people, int count, Random rnd, String seed, boolean roomy) {
        int[] seconds = new int[modules];
        for (int i = 0; i < modules; i++) {
            seconds[i] = 30 + rnd.nextInt(600);
        }
        int chosen = rnd.nextInt(Math.min(3, modules - 1) + 1);
        int base = 60 + rnd.nextInt(900);
        int all = base + Arrays.stream(seconds).sum();
        // Roomy: everything fits. Otherwise anything from "base and the longest chosen barely fit" up.
        int maxMinutes = roomy ? (all + 59) / 60 : 1 + rnd.nextInt(Math.max(1, (all + 59) / 60));
        Edition edition = Fixtures.edition(base, seconds, chosen, random, maxMinutes);
        List<String> ids = edition.manifest().modules();
        List<Institution> institutions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, rnd);
            List<String> chosenIds = shuffled.subList(0, chosen);
            List<String> rest = shuffled.subList(chosen, shuffled.size());
            List<String> excluded = rest.subList(0, rnd.nextInt(rest.size() + 1));
            int locations = 1 + rnd.nextInt(3);
            String[] codes = new String[locations];
            for (int l = 0; l < locations; l++) {
                codes[l] = String.format("%02d", l + 1);
            }
            institutions.add(Institution.of("I" + i, List.copyOf(chosenIds), List.copyOf(excluded), codes));
        }
        List<Respondent> respondents = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Institution institution = institutions.get(rnd.nextInt(count));
            String location = institution
                    .locations()
                    .get(rnd.nextInt(institution.locations().size()))
                    .code();
            respondents.add(
                    Respondent.of("r" + p + "-" + Long.toHexString(rnd.nextLong()), institution.code(), location));
        }
        return new Scenario(edition, institutions, respondents, seed);
    }

    /** The allocator, or a skipped try when the random plan breaks the budget outright. */
    private static Allocator allocator(Scenario s) {
        PlanCheck check = PlanCheck.of(s.edition(), s.institutions());
        assumeTrue(check.isValid(), "a plan within the budget");
        return Allocator.of(s.edition(), s.institutions(), s.seed());
    }

    // ------------------------------------------------------------------------------ guarantee 1

    @Test
    void everyRespondent_getsBaseChosenNeverExcludedNoRepeatsWithinBudget() {
        int[] limited = {0};
        Tries.check(150, draw -> {
            Scenario s = scenario(draw);
            if (everyRespondent_getsBaseChosenNeverExcludedNoRepeatsWithinBudget(s)) {
                limited[0]++;
            }
        });
        assertThat(limited[0]).as("tries with budget-limited plans").isPositive();
    }

    /** Checks the scenario; whether a plan of it was budget-limited. */
    private static boolean everyRespondent_getsBaseChosenNeverExcludedNoRepeatsWithinBudget(Scenario s) {
        Allocator allocator = allocator(s);
        boolean limited = allocator.plans().stream()
                .anyMatch(p -> !p.complete() && p.combinations().size() > 1);
        int budget = s.edition().rules().maxMinutes() * 60;
        for (AllocationMode mode : AllocationMode.values()) {
            Allocations result = allocator.allocate(s.respondents(), mode);
            assertThat(result.size()).isEqualTo(s.respondents().size());
            for (int i = 0; i < result.size(); i++) {
                Allocation a = result.get(i);
                Institution institution = s.institutions().stream()
                        .filter(x -> x.code().equals(a.institution()))
                        .findFirst()
                        .orElseThrow();
                assertThat(a.respondent()).isEqualTo(s.respondents().get(i).key());
                assertThat(a.base()).isEqualTo(s.edition().base().id());
                assertThat(a.chosen()).isEqualTo(institution.chosen());
                assertThat(Collections.disjoint(a.modules(), institution.excluded()))
                        .as("%s excluded", a)
                        .isTrue();
                assertThat(Collections.disjoint(a.random(), institution.chosen()))
                        .as("%s chosen", a)
                        .isTrue();
                assertThat(a.modules()).doesNotHaveDuplicates();
                assertThat(a.randomCount())
                        .isLessThanOrEqualTo(s.edition().rules().randomPerRespondent());
                assertThat(Fixtures.seconds(s.edition(), a.modules())).isLessThanOrEqualTo(budget);
                List<String> order = s.edition().manifest().modules();
                assertThat(a.random()).isSortedAccordingTo((x, y) -> order.indexOf(x) - order.indexOf(y));
            }
        }
        return limited;
    }

    @Test
    void roomyPlans_giveEveryRespondentTheFullNumberOfRandomModulesThePoolAllows() {
        Tries.check(100, draw -> roomyPlans_giveEveryRespondentTheFullNumberOfRandomModulesThePoolAllows(roomy(draw)));
    }

    private static void roomyPlans_giveEveryRespondentTheFullNumberOfRandomModulesThePoolAllows(Scenario s) {
        Allocator allocator = allocator(s);
        Allocations result = allocator.allocateBatch(s.respondents());
        for (int i = 0; i < result.size(); i++) {
            InstitutionPlan plan = allocator.plan(result.get(i).institution()).orElseThrow();
            int expected = Math.min(
                    s.edition().rules().randomPerRespondent(), plan.pool().size());
            assertThat(result.get(i).randomCount()).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------------------ guarantee 2

    @Test
    void batch_shuffledInputAndThreadCount_giveTheSameAllocation() {
        Tries.check(
                100, draw -> batch_shuffledInputAndThreadCount_giveTheSameAllocation(scenario(draw), draw.nextLong()));
    }

    private static void batch_shuffledInputAndThreadCount_giveTheSameAllocation(Scenario s, long shuffle) {
        Allocator allocator = allocator(s);
        List<Respondent> shuffled = new ArrayList<>(s.respondents());
        Collections.shuffle(shuffled, new Random(shuffle));
        Map<String, List<String>> one =
                allocator.withThreads(1).allocateBatch(s.respondents()).byRespondent();
        Map<String, List<String>> eight =
                allocator.withThreads(8).allocateBatch(shuffled).byRespondent();
        assertThat(eight).isEqualTo(one);
        Map<String, List<String>> again = Allocator.of(s.edition(), s.institutions(), s.seed())
                .allocateBatch(s.respondents())
                .byRespondent();
        assertThat(again).isEqualTo(one);
    }

    @Test
    void stateless_isAPureFunctionOfSeedKeyAndInstitution() {
        Tries.check(100, draw -> stateless_isAPureFunctionOfSeedKeyAndInstitution(scenario(draw)));
    }

    private static void stateless_isAPureFunctionOfSeedKeyAndInstitution(Scenario s) {
        Allocator allocator = allocator(s);
        Allocator other = Allocator.of(s.edition(), s.institutions(), s.seed()).withThreads(3);
        Allocations each = allocator.allocateEach(s.respondents());
        for (int i = 0; i < s.respondents().size(); i++) {
            Respondent r = s.respondents().get(i);
            Allocation a = allocator.allocate(r.key(), r.institution());
            assertThat(a).isEqualTo(other.allocate(r.key(), r.institution()));
            assertThat(each.get(i)).isEqualTo(a);
        }
    }

    // ------------------------------------------------------------------------------ guarantee 3

    @Test
    void batch_completePlans_balanceModulesWithinOneAndPairsWithinOneForTwoRandom() {
        Tries.check(150, draw -> batch_completePlans_balanceModulesWithinOneAndPairsWithinOneForTwoRandom(roomy(draw)));
    }

    private static void batch_completePlans_balanceModulesWithinOneAndPairsWithinOneForTwoRandom(Scenario s) {
        Allocator allocator = allocator(s);
        Allocations result = allocator.allocateBatch(s.respondents());
        for (StratumSummary stratum : result.strata()) {
            InstitutionPlan plan = allocator.plan(stratum.institution()).orElseThrow();
            assertThat(plan.complete()).isTrue();
            assertThat(stratum.spread()).as("%s", stratum).isLessThanOrEqualTo(1);
            for (StratumSummary.ModuleCount m : stratum.modules()) {
                assertThat((double) m.actual())
                        .as("%s %s", stratum, m)
                        .isBetween(Math.floor(m.expected() - 1e-9), Math.ceil(m.expected() + 1e-9));
            }
            if (plan.randomPerRespondent() == 2) {
                assertThat(stratum.pairSpread()).as("%s", stratum).isLessThanOrEqualTo(1);
            }
        }
        // The summary agrees with the allocations themselves.
        for (StratumSummary stratum : result.strata()) {
            for (StratumSummary.ModuleCount m : stratum.modules()) {
                long actual = 0;
                for (int i = 0; i < result.size(); i++) {
                    Respondent r = result.respondent(i);
                    if (r.institution().equals(stratum.institution())
                            && r.location().equals(stratum.location())
                            && result.get(i).modules().contains(m.module())) {
                        actual++;
                    }
                }
                assertThat(m.actual()).isEqualTo((int) actual);
            }
            // and so do its spreads, counted here from the allocations of the stratum's respondents
            InstitutionPlan plan = allocator.plan(stratum.institution()).orElseThrow();
            List<String> pool = plan.pool();
            int[] single = new int[pool.size()];
            int[][] both = new int[pool.size()][pool.size()];
            for (int i = 0; i < result.size(); i++) {
                Respondent r = result.respondent(i);
                if (!r.institution().equals(stratum.institution())
                        || !r.location().equals(stratum.location())) {
                    continue;
                }
                List<String> random = result.get(i).random();
                for (int a = 0; a < pool.size(); a++) {
                    if (random.contains(pool.get(a))) {
                        single[a]++;
                        for (int b = a + 1; b < pool.size(); b++) {
                            both[a][b] += random.contains(pool.get(b)) ? 1 : 0;
                        }
                    }
                }
            }
            int spread = pool.size() < 2
                    ? 0
                    : java.util.Arrays.stream(single).max().orElseThrow()
                            - java.util.Arrays.stream(single).min().orElseThrow();
            int pairMin = Integer.MAX_VALUE;
            int pairMax = Integer.MIN_VALUE;
            for (int a = 0; a < pool.size(); a++) {
                for (int b = a + 1; b < pool.size(); b++) {
                    pairMin = Math.min(pairMin, both[a][b]);
                    pairMax = Math.max(pairMax, both[a][b]);
                }
            }
            int pairSpread = plan.randomPerRespondent() >= 2 && pool.size() >= 2 ? pairMax - pairMin : 0;
            assertThat(stratum.spread()).as("spread of %s", stratum).isEqualTo(spread);
            assertThat(stratum.pairSpread()).as("pair spread of %s", stratum).isEqualTo(pairSpread);
        }
    }

    @Test
    void batch_everyPrefixOfAStratum_isBalanced() {
        Tries.check(60, draw -> batch_everyPrefixOfAStratum_isBalanced(roomy(draw)));
    }

    private static void batch_everyPrefixOfAStratum_isBalanced(Scenario s) {
        // Balance holds whatever the stratum's size: each prefix of the rank order is a smaller stratum.
        Allocator allocator = allocator(s);
        assumeTrue(!s.respondents().isEmpty(), "a respondent");
        Respondent first = s.respondents().get(0);
        List<Respondent> stratum = s.respondents().stream()
                .filter(r -> r.institution().equals(first.institution())
                        && r.location().equals(first.location()))
                .toList();
        for (int size = 1; size <= stratum.size(); size++) {
            StratumSummary summary =
                    allocator.allocateBatch(stratum.subList(0, size)).strata().get(0);
            assertThat(summary.spread()).isLessThanOrEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------ guarantee 5

    @Test
    void differentSeeds_giveIndependentAllocations() {
        Tries.check(30, draw -> differentSeeds_giveIndependentAllocations(seed(draw), seed(draw)));
    }

    private static void differentSeeds_giveIndependentAllocations(String a, String b) {
        // Seeds count as their UTF-8 bytes, in which an unpaired surrogate becomes "?".
        assumeTrue(
                !Arrays.equals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)),
                "two different seeds");
        Edition edition = Fixtures.edition(300, new int[] {60, 60, 60, 60, 60, 60}, 1, 2, 60);
        List<Institution> institutions = List.of(Institution.of("X", List.of("m0"), List.of(), "01"));
        List<Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            respondents.add(Respondent.of("student-" + i, "X", "01"));
        }
        // Five pool modules, two each: ten combinations. Under independence a respondent gets the same
        // combination under both seeds with probability 1/10: 300 of 3000 expected, sd about 16.4.
        for (AllocationMode mode : AllocationMode.values()) {
            Allocations first = Allocator.of(edition, institutions, a).allocate(respondents, mode);
            Allocations second = Allocator.of(edition, institutions, b).allocate(respondents, mode);
            int same = 0;
            for (int i = 0; i < respondents.size(); i++) {
                same += first.get(i).modules().equals(second.get(i).modules()) ? 1 : 0;
            }
            assertThat(same).as("%s: %s vs %s", mode, a, b).isBetween(300 - 100, 300 + 100);
        }
    }

    /** An allocation seed: 1 to 20 of any chars. */
    private static String seed(SplittableRandom random) {
        return Tries.string(random, 1, 20, Tries::anyChar);
    }

    // ------------------------------------------------------------------------------ plan reports

    @Test
    void planCheck_reportsEverySmallPoolAndRespondentsGetThePool() {
        Tries.check(100, draw -> planCheck_reportsEverySmallPoolAndRespondentsGetThePool(roomy(draw)));
    }

    private static void planCheck_reportsEverySmallPoolAndRespondentsGetThePool(Scenario s) {
        Allocator allocator = allocator(s);
        Set<String> small = new HashSet<>();
        allocator.warnings().stream()
                .filter(w -> w.code() == PlanProblem.Code.SMALL_POOL)
                .forEach(w -> small.add(w.institution()));
        for (InstitutionPlan plan : allocator.plans()) {
            boolean isSmall = plan.pool().size() < s.edition().rules().randomPerRespondent();
            assertThat(small.contains(plan.institution())).isEqualTo(isSmall);
            if (isSmall) {
                assertThat(plan.combinations()).containsExactly(plan.pool());
            }
        }
    }
}
