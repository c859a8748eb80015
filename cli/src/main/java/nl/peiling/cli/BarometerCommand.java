package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.model.Edition;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.CountedResponses;
import nl.peiling.stats.sampling.ModuleRow;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.sampling.SampleSize;
import nl.peiling.stats.scores.ResultsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling barometer}: responses per institution, location and module against the required net size. */
@Command(
        name = "barometer",
        description = {
            "Response barometer: per institution and location (and per module when the responses have a modules",
            "column) the responses so far against the required net sample size of the population.",
            "A module's population is the institution's population times the share of its respondents allocated",
            "the module. The rows are read as aggregate reads them: a bad row is rejected, not the file, and of a",
            "double login only the row aggregate keeps counts."
        })
final class BarometerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--population",
            paramLabel = "F",
            required = true,
            description = "population.csv: institution,location,level,pathway,population.")
    Path population;

    @Option(
            names = "--responses",
            paramLabel = "F",
            required = true,
            description = "responses.csv: every row is checked against the edition, as aggregate checks it.")
    Path responses;

    @Option(
            names = "--edition",
            paramLabel = "E",
            description = "A shipped edition id or a definition folder (default: the newest shipped edition).")
    String edition;

    @Option(
            names = "--rejects",
            paramLabel = "F",
            description = "Writes the rejected rows (line,respondent,reason,column,value), as aggregate does.")
    Path rejects;

    @Option(
            names = "--by",
            paramLabel = "institution|location",
            defaultValue = "location",
            description = "Rows per institution, or per location with institution totals (default: ${DEFAULT-VALUE}).")
    Barometer.By by;

    @Mixin
    SampleSizeOptions parameters;

    @Override
    public Integer call() {
        FileOptions.file("--rejects", rejects);
        SampleSize size = parameters.sampleSize();
        String id = edition != null
                ? edition
                : Editions.catalog()
                        .latest()
                        .orElseThrow(() -> new InputException("no edition is shipped on the class path"));
        Edition chosen = Editions.resolve(id);
        Barometer barometer;
        CountedResponses counted;
        Population students = Population.read(population);
        counted = CountedResponses.read(responses, students, chosen);
        barometer = Barometer.of(students, counted.counts(), size);
        if (rejects != null) {
            try {
                ResultsFiles.writeRejects(counted.rejectsFile(), rejects);
            } catch (IOException e) {
                throw new InputException("--rejects " + rejects + ": cannot be written: " + e.getMessage(), e);
            }
        }
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("rows", counted.rows());
            input.put("accepted", counted.accepted());
            input.put("rejected", counted.rejected());
            json.put("input", input);
            json.putAll(json(barometer));
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "%s read, %d counted, %d rejected%s%n%n",
                    Numbers.counted(counted.rows(), "row", "rows"),
                    counted.accepted(),
                    counted.rejected(),
                    counted.rejected() == 0
                            ? ""
                            : rejects == null ? " (write them with --rejects FILE)" : " (in " + rejects + ")");
            out.print(barometer.summary(by));
            out.printf(
                    Locale.ROOT,
                    "%nnet at %d %% confidence, margin %s points, proportion %s %%; gross = net + %s %%%n",
                    size.confidence(),
                    Numbers.show(size.margin()),
                    Numbers.show(size.proportion()),
                    Numbers.show(size.extra()));
            out.flush();
        }
        return Peiling.EXIT_OK;
    }

    private Map<String, Object> json(Barometer barometer) {
        SampleSize size = barometer.sampleSize();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("by", by.key());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BarometerRow row : barometer.rows(by)) {
            rows.add(row.asMap());
        }
        json.put("rows", rows);
        List<Map<String, Object>> modules = new ArrayList<>();
        for (ModuleRow row : barometer.modules()) {
            modules.add(row.asMap());
        }
        json.put("modules", modules);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("confidence", size.confidence());
        parameters.put("z", size.z());
        parameters.put("margin", size.margin());
        parameters.put("proportion", size.proportion());
        parameters.put("extra", size.extra());
        json.put("parameters", parameters);
        return json;
    }
}
