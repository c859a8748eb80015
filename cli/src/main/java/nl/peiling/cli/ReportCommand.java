package nl.peiling.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.cli.report.Names;
import nl.peiling.cli.report.Report;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.stats.scores.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling report}: a self-contained HTML report with bar charts, own institution beside the nation. */
@Command(
        name = "report",
        description = {
            "Writes one self-contained HTML report from the results of 'peiling aggregate':",
            "the response barometer, cluster means beside the national ones with 95%%",
            "intervals and significance marks, negative / neutral / positive shares per",
            "question and cluster means per location. Without --institution it is the",
            "national report."
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--results",
            required = true,
            paramLabel = "F",
            description = "The results JSON of 'peiling aggregate --out'.")
    Path results;

    @Option(
            names = "--institution",
            paramLabel = "CODE",
            description = "The institution to report on beside the nation (default: the national report).")
    String institution;

    @Option(names = "--out", required = true, paramLabel = "F", description = "The HTML file to write.")
    Path out;

    @Option(
            names = "--lang",
            paramLabel = "L",
            defaultValue = "nl",
            description = "Language of the report: nl or en (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(
            names = "--edition",
            paramLabel = "E",
            description =
                    "A shipped edition id or a definition folder for titles and question texts (default: the results'"
                            + " edition).")
    String edition;

    @Option(
            names = "--institutions",
            paramLabel = "F",
            description = "institutions.json: names of institutions and locations (default: codes).")
    Path institutions;

    @Override
    public Integer call() throws IOException {
        FileOptions.file("--out", out);
        Results read = ResultsInput.read(results);
        Edition chosen = Editions.resolve(edition != null ? edition : read.edition());
        Report report = Report.of(read, chosen).withLanguage(language);
        if (institutions != null) {
            report = report.withNames(readNames(institutions));
        }
        try {
            report = report.withInstitution(institution);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        write(report.html(), out);
        Report.Contents contents = report.contents();
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("out", out.toString());
            json.put("edition", read.edition());
            json.put("language", language.code());
            json.put("scope", contents.scope());
            json.put("clusters", contents.clusters());
            json.put("items", contents.items());
            json.put("groups", contents.groups());
            json.put("suppressed", contents.suppressed());
            Json.print(spec, json);
        } else {
            PrintWriter text = spec.commandLine().getOut();
            text.printf(
                    Locale.ROOT,
                    "Report (%s, %s): %s, %s, %s, %d figures suppressed%n",
                    institution == null ? "national" : "institution " + institution,
                    language.code(),
                    Numbers.counted(contents.clusters(), "cluster", "clusters"),
                    Numbers.counted(contents.items(), "question", "questions"),
                    institution == null
                            ? Numbers.counted(contents.groups(), "institution", "institutions")
                            : Numbers.counted(contents.groups(), "location", "locations"),
                    contents.suppressed());
            text.println("Written: " + out);
            text.flush();
        }
        return Peiling.EXIT_OK;
    }

    private static Names readNames(Path file) {
        if (!Files.isReadable(file)) {
            throw new InputException(file + ": no such file or not readable");
        }
        return Names.of(Institutions.read(file));
    }

    /** Writes atomically, so a failed run never leaves half a report. */
    static void write(String html, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InputException(file + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new InputException(file + " is a folder; --out names the HTML file to write");
        }
        try {
            AtomicFiles.writeString(target, html);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write the report: " + e, e);
        }
    }
}
