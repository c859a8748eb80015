package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Rules;

/**
 * The check of institution plans against an edition, and the plans it works out.
 *
 * <p>It reports every problem, not just the first: unknown, duplicate, base, or both chosen and excluded
 * modules, the wrong number chosen, blank or duplicate codes, and plans that break the length budget.
 * Plans with only warnings can be allocated; the warnings say how: a pool smaller than
 * {@code randomPerRespondent} gives every respondent the whole pool, a module too long for the budget is
 * never allocated, combinations over the budget are left out.
 *
 * <p>Lengths are compared exactly, in whole seconds: base + chosen + random modules must take at most
 * {@code maxMinutes × 60} seconds.
 */
public final class PlanCheck {

    /**
     * The most combinations of random modules one institution may have. The shipped editions have ten
     * (five pool modules, two each); the limit keeps a mistaken edition from exhausting memory.
     */
    public static final int MAX_COMBINATIONS = 100_000;

    /** The most modules a pool may have (a combination is a bit set in a long). */
    static final int MAX_POOL = 62;

    private final List<PlanProblem> problems;
    private final Map<String, InstitutionPlan> plans;
    private final Map<String, Set<String>> locations;

    private PlanCheck(
            List<PlanProblem> problems, Map<String, InstitutionPlan> plans, Map<String, Set<String>> locations) {
        this.problems = List.copyOf(problems);
        this.plans = plans;
        this.locations = locations;
    }

    /** Checks every institution's plan against the edition. */
    public static PlanCheck of(Edition edition, List<Institution> institutions) {
        requireNonNull(edition, "edition");
        requireNonNull(institutions, "institutions");
        List<PlanProblem> problems = new ArrayList<>();
        Map<String, InstitutionPlan> plans = new LinkedHashMap<>();
        Map<String, Set<String>> locations = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < institutions.size(); i++) {
            Institution institution = institutions.get(i);
            if (institution == null) {
                throw new NullPointerException("institutions[" + i + "]");
            }
            List<PlanProblem> own = new ArrayList<>();
            String path =
                    "institutions[" + (institution.code().isBlank() ? String.valueOf(i) : institution.code()) + "]";
            Integer before = seen.putIfAbsent(institution.code(), i);
            if (institution.code().isBlank()) {
                own.add(problem(
                        PlanProblem.Code.BLANK_CODE,
                        "",
                        "institutions[" + i + "].code",
                        "institution " + (i + 1)
                                + " of the list has a blank code; codes are BRIN numbers such as 25LZ"));
            } else if (before != null) {
                own.add(problem(
                        PlanProblem.Code.DUPLICATE_INSTITUTION,
                        institution.code(),
                        path,
                        String.format(
                                Locale.ROOT,
                                "institution code \"%s\" appears twice (entries %d and %d of the list);"
                                        + " each institution has one plan",
                                institution.code(),
                                before + 1,
                                i + 1)));
            }
            checkLocations(institution, path, own);
            checkModules(edition, institution, path, own);
            boolean usable = own.stream().noneMatch(PlanProblem::isError);
            if (usable) {
                Optional<InstitutionPlan> plan = plan(edition, institution, path, own);
                if (plan.isPresent() && own.stream().noneMatch(PlanProblem::isError)) {
                    plans.put(institution.code(), plan.get());
                    locations.put(institution.code(), Set.copyOf(institution.locationCodes()));
                }
            }
            problems.addAll(own);
        }
        return new PlanCheck(problems, Collections.unmodifiableMap(plans), locations);
    }

    /** Every problem found, errors and warnings, in the order of the institutions. */
    public List<PlanProblem> problems() {
        return problems;
    }

    /** The errors. */
    public List<PlanProblem> errors() {
        return problems.stream().filter(PlanProblem::isError).toList();
    }

    /** The warnings. */
    public List<PlanProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Whether no problem is an error, so that allocation can go ahead. */
    public boolean isValid() {
        return problems.stream().noneMatch(PlanProblem::isError);
    }

    /** The plans of the institutions without errors, in the order of the list. */
    public List<InstitutionPlan> plans() {
        return List.copyOf(plans.values());
    }

    /** The plan of this institution, if it has one without errors. */
    public Optional<InstitutionPlan> plan(String institution) {
        return Optional.ofNullable(plans.get(requireNonNull(institution, "institution")));
    }

    /**
     * Checks that every respondent's institution has a plan and its location is one of the institution's:
     * one problem per unknown institution or location, with the number of respondents and an example key.
     */
    public List<PlanProblem> checkRespondents(Collection<Respondent> respondents) {
        requireNonNull(respondents, "respondents");
        Map<String, int[]> unknown = new LinkedHashMap<>();
        Map<String, String> example = new HashMap<>();
        for (Respondent respondent : respondents) {
            Set<String> codes = locations.get(respondent.institution());
            if (codes != null && codes.contains(respondent.location())) {
                continue;
            }
            String stratum = codes == null
                    ? respondent.institution()
                    : respondent.institution() + "\u0000" + respondent.location();
            unknown.computeIfAbsent(stratum, s -> new int[1])[0]++;
            example.putIfAbsent(stratum, respondent.key());
        }
        List<PlanProblem> found = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : unknown.entrySet()) {
            int nul = entry.getKey().indexOf('\u0000');
            int count = entry.getValue()[0];
            String who = String.format(
                    Locale.ROOT,
                    "%d %s (e.g. %s)",
                    count,
                    count == 1 ? "respondent" : "respondents",
                    example.get(entry.getKey()));
            if (nul < 0) {
                String institution = entry.getKey();
                found.add(problem(
                        PlanProblem.Code.UNKNOWN_INSTITUTION,
                        institution,
                        "respondents[institution=" + institution + "]",
                        who + " belong to institution \"" + institution + "\", which has no usable plan (known: "
                                + String.join(", ", plans.keySet()) + ")"));
            } else {
                String institution = entry.getKey().substring(0, nul);
                String location = entry.getKey().substring(nul + 1);
                found.add(problem(
                        PlanProblem.Code.UNKNOWN_LOCATION,
                        institution,
                        "respondents[institution=" + institution + ",location=" + location + "]",
                        who + " have location \"" + location + "\", which is not a location of institution "
                                + institution + " (known: "
                                + String.join(", ", new TreeSet<>(locations.get(institution))) + ")"));
            }
        }
        return List.copyOf(found);
    }

    // ------------------------------------------------------------------------------------ internals

    private static void checkLocations(Institution institution, String path, List<PlanProblem> own) {
        if (institution.locations().isEmpty()) {
            own.add(problem(
                    PlanProblem.Code.NO_LOCATIONS,
                    institution.code(),
                    path + ".locations",
                    "institution " + institution.code()
                            + " has no locations, so none of its students can be allocated"));
        }
        Set<String> codes = new HashSet<>();
        for (int j = 0; j < institution.locations().size(); j++) {
            String code = institution.locations().get(j).code();
            if (code.isBlank()) {
                own.add(problem(
                        PlanProblem.Code.BLANK_CODE,
                        institution.code(),
                        path + ".locations[" + j + "].code",
                        "location " + (j + 1) + " of institution " + institution.code() + " has a blank code"));
            } else if (!codes.add(code)) {
                own.add(problem(
                        PlanProblem.Code.DUPLICATE_LOCATION,
                        institution.code(),
                        path + ".locations[" + j + "].code",
                        "location code \"" + code + "\" appears twice in institution " + institution.code()
                                + "; each location is one stratum"));
            }
        }
    }

    private static void checkModules(Edition edition, Institution institution, String path, List<PlanProblem> own) {
        Rules rules = edition.rules();
        String known = String.join(", ", edition.manifest().modules());
        for (String list : List.of("chosen", "excluded")) {
            List<String> modules = list.equals("chosen") ? institution.chosen() : institution.excluded();
            Set<String> listed = new HashSet<>();
            for (int j = 0; j < modules.size(); j++) {
                String module = modules.get(j);
                String at = path + "." + list + "[" + j + "]";
                if (module.equals(edition.base().id())) {
                    own.add(problem(
                            PlanProblem.Code.BASE_MODULE,
                            institution.code(),
                            at,
                            "\"" + module + "\" is the base module of edition " + edition.id()
                                    + "; every respondent gets it, so it cannot be " + list));
                } else if (!edition.manifest().modules().contains(module)) {
                    own.add(problem(
                            PlanProblem.Code.UNKNOWN_MODULE,
                            institution.code(),
                            at,
                            "unknown module \"" + module + "\" (optional modules of edition " + edition.id() + ": "
                                    + known + ")"));
                } else if (!listed.add(module)) {
                    own.add(problem(
                            PlanProblem.Code.DUPLICATE_MODULE,
                            institution.code(),
                            at,
                            "module \"" + module + "\" appears twice in " + list));
                } else if (list.equals("excluded") && institution.chosen().contains(module)) {
                    own.add(problem(
                            PlanProblem.Code.CHOSEN_AND_EXCLUDED,
                            institution.code(),
                            at,
                            "module \"" + module + "\" is both chosen and excluded; a module is one or the other"));
                }
            }
        }
        if (institution.chosen().size() != rules.chosenPerInstitution()) {
            own.add(problem(
                    PlanProblem.Code.CHOSEN_COUNT,
                    institution.code(),
                    path + ".chosen",
                    String.format(
                            Locale.ROOT,
                            "institution %s chooses %d %s %s; edition %s asks for exactly %d"
                                    + " (chosenPerInstitution)",
                            institution.code(),
                            institution.chosen().size(),
                            institution.chosen().size() == 1 ? "module" : "modules",
                            institution.chosen(),
                            edition.id(),
                            rules.chosenPerInstitution())));
        }
    }

    private static Optional<InstitutionPlan> plan(
            Edition edition, Institution institution, String path, List<PlanProblem> own) {
        Rules rules = edition.rules();
        Map<String, Module> byId = edition.modulesById();
        long budget = rules.maxMinutes() * 60L;
        int fixed = edition.base().seconds();
        for (String module : institution.chosen()) {
            fixed += byId.get(module).seconds();
        }
        if (fixed > budget) {
            own.add(problem(
                    PlanProblem.Code.OVER_BUDGET,
                    institution.code(),
                    path + ".chosen",
                    String.format(
                            Locale.ROOT,
                            "base and chosen modules of institution %s take %s minutes, more than"
                                    + " maxMinutes (%d) of edition %s",
                            institution.code(),
                            minutes(fixed),
                            rules.maxMinutes(),
                            edition.id())));
            return Optional.empty();
        }
        List<String> pool = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        for (Module module : edition.optional()) {
            String id = module.id();
            if (institution.chosen().contains(id) || institution.excluded().contains(id)) {
                continue;
            }
            if (fixed + module.seconds() > budget) {
                tooLong.add(id);
                own.add(problem(
                        PlanProblem.Code.TOO_LONG,
                        institution.code(),
                        path,
                        String.format(
                                Locale.ROOT,
                                "module \"%s\" (%s min) does not fit beside base and chosen modules"
                                        + " (%s min) within maxMinutes (%d), so institution %s never gets it",
                                id,
                                minutes(module.seconds()),
                                minutes(fixed),
                                rules.maxMinutes(),
                                institution.code())));
            } else {
                pool.add(id);
            }
        }
        int k = Math.min(rules.randomPerRespondent(), pool.size());
        if (k < rules.randomPerRespondent()) {
            own.add(problem(
                    PlanProblem.Code.SMALL_POOL,
                    institution.code(),
                    path + ".excluded",
                    String.format(
                            Locale.ROOT,
                            "the random pool of institution %s has %d %s %s, fewer than"
                                    + " randomPerRespondent (%d); each respondent gets the whole pool",
                            institution.code(),
                            pool.size(),
                            pool.size() == 1 ? "module" : "modules",
                            pool,
                            rules.randomPerRespondent())));
        }
        long total = binomial(pool.size(), k);
        if (pool.size() > MAX_POOL || total > MAX_COMBINATIONS) {
            own.add(problem(
                    PlanProblem.Code.TOO_MANY_COMBINATIONS,
                    institution.code(),
                    path,
                    String.format(
                            Locale.ROOT,
                            "the random pool of institution %s has %d modules, so %s combinations of %d;"
                                    + " the allocator deals at most %d combinations from at most %d modules",
                            institution.code(),
                            pool.size(),
                            total == Long.MAX_VALUE ? "too many" : String.valueOf(total),
                            k,
                            MAX_COMBINATIONS,
                            MAX_POOL)));
            return Optional.empty();
        }
        int[] seconds = pool.stream().mapToInt(id -> byId.get(id).seconds()).toArray();
        long room = budget - fixed;
        List<List<String>> allowed = new ArrayList<>();
        int wanted = k;
        for (; k >= 0; k--) {
            allowed.clear();
            if (binomial(pool.size(), k) > MAX_COMBINATIONS) {
                continue; // only when the budget forces fewer modules than asked; far beyond real editions
            }
            for (int[] combination : combinations(pool.size(), k)) {
                long length = 0;
                for (int index : combination) {
                    length += seconds[index];
                }
                if (length <= room) {
                    List<String> modules = new ArrayList<>(k);
                    for (int index : combination) {
                        modules.add(pool.get(index));
                    }
                    allowed.add(List.copyOf(modules));
                }
            }
            if (!allowed.isEmpty()) {
                break;
            }
        }
        if (k < wanted) {
            own.add(problem(
                    PlanProblem.Code.BUDGET_LIMITS,
                    institution.code(),
                    path,
                    String.format(
                            Locale.ROOT,
                            "no %d random modules fit beside base and chosen modules (%s min) within"
                                    + " maxMinutes (%d); respondents of institution %s get %d",
                            wanted,
                            minutes(fixed),
                            rules.maxMinutes(),
                            institution.code(),
                            k)));
        }
        // A module that fits alone but in no allowed combination is never allocated: out of the pool.
        List<String> used = pool.stream()
                .filter(id -> allowed.stream().anyMatch(c -> c.contains(id)))
                .toList();
        for (String id : pool) {
            if (!used.contains(id)) {
                tooLong.add(id);
                own.add(problem(
                        PlanProblem.Code.TOO_LONG,
                        institution.code(),
                        path,
                        String.format(
                                Locale.ROOT,
                                "module \"%s\" (%s min) fits in no combination of %d random modules"
                                        + " within maxMinutes (%d) beside base and chosen modules (%s min), so institution"
                                        + " %s never gets it",
                                id,
                                minutes(byId.get(id).seconds()),
                                k,
                                rules.maxMinutes(),
                                minutes(fixed),
                                institution.code())));
            }
        }
        boolean complete = allowed.size() == binomial(used.size(), k);
        if (!complete) {
            own.add(problem(
                    PlanProblem.Code.BUDGET_LIMITS,
                    institution.code(),
                    path,
                    String.format(
                            Locale.ROOT,
                            "only %d of the %d combinations of %d random modules fit maxMinutes (%d)"
                                    + " beside base and chosen modules of institution %s; module counts are balanced"
                                    + " as well as those combinations allow, not always within one",
                            allowed.size(),
                            binomial(used.size(), k),
                            k,
                            rules.maxMinutes(),
                            institution.code())));
        }
        tooLong.sort(Comparator.comparingInt(edition.manifest().modules()::indexOf));
        return Optional.of(new InstitutionPlan(
                institution.code(),
                edition.base().id(),
                institution.chosen(),
                institution.excluded(),
                used,
                tooLong,
                k,
                allowed,
                complete,
                fixed));
    }

    /** The k-subsets of {0..n-1}, each ascending, in lexicographic order. */
    static List<int[]> combinations(int n, int k) {
        List<int[]> all = new ArrayList<>();
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        if (k > n) {
            return all;
        }
        while (true) {
            all.add(c.clone());
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            c[i]++;
            for (int j = i + 1; j < k; j++) {
                c[j] = c[j - 1] + 1;
            }
        }
    }

    /** n choose k, or {@link Long#MAX_VALUE} when it does not fit a long. */
    static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        k = Math.min(k, n - k);
        long result = 1;
        for (int i = 1; i <= k; i++) {
            long next = result * (n - k + i);
            if (next / (n - k + i) != result) {
                return Long.MAX_VALUE;
            }
            result = next / i;
        }
        return result;
    }

    private static String minutes(long seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }

    private static PlanProblem problem(PlanProblem.Code code, String institution, String path, String message) {
        return new PlanProblem(code.severity(), code, institution, path, message);
    }
}
