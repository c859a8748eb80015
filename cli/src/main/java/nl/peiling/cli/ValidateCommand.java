package nl.peiling.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Violation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code peiling validate}: checks definition files and folders, or a shipped edition. */
@Command(
        name = "validate",
        description = {
            "Validates definition files or folders, or a shipped edition.",
            "A folder (or an edition.json) is validated as a whole edition; any other file as one module.",
            "Exit 0 when there are no errors, 1 when there are, 2 when a path cannot be read."
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Definition files or folders.")
        List<Path> paths;

        @Option(names = "--edition", paramLabel = "E", description = "A shipped edition id, e.g. 2027.")
        String edition;
    }

    @Override
    public Integer call() {
        ValidationReport report;
        if (target.edition != null) {
            Catalog catalog = Editions.catalog();
            Edition edition = catalog.find(target.edition)
                    .orElseThrow(() -> new InputException("unknown edition \"" + target.edition + "\" (shipped: "
                            + String.join(", ", catalog.editions()) + ")"));
            report = Editions.definitions().validate(edition);
        } else {
            for (Path path : target.paths) {
                if (!Files.exists(path)) {
                    throw new InputException(path + ": no such file or folder");
                }
                if (!Files.isReadable(path)) {
                    throw new InputException(path + ": cannot be read");
                }
            }
            report = Editions.definitions().validate(target.paths);
        }
        if (common.json()) {
            Json.print(spec, json(report));
        } else {
            var out = spec.commandLine().getOut();
            report.violations().forEach(out::println);
            out.println(report.summary());
            out.flush();
        }
        return report.isValid() ? Peiling.EXIT_OK : Peiling.EXIT_FAILED;
    }

    private static Map<String, Object> json(ValidationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", report.isValid());
        json.put("errors", report.errorCount());
        json.put("warnings", report.warningCount());
        List<Map<String, Object>> violations = new ArrayList<>();
        for (Violation v : report.violations()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", v.severity().key());
            entry.put("code", v.code().code());
            entry.put("path", v.path());
            entry.put("message", v.message());
            entry.put("file", v.file());
            entry.put("line", v.line());
            entry.put("column", v.column());
            violations.add(entry);
        }
        json.put("violations", violations);
        return json;
    }
}
