package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.allocation.AllocationFiles;
import nl.peiling.core.allocation.AllocationMode;
import nl.peiling.core.allocation.Allocations;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.allocation.PlanException;
import nl.peiling.core.allocation.PlanProblem;
import nl.peiling.core.allocation.Respondent;
import nl.peiling.core.allocation.StratumSummary;
import nl.peiling.core.model.Edition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling allocate}: allocates the random modules to the students and writes {@code allocation.csv}. */
@Command(
        name = "allocate",
        description = {
            "Allocates modules: every student gets the base module, the institution's chosen",
            "modules and random modules from the rest, never an excluded one, within the length budget.",
            "batch (default): balanced per institution x location, module counts within one of each other.",
            "stateless: each student on their own, as a web service would, a pure function of seed, key and institution.",
            "Writes allocation.csv (respondent,institution,location,modules) atomically and prints the audit per stratum.",
            "Exit 0 when written, 1 when an institution plan has errors, 2 on unreadable or bad input (with its line)."
        })
final class AllocateCommand implements Callable<Integer> {

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
            description = "institutions.json: code, name, shortName, chosen, excluded, locations per institution.")
    Path institutions;

    @Option(
            names = "--students",
            paramLabel = "F",
            required = true,
            description = "students.csv: respondent,institution,location (respondent is a pseudonym).")
    Path students;

    @ArgGroup(multiplicity = "1")
    Seed seed;

    static final class Seed {
        @Option(
                names = "--seed",
                paramLabel = "X",
                description = "The secret seed, any text; the same seed gives the same allocation.")
        String text;

        @Option(
                names = "--seed-file",
                paramLabel = "F",
                description = "A file whose first line is the seed, to keep it out of the shell history.")
        Path file;
    }

    @Option(names = "--out", paramLabel = "F", required = true, description = "allocation.csv to write.")
    Path out;

    @Option(
            names = "--mode",
            paramLabel = "batch|stateless",
            defaultValue = "batch",
            description = "batch (balanced, the population is known) or stateless (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Threads for batch allocation (default: the number of processors); the result is the same.")
    Integer threads;

    @Override
    public Integer call() {
        AllocationMode allocationMode = AllocationMode.fromKey(mode.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InputException("--mode \"" + mode + "\" must be batch or stateless"));
        if (threads != null && threads < 1) {
            throw new InputException("--threads (" + threads + ") must be at least 1");
        }
        String secret = seed();
        Edition definition = edition.resolve();
        List<Institution> plans = Institutions.read(institutions);
        Allocator allocator;
        try {
            allocator = Allocator.of(definition, plans, secret);
        } catch (PlanException e) {
            return PlanErrors.print(spec, common.json(), e, institutions);
        }
        if (threads != null) {
            allocator = allocator.withThreads(threads);
        }
        List<Respondent> respondents = AllocationFiles.readStudents(students, plans);
        Allocations result = allocator.allocate(respondents, allocationMode);
        try {
            AllocationFiles.writeAllocation(out, result);
        } catch (IOException e) {
            throw new InputException(
                    "cannot write " + out + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        }
        if (common.json()) {
            Json.print(spec, json(definition, allocationMode, result, allocator.warnings()));
        } else {
            text(definition, allocationMode, result, allocator.warnings());
        }
        return Peiling.EXIT_OK;
    }

    private String seed() {
        String text = seed.text;
        if (seed.file != null) {
            try {
                List<String> lines = Files.readAllLines(seed.file, StandardCharsets.UTF_8);
                text = lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw new InputException(
                        "cannot read the seed file " + seed.file + ": "
                                + e.getClass().getSimpleName(),
                        e);
            }
        }
        if (text.isEmpty()) {
            throw new InputException((seed.file != null
                            ? "the seed file " + seed.file + " starts with an empty line"
                            : "--seed is empty")
                    + "; the seed must be a non-empty secret text");
        }
        return text;
    }

    private Map<String, Object> json(
            Edition definition, AllocationMode allocationMode, Allocations result, List<PlanProblem> warnings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edition", definition.id());
        json.put("mode", allocationMode.key());
        json.put("respondents", result.size());
        json.put("out", out.toString());
        json.put("warnings", PlanErrors.problems(warnings));
        List<Map<String, Object>> strata = new ArrayList<>();
        for (StratumSummary stratum : result.strata()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("institution", stratum.institution());
            entry.put("location", stratum.location());
            entry.put("respondents", stratum.respondents());
            entry.put("counts", stratum.counts());
            entry.put("expected", stratum.expected());
            Map<String, String> roles = new LinkedHashMap<>();
            stratum.modules().forEach(m -> roles.put(m.module(), m.role().key()));
            entry.put("roles", roles);
            entry.put("spread", stratum.spread());
            entry.put("pairSpread", stratum.pairSpread());
            strata.add(entry);
        }
        json.put("strata", strata);
        return json;
    }

    private void text(
            Edition definition, AllocationMode allocationMode, Allocations result, List<PlanProblem> warnings) {
        PrintWriter text = spec.commandLine().getOut();
        warnings.forEach(text::println);
        boolean first = warnings.isEmpty();
        for (StratumSummary stratum : result.strata()) {
            if (!first) {
                text.println();
            }
            first = false;
            text.printf(
                    Locale.ROOT,
                    "%s / %s: %d respondents, spread %d, pair spread %d%n",
                    stratum.institution(),
                    stratum.location(),
                    stratum.respondents(),
                    stratum.spread(),
                    stratum.pairSpread());
            TextTable table = TextTable.of("module", "role", ">expected", ">actual");
            for (StratumSummary.ModuleCount m : stratum.modules()) {
                table.row(m.module(), m.role().key(), Numbers.fixed(m.expected(), 2), m.actual());
            }
            text.print(table);
        }
        text.printf(
                Locale.ROOT,
                "%nallocated %d respondents in %d strata (%s, edition %s) to %s%n",
                result.size(),
                result.strata().size(),
                allocationMode.key(),
                definition.id(),
                out);
        text.flush();
    }
}
