package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.stats.responses.Reject;
import nl.peiling.stats.responses.RejectReason;
import nl.peiling.stats.responses.ResponseReader;
import nl.peiling.stats.sampling.Population;
import nl.peiling.stats.scores.Aggregation;
import nl.peiling.stats.scores.Aggregator;
import nl.peiling.stats.scores.Dimension;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.Grouping;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling aggregate}: item and cluster figures per group, benchmarks, rejects. */
@Command(
        name = "aggregate",
        description = {
            "Reads responses.csv against an edition and computes item and cluster figures per group, with",
            "benchmarks of each institution against the nation. Rows that fail go to the rejects file."
        })
final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EditionOption edition;

    @Option(names = "--responses", required = true, paramLabel = "F", description = "The responses.csv to read.")
    Path responses;

    @Option(
            names = "--population",
            paramLabel = "F",
            description =
                    "population.csv: weight by institution × level × pathway, and reject unknown institutions and locations.")
    Path population;

    @Option(
            names = "--institutions",
            paramLabel = "F",
            description = "institutions.json: reject institutions and locations it does not list.")
    Path institutions;

    @Option(
            names = "--by",
            paramLabel = "G",
            defaultValue = "institution,location",
            description =
                    "Groupings, comma-separated; dimensions within one joined by + (institution, location, level, pathway). Default: ${DEFAULT-VALUE}.")
    String by;

    @Option(
            names = "--min-n",
            paramLabel = "N",
            defaultValue = "10",
            description = "Suppress figures of groups with fewer respondents (default: ${DEFAULT-VALUE}).")
    int minN;

    @Option(
            names = "--case-mix",
            paramLabel = "F",
            defaultValue = "level,pathway",
            description =
                    "What the benchmarks' case-mix comparison adjusts for, comma-separated: level, pathway or both (default: ${DEFAULT-VALUE}).")
    String caseMix;

    @Option(
            names = "--min-response-rate",
            paramLabel = "R",
            description =
                    "Publication rule: withhold the figures of groups whose response rate (respondents / population) is below R, 0 < R <= 1, e.g. 0.5; needs --population.")
    Double minResponseRate;

    @Option(names = "--out", paramLabel = "F", description = "Write the results JSON to this file.")
    Path out;

    @Option(
            names = "--csv",
            paramLabel = "F",
            description = "Write the results as a tidy CSV (one row per group and figure).")
    Path csv;

    @Option(
            names = "--rejects",
            paramLabel = "F",
            description = "Write the rejected rows (line,respondent,reason,column,value).")
    Path rejects;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        FileOptions.file("--out", out);
        FileOptions.file("--csv", csv);
        FileOptions.file("--rejects", rejects);
        Edition chosen = edition.resolve();
        Map<String, List<String>> known = new LinkedHashMap<>();
        Population read = population == null ? null : Population.read(population);
        if (read != null) {
            read.institutions()
                    .forEach(code ->
                            known.put(code, List.copyOf(read.locations(code).keySet())));
        }
        if (institutions != null) {
            Map<String, List<String>> listed = new LinkedHashMap<>();
            for (Institution institution : readInstitutions(institutions)) {
                listed.put(institution.code(), institution.locationCodes());
            }
            if (known.isEmpty()) {
                known.putAll(listed);
            } else {
                known.keySet().retainAll(listed.keySet());
            }
        }
        Aggregator aggregator;
        try {
            ResponseReader reader = ResponseReader.of(chosen);
            if (threads != null) {
                reader = reader.withThreads(threads);
            }
            if (population != null || institutions != null) {
                reader = reader.withKnownLocations(known);
            }
            aggregator = Aggregator.of(reader)
                    .withMinN(minN)
                    .withGroupings(Grouping.parse(by))
                    .withCaseMix(factors(caseMix));
            if (minResponseRate != null) {
                if (population == null) {
                    throw new InputException("--min-response-rate needs --population");
                }
                aggregator = aggregator.withMinResponseRate(minResponseRate);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (read != null) {
            aggregator = aggregator.withPopulation(read);
        }
        Aggregation aggregation;
        Progress progress = new Progress(spec.commandLine().getErr(), Language.EN);
        progress.step("reading and aggregating " + responses);
        aggregation = aggregator.aggregate(responses);
        progress.done();
        Results results = aggregation.results();
        ResultsFiles.writeJsonAndCsv(results, out, csv);
        if (rejects != null) {
            ResultsFiles.writeRejects(aggregation.rejects(), rejects);
        }
        if (common.json()) {
            spec.commandLine().getOut().print(ResultsFiles.toJson(results));
            spec.commandLine().getOut().flush();
        } else {
            summary(results, aggregation.rejects(), spec.commandLine().getOut());
        }
        return Peiling.EXIT_OK;
    }

    private void summary(Results results, List<Reject> rejected, PrintWriter text) {
        Results.Input input = results.input();
        text.printf(
                java.util.Locale.ROOT,
                "Edition %s: %s read, %d accepted, %d rejected%s%n",
                results.edition(),
                Numbers.counted(input.rows(), "row", "rows"),
                input.accepted(),
                input.rejected(),
                results.weighted() ? " (weighted by population)" : "");
        Map<String, Long> reasons = new java.util.TreeMap<>();
        long routedOut = 0;
        for (Reject reject : rejected) {
            if (reject.reason() == RejectReason.ROUTED_OUT) {
                routedOut++;
            } else {
                reasons.merge(reject.reason().code(), 1L, Long::sum);
            }
        }
        String where = rejects == null ? " (write them with --rejects FILE)" : " (in " + rejects + ")";
        if (!reasons.isEmpty()) {
            text.println("Rejected rows by reason: " + reasons + where);
        }
        if (routedOut > 0) {
            text.println("Answers to questions their routing hides, left out (routed-out): " + routedOut + where);
        }
        TextTable table = TextTable.of("grouping", ">groups", ">suppressed");
        Map<String, long[]> byGrouping = new LinkedHashMap<>();
        for (GroupResult group : results.groups()) {
            String name = group.key().isEmpty()
                    ? "national"
                    : String.join("+", group.key().keySet());
            long[] counts = byGrouping.computeIfAbsent(name, k -> new long[2]);
            counts[0]++;
            if (group.suppressed()) {
                counts[1]++;
            }
        }
        byGrouping.forEach((name, counts) -> table.row(name, counts[0], counts[1]));
        text.print(table);
        text.printf(
                java.util.Locale.ROOT,
                "Groups below n = %d are suppressed; %d benchmark figures.%n",
                results.minN(),
                results.benchmarks().size());
        if (out != null) {
            text.println("Results: " + out);
        }
        if (csv != null) {
            text.println("Tidy CSV: " + csv);
        }
        text.flush();
    }

    /** The dimensions of {@code --case-mix}. */
    private static java.util.Set<Dimension> factors(String text) {
        java.util.Set<Dimension> factors = java.util.EnumSet.noneOf(Dimension.class);
        for (String name : text.split(",", -1)) {
            factors.add(Dimension.fromKey(name.trim())
                    .orElseThrow(() -> new IllegalArgumentException("unknown case-mix factor \"" + name.trim()
                            + "\" in --case-mix " + text + " (known: level, pathway)")));
        }
        return factors;
    }

    private static List<Institution> readInstitutions(Path file) {
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": no such file or not readable");
        }
        return Institutions.read(file);
    }
}
