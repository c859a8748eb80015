package nl.peiling.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.peiling.core.allocation.PlanException;
import nl.peiling.core.allocation.PlanProblem;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Errors in the institution plans, printed the same way by every command that reads them: each problem
 * on stdout (or as JSON), then one summary line, and exit {@link Peiling#EXIT_FAILED}.
 */
final class PlanErrors {

    private PlanErrors() {}

    /** Prints the errors of the plans in {@code institutions} and returns the exit code. */
    static int print(CommandSpec spec, boolean json, PlanException e, Path institutions) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("valid", false);
            out.put("errors", e.errors().size());
            out.put("problems", problems(e.planProblems()));
            Json.print(spec, out);
        } else {
            PrintWriter text = spec.commandLine().getOut();
            e.planProblems().forEach(text::println);
            text.printf(
                    Locale.ROOT,
                    "%d %s in the institution plans of %s; nothing written%n",
                    e.errors().size(),
                    e.errors().size() == 1 ? "error" : "errors",
                    institutions);
            text.flush();
        }
        return Peiling.EXIT_FAILED;
    }

    /** The problems as JSON objects. */
    static List<Map<String, Object>> problems(List<PlanProblem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PlanProblem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("severity", problem.severity().key());
            entry.put("code", problem.code().key());
            entry.put("institution", problem.institution());
            entry.put("path", problem.path());
            entry.put("message", problem.message());
            list.add(entry);
        }
        return list;
    }
}
