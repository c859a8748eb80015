package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.model.Language;
import nl.peiling.stats.simulation.Simulation;
import nl.peiling.stats.simulation.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling simulate}: writes a synthetic survey to try the whole job on. */
@Command(
        name = "simulate",
        description = {
            "Writes a synthetic survey: institutions.json, students.csv, population.csv, allocation.csv and",
            "responses.csv, with realistic answers. The same seed gives the same files."
        })
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EditionOption edition;

    @Option(names = "--institutions", required = true, paramLabel = "K", description = "Number of institutions.")
    int institutions;

    @Option(
            names = "--students",
            required = true,
            paramLabel = "S",
            description = "Number of students in all (the population).")
    int students;

    @Option(
            names = "--seed",
            required = true,
            paramLabel = "X",
            description = "Any text; the same seed gives the same files.")
    String seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The folder to write to (created when missing).")
    Path out;

    @Option(
            names = "--noise",
            paramLabel = "N",
            defaultValue = "0",
            description = "Add N malformed and duplicate response rows (default: ${DEFAULT-VALUE}).")
    int noise;

    @Option(
            names = "--response-rate",
            paramLabel = "R",
            description = "One response rate (0..1) for every institution instead of rates between 0.35 and 0.75.")
    Double responseRate;

    @Override
    public Integer call() throws IOException {
        FileOptions.folder("--out", out);
        FileOptions.students("--students", students);
        Simulator simulator;
        try {
            simulator = Simulator.of(edition.resolve())
                    .withInstitutions(institutions)
                    .withStudents(students)
                    .withSeed(seed)
                    .withNoise(noise);
            if (responseRate != null) {
                simulator = simulator.withResponseRate(responseRate);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        Progress progress = new Progress(spec.commandLine().getErr(), Language.EN);
        progress.step("simulating " + institutions + " institutions and " + students + " students");
        Simulation simulation = simulator.write(out);
        progress.done();
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("files", simulation.files().stream().map(Path::toString).toList());
            json.put("institutions", simulation.institutions());
            json.put("students", simulation.students());
            json.put("respondents", simulation.respondents());
            json.put("noise", simulation.noise());
            Json.print(spec, json);
        } else {
            PrintWriter text = spec.commandLine().getOut();
            text.printf(
                    java.util.Locale.ROOT,
                    "Simulated %s, %s, %s (%d of them noise):%n",
                    Numbers.counted(simulation.institutions(), "institution", "institutions"),
                    Numbers.counted(simulation.students(), "student", "students"),
                    Numbers.counted(simulation.respondents(), "response row", "response rows"),
                    simulation.noise());
            simulation.files().forEach(file -> text.println("  " + file));
            text.flush();
        }
        return Peiling.EXIT_OK;
    }
}
