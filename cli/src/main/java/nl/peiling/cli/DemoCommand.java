package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.cli.report.Names;
import nl.peiling.cli.report.Report;
import nl.peiling.cli.report.Words;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.CountedResponses;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import nl.peiling.stats.simulation.Simulation;
import nl.peiling.stats.simulation.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peiling demo}: the whole job on built-in synthetic data, from the shipped catalog to the
 * reports: simulate a nation, allocate, barometer, aggregate with weights, report.
 */
@Command(
        name = "demo",
        description = {
            "Runs the whole job on synthetic data from the shipped 2027 catalog: simulates 60 institutions",
            "and 200,000 students, allocates modules, computes the barometer, aggregates with weights and",
            "writes the national report and one institution's report."
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "peiling-demo",
            description = "The folder to write to (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--lang",
            paramLabel = "nl|en",
            defaultValue = "nl",
            description = "Language of the reports and the summary (default: ${DEFAULT-VALUE}).")
    Language lang;

    @Option(
            names = "--institutions",
            paramLabel = "K",
            defaultValue = "60",
            description = "Institutions to simulate (default: ${DEFAULT-VALUE}).")
    int institutions;

    @Option(
            names = "--students",
            paramLabel = "S",
            defaultValue = "200000",
            description = "Students to simulate (default: ${DEFAULT-VALUE}).")
    int students;

    @Option(
            names = "--seed",
            paramLabel = "X",
            defaultValue = "peiling-demo",
            description = "Seed of the simulation and the allocation (default: ${DEFAULT-VALUE}).")
    String seed;

    @Override
    public Integer call() throws IOException {
        FileOptions.folder("--out", out);
        FileOptions.students("--students", students);
        Progress progress = new Progress(spec.commandLine().getErr(), lang);
        Words words = Words.in(lang);
        boolean nl = lang == Language.NL;
        Edition edition = Catalog.load().edition("2027");

        progress.step(words.get(
                "progress.simulate",
                words.counted(institutions, nl ? "instelling" : "institution", nl ? "instellingen" : "institutions"),
                words.counted(students, "student", nl ? "studenten" : "students")));
        Simulation simulation;
        try {
            simulation = Simulator.of(edition)
                    .withInstitutions(institutions)
                    .withStudents(students)
                    .withSeed(seed)
                    .write(out);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>(simulation.files());
        Path populationFile = out.resolve("population.csv");
        Path responsesFile = out.resolve("responses.csv");

        progress.step(words.get("progress.barometer"));
        Population population = Population.read(populationFile);
        Barometer barometer = Barometer.of(
                population,
                CountedResponses.read(responsesFile, population, edition).counts());

        progress.step(words.get("progress.aggregate"));
        Map<String, List<String>> known = new LinkedHashMap<>();
        population
                .institutions()
                .forEach(code ->
                        known.put(code, List.copyOf(population.locations(code).keySet())));
        Aggregation aggregation = Aggregator.of(ResponseReader.of(edition).withKnownLocations(known))
                .withPopulation(population)
                .aggregate(responsesFile);
        Results results = aggregation.results();
        Path resultsFile = out.resolve("results.json");
        Path csvFile = out.resolve("results.csv");
        Path rejectsFile = out.resolve("rejects.csv");
        ResultsFiles.writeJsonAndCsv(results, resultsFile, csvFile);
        ResultsFiles.writeRejects(aggregation.rejects(), rejectsFile);
        files.addAll(List.of(resultsFile, csvFile, rejectsFile));

        progress.step(words.get("progress.reports"));
        Names names = Names.of(Institutions.read(out.resolve("institutions.json")));
        String institution = barometer.institutions().stream()
                .max(Comparator.comparingLong(BarometerRow::responses))
                .map(BarometerRow::institution)
                .orElseThrow();
        Report report = Report.of(results, edition).withLanguage(lang).withNames(names);
        Path nationalReport = out.resolve("report-national.html");
        Path institutionReport = out.resolve("report-" + institution + ".html");
        ReportCommand.write(report.html(), nationalReport);
        ReportCommand.write(report.withInstitution(institution).html(), institutionReport);
        files.addAll(List.of(nationalReport, institutionReport));
        progress.done();

        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("files", files.stream().map(Path::toString).toList());
            json.put("institutions", simulation.institutions());
            json.put("students", simulation.students());
            json.put("input", results.input());
            json.put("institution", institution);
            Json.print(spec, json);
        } else {
            headlines(
                    edition,
                    files,
                    simulation,
                    results,
                    institution,
                    names,
                    barometer,
                    spec.commandLine().getOut());
        }
        return Peiling.EXIT_OK;
    }

    private void headlines(
            Edition edition,
            List<Path> files,
            Simulation simulation,
            Results results,
            String institution,
            Names names,
            Barometer barometer,
            PrintWriter text) {
        boolean nl = lang == Language.NL;
        Words words = Words.in(lang);
        text.println(nl ? "Geschreven:" : "Written:");
        files.forEach(file -> text.println("  " + file));
        Results.Input input = results.input();
        text.printf(
                nl
                        ? "%n%s, %s, %s respons: %s gebruikt, %s afgewezen (zie rejects.csv)%n"
                        : "%n%s, %s, %s: %s used, %s rejected (see rejects.csv)%n",
                words.counted(
                        simulation.institutions(),
                        nl ? "instelling" : "institution",
                        nl ? "instellingen" : "institutions"),
                words.counted(simulation.students(), nl ? "student" : "student", nl ? "studenten" : "students"),
                words.counted(input.rows(), nl ? "rij" : "response row", nl ? "rijen" : "response rows"),
                words.count(input.accepted()),
                words.count(input.rejected()));
        long reached =
                barometer.institutions().stream().filter(BarometerRow::reached).count();
        int all = barometer.institutions().size();
        text.printf(
                nl
                        ? "Responsbarometer: %s van %s %s de vereiste netto respons%n"
                        : "Response barometer: %s of %s reached the required net response%n",
                words.count(reached),
                words.counted(all, nl ? "instelling" : "institution", nl ? "instellingen" : "institutions"),
                nl ? (reached == 1 ? "heeft" : "hebben") : "");
        List<ClusterFigures> clusters = results.national().clusters().stream()
                .filter(c -> !c.suppressed())
                .toList();
        ClusterFigures best = clusters.stream()
                .max(Comparator.comparingDouble(ClusterFigures::mean))
                .orElseThrow();
        ClusterFigures worst = clusters.stream()
                .min(Comparator.comparingDouble(ClusterFigures::mean))
                .orElseThrow();
        text.printf(
                nl
                        ? "Landelijk hoogste thema: %s (%s), laagste: %s (%s) op 1 tot 5%n"
                        : "Highest theme nationally: %s (%s), lowest: %s (%s) on 1 to 5%n",
                title(edition, best),
                words.decimal(best.mean(), 2),
                title(edition, worst),
                words.decimal(worst.mean(), 2));
        long higher = results.benchmarks().stream()
                .filter(b -> b.institution().equals(institution)
                        && b.kind().equals("cluster")
                        && Boolean.TRUE.equals(b.significant())
                        && b.difference() > 0)
                .count();
        long lower = results.benchmarks().stream()
                .filter(b -> b.institution().equals(institution)
                        && b.kind().equals("cluster")
                        && Boolean.TRUE.equals(b.significant())
                        && b.difference() < 0)
                .count();
        text.printf(
                nl
                        ? "%s (%s): %s significant hoger en %s lager dan de rest van het land%n"
                        : "%s (%s): %s significantly higher and %s lower than the rest of the nation%n",
                names.institution(institution),
                institution,
                words.counted(higher, nl ? "thema" : "theme", nl ? "thema's" : "themes"),
                words.count(lower));
        text.println(nl ? "Open de rapporten in een browser." : "Open the reports in a browser.");
        text.flush();
    }

    /** A count and its noun, singular for exactly one, with the language's thousands separator. */
    private String title(Edition edition, ClusterFigures cluster) {
        return edition.clusters().stream()
                .filter(c -> c.id().equals(cluster.id()))
                .map(c -> c.title().in(lang.code()))
                .findFirst()
                .orElse(cluster.id());
    }
}
