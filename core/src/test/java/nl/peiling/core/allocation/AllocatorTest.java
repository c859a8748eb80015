package nl.peiling.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.peiling.core.model.Edition;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static final List<String> KEYS = List.of("a", "b", "c", "d", "e", "f");

    private static List<Respondent> golden() {
        return KEYS.stream().map(k -> Respondent.of(k, "25LZ", "01")).toList();
    }

    /**
     * A small example worked out by hand from the keyed hashes.
     *
     * <p>Edition: base {@code basis} (300 s), optional m0..m3 (60 s each), 1 chosen, 2 random, 10 minutes.
     * Institution 25LZ chooses m0, excludes nothing, has one location 01. Its pool is m1, m2, m3 (pool
     * positions 0, 1, 2), every pair fits the budget (5 + 1 + 2 = 8 minutes), so the plan is complete.
     * Seed "golden".
     *
     * <p>1. Rank. The rank key is HMAC-SHA256("golden", "peiling.allocation/1" + len "rank")[0..16); the
     * SipHash of each key under it, as a signed long: a 0x58961c0dc08f3fb7, b 0x353e7b42f49e42ea,
     * c 0xa0387bc3e52aab9a (negative), d 0xd7cd4f2ec7b1d939 (negative), e 0x4cafc5ff74e3131c,
     * f 0x196f86caf40c1b84. Ascending: c, d, f, b, e, a.
     *
     * <p>2. Schedule for n = 3 (Walecki, m = 1): zigzag 0, 1; cycle v = (2, 0, 1); even edge (2,0),
     * closing edge (v2, v0) = (1,2), odd edge (0,1). Order: {2,0}, {1,2}, {0,1}.
     *
     * <p>3. Relabel per cycle by Fisher-Yates from the stratum key's hash of (cycle << 32 | i):
     * cycle 0: i=2 → 0xf8c87dc894a03f0b mod 3 = 0, swap p2,p0 → [2,1,0]; i=1 → 0x48c49f5a1d6f0dea mod 2 = 0,
     * swap p1,p0 → σ0 = [1,2,0]. Cycle 1: i=2 → mod 3 = 2, no swap; i=1 → mod 2 = 0 → σ1 = [1,0,2].
     *
     * <p>4. Deal (pool position → module: 0 m1, 1 m2, 2 m3):
     * c {2,0} → σ0 {0,1} = m1 m2; d {1,2} → {2,0} = m1 m3; f {0,1} → {1,2} = m2 m3;
     * b {2,0} → σ1 {2,1} = m2 m3; e {1,2} → {0,2} = m1 m3; a {0,1} → {1,0} = m1 m2.
     * Each pair twice, each module 4 = 6 × 2/3 times.
     *
     * <p>Stateless: the SipHash under the institution's stateless key, unsigned mod 3, indexes the
     * combinations [m1 m2], [m1 m3], [m2 m3]: a 0x80c2ad85f80cebc1 → 2, b 0x8f37d39123922fe7 → 2,
     * c 0xb99296c1320e2923 → 1, d 0x391473f506a7c4f5 → 1, e 0x3b9dc01321d0a198 → 0, f 0x24ce5f6dc10a178e → 1.
     */
    @Test
    void goldenExample_workedOutByHand() {
        Edition edition = Fixtures.edition(300, new int[] {60, 60, 60, 60}, 1, 2, 10);
        List<Institution> institutions = List.of(Institution.of("25LZ", List.of("m0"), List.of(), "01"));
        Allocator allocator = Allocator.of(edition, institutions, "golden");

        // The intermediate values of the comment.
        Keys keys = Keys.of("golden");
        SipHash rank = keys.derive("rank");
        assertThat(rank.hashUtf8("c")).isEqualTo(0xa0387bc3e52aab9aL);
        assertThat(rank.hashUtf8("a")).isEqualTo(0x58961c0dc08f3fb7L);
        List<String> ranked = new ArrayList<>(KEYS);
        ranked.sort((x, y) -> Long.compare(rank.hashUtf8(x), rank.hashUtf8(y)));
        assertThat(ranked).containsExactly("c", "d", "f", "b", "e", "a");
        assertThat(Schedules.pairs(3)).isDeepEqualTo(new int[][] {{2, 0}, {1, 2}, {0, 1}});
        SipHash deal = keys.derive("deal", "25LZ", "01");
        assertThat(Schedules.permutation(deal, 0, 3)).containsExactly(1, 2, 0);
        assertThat(Schedules.permutation(deal, 1, 3)).containsExactly(1, 0, 2);

        Map<String, List<String>> batch = allocator.allocateBatch(golden()).byRespondent();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("a", List.of("basis", "m0", "m1", "m2"));
        expected.put("b", List.of("basis", "m0", "m2", "m3"));
        expected.put("c", List.of("basis", "m0", "m1", "m2"));
        expected.put("d", List.of("basis", "m0", "m1", "m3"));
        expected.put("e", List.of("basis", "m0", "m1", "m3"));
        expected.put("f", List.of("basis", "m0", "m2", "m3"));
        assertThat(batch).containsExactlyEntriesOf(expected);

        Map<String, List<String>> stateless = allocator.allocateEach(golden()).byRespondent();
        assertThat(stateless)
                .containsExactly(
                        Map.entry("a", List.of("basis", "m0", "m2", "m3")),
                        Map.entry("b", List.of("basis", "m0", "m2", "m3")),
                        Map.entry("c", List.of("basis", "m0", "m1", "m3")),
                        Map.entry("d", List.of("basis", "m0", "m1", "m3")),
                        Map.entry("e", List.of("basis", "m0", "m1", "m2")),
                        Map.entry("f", List.of("basis", "m0", "m1", "m3")));
        assertThat(allocator.allocate("a", "25LZ").random()).containsExactly("m2", "m3");

        StratumSummary summary = allocator.allocateBatch(golden()).strata().get(0);
        assertThat(summary.counts())
                .containsExactly(
                        Map.entry("basis", 6),
                        Map.entry("m0", 6),
                        Map.entry("m1", 4),
                        Map.entry("m2", 4),
                        Map.entry("m3", 4));
        assertThat(summary.expected())
                .containsExactly(
                        Map.entry("basis", 6.0),
                        Map.entry("m0", 6.0),
                        Map.entry("m1", 4.0),
                        Map.entry("m2", 4.0),
                        Map.entry("m3", 4.0));
        assertThat(summary.spread()).isZero();
        assertThat(summary.pairSpread()).isZero();
    }

    @Test
    void edition2027_typicalInstitution_getsTenPairsOfItsFivePoolModules() {
        Edition edition = Fixtures.edition2027();
        List<Institution> institutions = List.of(
                Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01", "02"),
                Institution.of("30RC", List.of("positie", "nabijheid", "geldzorgen"), List.of("huisvesting"), "01"));
        Allocator allocator = Allocator.of(edition, institutions, "passphrase of the survey owner");
        InstitutionPlan plan = allocator.plan("25LZ").orElseThrow();
        assertThat(plan.pool()).containsExactly("nabijheid", "huisvesting", "positie", "geldzorgen", "burgerschap");
        assertThat(plan.combinations()).hasSize(10);
        assertThat(plan.complete()).isTrue();
        assertThat(plan.share("huisvesting")).isEqualTo(0.4);
        assertThat(allocator.plan("30RC").orElseThrow().pool())
                .containsExactly("llo", "welzijn", "burgerschap", "stage");
        assertThat(allocator.warnings()).isEmpty();

        List<Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            respondents.add(Respondent.of("s" + i, i % 3 == 0 ? "30RC" : "25LZ", i % 3 == 1 ? "02" : "01"));
        }
        Allocations result = allocator.allocateBatch(respondents);
        for (StratumSummary stratum : result.strata()) {
            assertThat(stratum.spread()).isLessThanOrEqualTo(1);
            assertThat(stratum.pairSpread()).isLessThanOrEqualTo(1);
        }
        StratumSummary lz01 = result.stratum("25LZ", "01").orElseThrow();
        assertThat(lz01.respondents()).isEqualTo(333);
        assertThat(lz01.count("huisvesting")).isBetween(133, 134); // 333 × 2/5 = 133.2
        assertThat(lz01.count("llo")).isEqualTo(333);
        StratumSummary rc = result.stratum("30RC", "01").orElseThrow();
        assertThat(rc.count("huisvesting")).isZero();
        assertThat(rc.modules().get(2).role()).isEqualTo(ModuleRole.EXCLUDED);
        assertThat(rc.respondents()).isEqualTo(334);
        assertThat(rc.count("llo")).isEqualTo(167); // 334 × 2/4 = 167 exactly
    }

    /**
     * Stateless counts are multinomial over the allowed combinations: Pearson's chi-square over the ten
     * combinations of the 2027 pool, 9 degrees of freedom, stays below 33.72, its 0.9999 quantile (R:
     * qchisq(0.9999, 9)), for each of these fixed seeds. The seeds are fixed, so the test is deterministic.
     */
    @Test
    void stateless_countsPassAChiSquareBound() {
        Edition edition = Fixtures.edition2027();
        List<Institution> institutions =
                List.of(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01"));
        List<Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            respondents.add(
                    Respondent.of(Pseudonyms.hmacSha256("students", String.valueOf(100_000 + i)), "25LZ", "01"));
        }
        for (String seed : List.of("one", "two", "three", "four", "five")) {
            Allocator allocator = Allocator.of(edition, institutions, seed);
            List<List<String>> combinations =
                    allocator.plan("25LZ").orElseThrow().combinations();
            int[] counts = new int[combinations.size()];
            for (Respondent r : respondents) {
                counts[
                        combinations.indexOf(
                                allocator.allocate(r.key(), r.institution()).random())]++;
            }
            double expected = respondents.size() / (double) counts.length;
            double chiSquare = Arrays.stream(counts)
                    .mapToDouble(c -> (c - expected) * (c - expected) / expected)
                    .sum();
            assertThat(chiSquare)
                    .as("seed %s counts %s", seed, Arrays.toString(counts))
                    .isLessThan(33.72);
        }
    }

    @Test
    void stateless_fromEightThreadsAtOnce_givesWhatOneThreadGives() throws Exception {
        Allocator allocator = allocator2027();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add("k" + i);
        }
        List<List<String>> expected =
                keys.stream().map(k -> allocator.allocate(k, "25LZ").modules()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    for (int j = 0; j < keys.size(); j++) {
                        int i = (j * 7 + offset * 2_503) % keys.size(); // each thread in another order
                        if (!allocator.allocate(keys.get(i), "25LZ").modules().equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void allocateBatch_keyTwice_isRejectedNamingIt() {
        Allocator allocator = allocator2027();
        List<Respondent> respondents = List.of(
                Respondent.of("x1", "25LZ", "01"),
                Respondent.of("x2", "25LZ", "01"),
                Respondent.of("x1", "25LZ", "02"));
        assertThatThrownBy(() -> allocator.allocateBatch(respondents))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "respondent key \"x1\" appears twice (respondents 1 and 3 of the input); keys must be unique");
    }

    @Test
    void allocateBatch_unknownInstitutionOrLocation_isRejectedNamingThem() {
        Allocator allocator = allocator2027();
        List<Respondent> respondents = List.of(
                Respondent.of("x1", "99ZZ", "01"),
                Respondent.of("x2", "25LZ", "07"),
                Respondent.of("x3", "25LZ", "07"));
        assertThatThrownBy(() -> allocator.allocateBatch(respondents))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "1 respondent (e.g. x1) belong to institution \"99ZZ\", which has no usable plan (known: 25LZ)")
                .hasMessageContaining(
                        "2 respondents (e.g. x2) have location \"07\", which is not a location of institution 25LZ (known: 01, 02)");
    }

    @Test
    void allocate_unknownInstitution_isRejected() {
        assertThatThrownBy(() -> allocator2027().allocate("x", "99ZZ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown institution \"99ZZ\" (known: 25LZ)");
        assertThatThrownBy(() -> allocator2027().allocate(" ", "25LZ")).hasMessage("respondent key must not be blank");
    }

    @Test
    void of_emptySeed_isRejected() {
        assertThatThrownBy(() -> Allocator.of(Fixtures.edition2027(), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("seed must not be empty");
    }

    @Test
    void of_planWithErrors_throwsPlanExceptionWithEveryProblem() {
        List<Institution> institutions = List.of(Institution.of("25LZ", List.of("llo", "basis"), List.of("llo"), "01"));
        assertThatThrownBy(() -> Allocator.of(Fixtures.edition2027(), institutions, "s"))
                .isInstanceOfSatisfying(
                        PlanException.class,
                        e -> assertThat(e.errors())
                                .extracting(PlanProblem::code)
                                .containsExactly(
                                        PlanProblem.Code.BASE_MODULE,
                                        PlanProblem.Code.CHOSEN_AND_EXCLUDED,
                                        PlanProblem.Code.CHOSEN_COUNT))
                .hasMessageStartingWith("3 errors in the institution plans");
    }

    @Test
    void withThreads_belowOne_isRejected() {
        assertThatThrownBy(() -> allocator2027().withThreads(0)).hasMessage("threads (0) must be at least 1");
        assertThat(allocator2027().withThreads(3).threads()).isEqualTo(3);
    }

    @Test
    void allocateBatch_noRespondents_isEmpty() {
        Allocations result = allocator2027().allocateBatch(List.of());
        assertThat(result.size()).isZero();
        assertThat(result.strata()).isEmpty();
        assertThat(result.summary()).isEqualTo("no respondents\n");
    }

    @Test
    void noRandomModules_everyoneGetsBaseAndChosen() {
        Edition edition = Fixtures.edition(300, new int[] {60, 60, 60}, 2, 0, 10);
        Allocator allocator =
                Allocator.of(edition, List.of(Institution.of("X", List.of("m2", "m0"), List.of(), "01")), "s");
        Allocation a = allocator.allocate("k", "X");
        assertThat(a.modules()).containsExactly("basis", "m2", "m0");
        assertThat(a.random()).isEmpty();
        assertThat(a.chosen()).containsExactly("m2", "m0");
        assertThat(a.modulesField()).isEqualTo("basis|m2|m0");
    }

    @Test
    void budgetLimitedPlan_dealsOnlyCombinationsThatFit() {
        // Base 5 min, chosen m0 1 min, pool m1 (4 min), m2 (1 min), m3 (1 min); 10 minutes leave 4 for two
        // random modules: only {m2, m3} fits; m1 alone would fit, but never with another.
        Edition edition = Fixtures.edition(300, new int[] {60, 240, 60, 60}, 1, 2, 10);
        Allocator allocator = Allocator.of(edition, List.of(Institution.of("X", List.of("m0"), List.of(), "01")), "s");
        InstitutionPlan plan = allocator.plan("X").orElseThrow();
        assertThat(plan.combinations()).containsExactly(List.of("m2", "m3"));
        assertThat(plan.pool()).containsExactly("m2", "m3");
        assertThat(plan.tooLong()).containsExactly("m1");
        assertThat(plan.complete()).isTrue();
        assertThat(allocator.warnings())
                .extracting(PlanProblem::message)
                .containsExactly("module \"m1\" (4.0 min) fits in no"
                        + " combination of 2 random modules within maxMinutes (10) beside base and chosen modules (6.0 min), so"
                        + " institution X never gets it");
        List<Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            respondents.add(Respondent.of("k" + i, "X", "01"));
        }
        assertThat(allocator.allocateBatch(respondents).list())
                .allSatisfy(a -> assertThat(a.random()).containsExactly("m2", "m3"));
    }

    @Test
    void budgetLimitedPlan_withSeveralCombinations_dealsOnlyThoseAndStaysNearBalance() {
        // Room for 4 minutes of random modules: m1 (3) + m2 (2) is too long, the other five pairs fit.
        Edition edition = Fixtures.edition(300, new int[] {60, 180, 120, 60, 60}, 1, 2, 10);
        Allocator allocator = Allocator.of(edition, List.of(Institution.of("X", List.of("m0"), List.of(), "01")), "s");
        InstitutionPlan plan = allocator.plan("X").orElseThrow();
        assertThat(plan.combinations()).hasSize(5).doesNotContain(List.of("m1", "m2"));
        assertThat(plan.complete()).isFalse();
        assertThat(allocator.warnings()).extracting(PlanProblem::code).containsExactly(PlanProblem.Code.BUDGET_LIMITS);
        List<Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            respondents.add(Respondent.of("k" + i, "X", "01"));
        }
        Allocations result = allocator.allocateBatch(respondents);
        assertThat(result.list()).allSatisfy(a -> {
            assertThat(a.random()).hasSize(2).isNotEqualTo(List.of("m1", "m2"));
            assertThat(Fixtures.seconds(edition, a.modules())).isLessThanOrEqualTo(600);
        });
        // Balance within one is no longer guaranteed (a validated edition never gets here: its length-budget
        // rule makes every combination fit), but the greedy dealer stays close: every random module within
        // one of an even share, 500 × 2 / 4 = 250.
        StratumSummary stratum = result.strata().get(0);
        assertThat(stratum.spread()).isLessThanOrEqualTo(2);
        assertThat(stratum.modules())
                .filteredOn(m -> m.role() == ModuleRole.RANDOM)
                .extracting(StratumSummary.ModuleCount::actual)
                .hasSize(4)
                .allSatisfy(actual -> assertThat(actual).isBetween(249, 251));
    }

    @Test
    void toString_isCompact() {
        assertThat(allocator2027().toString())
                .isEqualTo("Allocator[edition 2027, 1 institutions, 2 strata, "
                        + Runtime.getRuntime().availableProcessors() + " threads]");
        assertThat(allocator2027()
                        .allocateBatch(List.of(Respondent.of("x", "25LZ", "01")))
                        .toString())
                .isEqualTo("Allocations[batch, 1 respondents, 1 strata]");
    }

    private static Allocator allocator2027() {
        return Allocator.of(
                Fixtures.edition2027(),
                List.of(Institution.of("25LZ", List.of("llo", "welzijn", "stage"), List.of(), "01", "02")),
                "seed");
    }
}
