package nl.peiling.stats.sampling;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.InstitutionPlan;
import nl.peiling.core.allocation.ModuleRole;
import nl.peiling.core.allocation.PlanCheck;
import nl.peiling.core.allocation.PlanException;
import nl.peiling.core.allocation.PlanProblem;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Rules;

/**
 * The allocation planner: for an edition, the institution plans, the population and an expected response rate,
 * the expected respondents of every module per institution and nationally against the net sample size each
 * needs, and the smallest {@code randomPerRespondent} that makes every optional module sufficient nationally.
 *
 * <p>Definitions, with N_i the students of institution i (from the population), r the response rate and
 * share_i,m the share of i's respondents that get module m ({@link InstitutionPlan#share(String)}: 1 for base and
 * chosen modules, for a pool module the fraction of allowed combinations that hold it, else 0):
 *
 * <ul>
 *   <li>per institution i and module m: the module's population is N_i,m = N_i × share_i,m rounded half up to a
 *       whole student (computed exactly from the integer fraction of combinations); expected_i,m = N_i × r ×
 *       share_i,m; required_i,m = net(N_i,m) ({@link SampleSize#net(long)}); sufficient when N_i,m ≥ 1 and
 *       expected_i,m ≥ required_i,m. Institution rows list only the modules the institution's respondents can
 *       get (share &gt; 0).
 *   <li>nationally per module m: expected_m = Σ_i expected_i,m; required_m = net(Σ_i N_i,m); sufficient likewise.
 *       A module no student can get has population 0 and required 0 and is not sufficient: nobody measures it.
 *   <li>the smallest randomPerRespondent: for k = 0, 1, 2, … up to the number of optional modules minus
 *       {@code chosenPerInstitution}, the plans are checked ({@link PlanCheck}) on a copy of the edition with
 *       k random modules. k fits {@code maxMinutes} when no plan has an error, a {@code budget-limits} or (for
 *       k &gt; 0) a {@code too-long} problem: every respondent then gets k random modules (or the whole pool when smaller)
 *       and every pool module can be drawn. k is feasible when it fits and every optional module is sufficient
 *       nationally. The smallest feasible k is reported, or none with the reason.
 * </ul>
 *
 * <p>The rows of {@link Plan#modules()} and {@link Plan#institutions()} are for the edition's own
 * {@code randomPerRespondent}. Instances are immutable and thread-safe:
 *
 * <pre>{@code
 * Planner.Plan plan = Planner.of(edition, Institutions.read(plans), Population.read(population))
 *         .withResponseRate(0.5)
 *         .plan();
 * plan.smallestRandomPerRespondent(); // OptionalInt[2]
 * }</pre>
 */
public final class Planner {

    /** One module's expected respondents against its required net size. */
    public record ModulePlan(String module, long population, double expected, long required, boolean sufficient) {

        public ModulePlan {
            requireNonNull(module, "module");
            if (population < 0 || required < 0 || !(expected >= 0)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "module %s: population (%d), expected (%s) and required (%d) must be at least 0",
                        module,
                        population,
                        expected,
                        required));
            }
        }
    }

    /** The module rows of one institution, with its population N_i. */
    public record InstitutionModules(String institution, long population, List<ModulePlan> modules) {

        public InstitutionModules {
            requireNonNull(institution, "institution");
            modules = List.copyOf(modules);
        }
    }

    /**
     * The plan: national and per-institution rows at the edition's own {@code randomPerRespondent}, and the
     * smallest randomPerRespondent that makes every optional module sufficient nationally.
     *
     * @param edition the edition id
     * @param responseRate the expected response rate, in (0, 1]
     * @param randomPerRespondent the edition's randomPerRespondent, for which the rows are
     * @param modules the national rows, base first then the optional modules in the edition's order
     * @param institutions the rows per institution, in the order of the institution plans
     * @param smallestRandomPerRespondent the smallest feasible k, or empty when none is
     * @param reason why that k, or why none
     */
    public record Plan(
            String edition,
            double responseRate,
            int randomPerRespondent,
            List<ModulePlan> modules,
            List<InstitutionModules> institutions,
            OptionalInt smallestRandomPerRespondent,
            String reason) {

        public Plan {
            requireNonNull(edition, "edition");
            modules = List.copyOf(modules);
            institutions = List.copyOf(institutions);
            requireNonNull(smallestRandomPerRespondent, "smallestRandomPerRespondent");
            requireNonNull(reason, "reason");
        }

        /** The national row of a module, if the edition has it. */
        public Optional<ModulePlan> module(String module) {
            return modules.stream().filter(m -> m.module().equals(module)).findFirst();
        }

        /** The rows of an institution, if it has a plan. */
        public Optional<InstitutionModules> institution(String institution) {
            return institutions.stream()
                    .filter(i -> i.institution().equals(institution))
                    .findFirst();
        }
    }

    private final Edition edition;
    private final List<Institution> institutions;
    private final Population population;
    private final double responseRate;
    private final SampleSize sampleSize;

    private Planner(
            Edition edition,
            List<Institution> institutions,
            Population population,
            double responseRate,
            SampleSize sampleSize) {
        this.edition = edition;
        this.institutions = institutions;
        this.population = population;
        this.responseRate = responseRate;
        this.sampleSize = sampleSize;
    }

    /**
     * A planner for these plans and population with JOB's standard sample size; set the response rate with
     * {@link #withResponseRate(double)} before {@link #plan()}.
     */
    public static Planner of(Edition edition, List<Institution> institutions, Population population) {
        requireNonNull(edition, "edition");
        requireNonNull(institutions, "institutions");
        requireNonNull(population, "population");
        return new Planner(edition, List.copyOf(institutions), population, Double.NaN, SampleSize.standard());
    }

    /**
     * A copy with this expected response rate.
     *
     * @throws IllegalArgumentException if the rate is not in (0, 1]
     */
    public Planner withResponseRate(double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "response rate (%s) must be in (0, 1]: the expected fraction of the students that respond,"
                            + " e.g. 0.35",
                    rate));
        }
        return new Planner(edition, institutions, population, rate, sampleSize);
    }

    /** A copy with these sample size parameters for the required net. */
    public Planner withSampleSize(SampleSize size) {
        return new Planner(edition, institutions, population, responseRate, requireNonNull(size, "size"));
    }

    /** The response rate, or NaN when none is set. */
    public double responseRate() {
        return responseRate;
    }

    /** The sample size parameters. */
    public SampleSize sampleSize() {
        return sampleSize;
    }

    /**
     * Works out the plan.
     *
     * @throws IllegalStateException when no response rate is set
     * @throws PlanException when an institution plan has errors at the edition's own rules
     * @throws PlannerException when the plans and the population do not name the same institutions
     */
    public Plan plan() {
        if (Double.isNaN(responseRate)) {
            throw new IllegalStateException("no response rate: set one in (0, 1] with withResponseRate(rate)");
        }
        checkInstitutions();
        PlanCheck own = PlanCheck.of(edition, institutions);
        if (!own.isValid()) {
            throw new PlanException(own.problems());
        }
        Rows rows = rows(own);
        Rules rules = edition.rules();
        int most = Math.max(0, edition.optional().size() - rules.chosenPerInstitution());
        List<String> outcomes = new ArrayList<>();
        Integer found = null;
        int lastFitting = -1;
        String lastShortfall = null;
        for (int k = 0; k <= most; k++) {
            PlanCheck check = PlanCheck.of(withRandom(k), institutions);
            int fk = k;
            Optional<PlanProblem> breach = check.problems().stream()
                    .filter(p -> p.isError()
                            || p.code() == PlanProblem.Code.BUDGET_LIMITS
                            // With k = 0 no pool module is ever drawn, so too-long says nothing about the budget.
                            || p.code() == PlanProblem.Code.TOO_LONG && fk > 0)
                    .findFirst();
            if (breach.isPresent()) {
                String text = String.format(
                        Locale.ROOT,
                        "k = %d does not fit maxMinutes (%d): %s",
                        k,
                        rules.maxMinutes(),
                        breach.get().message());
                outcomes.add(text);
                continue;
            }
            Optional<String> shortfall = shortfall(rows(check).national());
            if (shortfall.isEmpty()) {
                found = k;
                break;
            }
            lastFitting = k;
            lastShortfall = shortfall.get();
            outcomes.add(String.format(Locale.ROOT, "with k = %d %s", k, lastShortfall));
        }
        String reason = reason(found, outcomes, lastFitting, lastShortfall, most);
        return new Plan(
                edition.id(),
                responseRate,
                rules.randomPerRespondent(),
                rows.national(),
                rows.institutions(),
                found == null ? OptionalInt.empty() : OptionalInt.of(found),
                reason);
    }

    // ------------------------------------------------------------------------------------ internals

    private record Rows(List<ModulePlan> national, List<InstitutionModules> institutions) {}

    private void checkInstitutions() {
        Set<String> planned = new LinkedHashSet<>();
        institutions.forEach(i -> planned.add(i.code()));
        List<String> unplanned = population.institutions().stream()
                .filter(code -> !planned.contains(code))
                .toList();
        if (!unplanned.isEmpty()) {
            throw new PlannerException("institutions " + unplanned + " of the population have no plan in the"
                    + " institution plans; every institution with students needs one (planned: " + planned + ")");
        }
        List<String> unknown =
                planned.stream().filter(code -> !population.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new PlannerException("institutions " + unknown + " of the institution plans are not in the"
                    + " population; every planned institution needs its number of students (in the population: "
                    + population.institutions() + ")");
        }
    }

    private Edition withRandom(int k) {
        EditionManifest m = edition.manifest();
        Rules rules = m.rules();
        return new Edition(
                new EditionManifest(
                        m.edition(),
                        m.previous(),
                        m.base(),
                        m.modules(),
                        new Rules(rules.chosenPerInstitution(), k, rules.maxMinutes())),
                edition.base(),
                edition.optional());
    }

    private Rows rows(PlanCheck check) {
        List<String> modules = edition.modules().stream().map(Module::id).toList();
        long[] nationalPopulation = new long[modules.size()];
        double[] nationalExpected = new double[modules.size()];
        List<InstitutionModules> perInstitution = new ArrayList<>();
        for (InstitutionPlan plan : check.plans()) {
            long students = population.of(plan.institution());
            List<ModulePlan> own = new ArrayList<>();
            for (int j = 0; j < modules.size(); j++) {
                String module = modules.get(j);
                long[] share = share(plan, module);
                if (share[0] == 0) {
                    continue;
                }
                // N × a/b rounded half up, exactly: floor((2·N·a + b) / (2·b)).
                long modulePopulation =
                        Math.addExact(Math.multiplyExact(2 * students, share[0]), share[1]) / (2 * share[1]);
                double expected = students * responseRate * share[0] / share[1];
                nationalPopulation[j] += modulePopulation;
                nationalExpected[j] += expected;
                own.add(row(module, modulePopulation, expected));
            }
            perInstitution.add(new InstitutionModules(plan.institution(), students, own));
        }
        List<ModulePlan> national = new ArrayList<>();
        for (int j = 0; j < modules.size(); j++) {
            national.add(row(modules.get(j), nationalPopulation[j], nationalExpected[j]));
        }
        return new Rows(national, perInstitution);
    }

    private ModulePlan row(String module, long modulePopulation, double expected) {
        long required = modulePopulation < 1 ? 0 : sampleSize.net(modulePopulation);
        return new ModulePlan(
                module, modulePopulation, expected, required, modulePopulation >= 1 && expected >= required);
    }

    /** The share as an exact fraction {numerator, denominator}. */
    private static long[] share(InstitutionPlan plan, String module) {
        ModuleRole role = plan.role(module).orElse(null);
        if (role == ModuleRole.BASE || role == ModuleRole.CHOSEN) {
            return new long[] {1, 1};
        }
        if (role != ModuleRole.RANDOM) {
            return new long[] {0, 1};
        }
        long holding =
                plan.combinations().stream().filter(c -> c.contains(module)).count();
        return new long[] {holding, plan.combinations().size()};
    }

    /** The optional module furthest from its required net nationally, described; empty when all suffice. */
    private Optional<String> shortfall(List<ModulePlan> national) {
        Set<String> optional = new LinkedHashSet<>(edition.manifest().modules());
        return national.stream()
                .filter(m -> optional.contains(m.module()) && !m.sufficient())
                .min((a, b) -> Double.compare(ratio(a), ratio(b)))
                .map(m -> m.population() < 1
                        ? String.format(Locale.ROOT, "module %s reaches no student", m.module())
                        : String.format(
                                Locale.ROOT,
                                "module %s has expected %.1f < required %d nationally",
                                m.module(),
                                m.expected(),
                                m.required()));
    }

    private static double ratio(ModulePlan m) {
        return m.required() == 0 ? 0 : m.expected() / m.required();
    }

    private String reason(Integer found, List<String> outcomes, int lastFitting, String lastShortfall, int most) {
        int max = edition.rules().maxMinutes();
        if (found != null) {
            String text = String.format(
                    Locale.ROOT,
                    "k = %d is the smallest randomPerRespondent that fits maxMinutes (%d) and gives every optional"
                            + " module its required net nationally",
                    found,
                    max);
            return outcomes.isEmpty() ? text : text + "; " + outcomes.get(outcomes.size() - 1);
        }
        if (lastFitting < 0) {
            return String.format(
                    Locale.ROOT,
                    "none: no k from 0 to %d fits maxMinutes (%d); %s",
                    most,
                    max,
                    outcomes.isEmpty() ? "there is no k to try" : outcomes.get(0));
        }
        // One outcome per k tried, so outcomes.get(k) is about k; every k above lastFitting breaks the budget.
        String text = String.format(Locale.ROOT, "none: with k = %d %s", lastFitting, lastShortfall);
        if (lastFitting < most) {
            text += "; " + outcomes.get(lastFitting + 1);
        }
        return text;
    }
}
