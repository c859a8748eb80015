package nl.peiling.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.allocation.PlanException;
import nl.peiling.stats.sampling.Planner;
import nl.peiling.stats.sampling.Population;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling plan}: expected respondents per module against the required net, and the smallest k that suffices. */
@Command(
        name = "plan",
        description = {
            "Allocation planner: per module, per institution and nationally, the expected respondents",
            "(students × response rate × share of respondents that get the module) against the required net size",
            "of the module's population, and the smallest randomPerRespondent that makes every optional module",
            "sufficient nationally within maxMinutes.",
            "Exit 0 when planned, 2 on a bad rate, an unreadable file or plan errors."
        })
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EditionOption edition;

    @Option(
            names = "--institutions",
            paramLabel = "F",
            required = true,
            description = "institutions.json: each institution's chosen and excluded modules.")
    Path institutions;

    @Option(
            names = "--population",
            paramLabel = "F",
            required = true,
            description = "population.csv: institution,location,level,pathway,population.")
    Path population;

    @Option(
            names = "--response-rate",
            paramLabel = "R",
            required = true,
            description = "The expected response rate, in (0, 1], e.g. 0.35.")
    double responseRate;

    @Mixin
    SampleSizeOptions parameters;

    @Override
    public Integer call() {
        Planner planner;
        Planner.Plan plan;
        planner = Planner.of(edition.resolve(), Institutions.read(institutions), Population.read(population))
                .withSampleSize(parameters.sampleSize());
        try {
            planner = planner.withResponseRate(responseRate);
        } catch (IllegalArgumentException e) {
            throw new InputException("--response-rate: " + e.getMessage(), e);
        }
        try {
            plan = planner.plan();
        } catch (PlanException e) {
            return PlanErrors.print(spec, common.json(), e, institutions);
        }
        if (common.json()) {
            Json.print(spec, json(plan));
        } else {
            text(plan);
        }
        return Peiling.EXIT_OK;
    }

    private static Map<String, Object> json(Planner.Plan plan) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", plan.edition());
        json.put("responseRate", plan.responseRate());
        json.put("randomPerRespondent", plan.randomPerRespondent());
        json.put("modules", rows(plan.modules()));
        List<Map<String, Object>> institutions = new ArrayList<>();
        for (Planner.InstitutionModules institution : plan.institutions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("institution", institution.institution());
            entry.put("population", institution.population());
            entry.put("modules", rows(institution.modules()));
            institutions.add(entry);
        }
        json.put("institutions", institutions);
        json.put(
                "smallestRandomPerRespondent",
                plan.smallestRandomPerRespondent().isPresent()
                        ? plan.smallestRandomPerRespondent().getAsInt()
                        : null);
        json.put("reason", plan.reason());
        return json;
    }

    private static List<Map<String, Object>> rows(List<Planner.ModulePlan> modules) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Planner.ModulePlan module : modules) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("module", module.module());
            row.put("population", module.population());
            row.put("expected", Math.round(module.expected() * 10) / 10.0);
            row.put("required", module.required());
            row.put("sufficient", module.sufficient());
            rows.add(row);
        }
        return rows;
    }

    private void text(Planner.Plan plan) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "Edition %s, response rate %s, %d random modules per respondent%n%n",
                plan.edition(),
                Numbers.show(plan.responseRate()),
                plan.randomPerRespondent());
        TextTable national = TextTable.of("module", ">population", ">expected", ">required", "sufficient");
        for (Planner.ModulePlan module : plan.modules()) {
            national.row(
                    module.module(),
                    module.population(),
                    Numbers.fixed(module.expected(), 1),
                    module.required(),
                    module.sufficient() ? "yes" : "NO");
        }
        out.println("National");
        out.print(national);
        TextTable short_ = TextTable.of("institution", "module", ">population", ">expected", ">required");
        int count = 0;
        for (Planner.InstitutionModules institution : plan.institutions()) {
            for (Planner.ModulePlan module : institution.modules()) {
                if (!module.sufficient()) {
                    short_.row(
                            institution.institution(),
                            module.module(),
                            module.population(),
                            Numbers.fixed(module.expected(), 1),
                            module.required());
                    count++;
                }
            }
        }
        out.printf(
                Locale.ROOT,
                "%nInstitutions: %d of %d module rows short of their required net%s%n",
                count,
                plan.institutions().stream().mapToInt(i -> i.modules().size()).sum(),
                count == 0 ? "" : " (--json lists every row)");
        if (count > 0) {
            out.print(short_);
        }
        out.printf(
                Locale.ROOT,
                "%nSmallest randomPerRespondent: %s%n%s%n",
                plan.smallestRandomPerRespondent().isPresent()
                        ? String.valueOf(plan.smallestRandomPerRespondent().getAsInt())
                        : "none",
                plan.reason());
        out.flush();
    }
}
