package nl.peiling.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.peiling.stats.sampling.SampleSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling margin}: the achieved margin of error of n responses from a population of N (SPEC section 4). */
@Command(
        name = "margin",
        description = {
            "Achieved margin of error, in percentage points, of n responses from a population of N:",
            "e(n, N) = z·sqrt(p(100 − p)/n · (N − n)/(N − 1)); 0 for a census (n = N), infinite (null) for n = 0."
        })
final class MarginCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--population",
            paramLabel = "N",
            required = true,
            description = "The number of students in the population (>= 1).")
    long population;

    @Option(
            names = "--responses",
            paramLabel = "n",
            required = true,
            description = "The number of responses (0 <= n <= N).")
    long responses;

    @Option(
            names = "--confidence",
            paramLabel = "C",
            defaultValue = "95",
            description = "Confidence level in percent: 90, 95 or 99 (default: ${DEFAULT-VALUE}).")
    int confidence;

    @Option(
            names = "--proportion",
            paramLabel = "P",
            defaultValue = "50",
            description = "Expected proportion in percent (default: ${DEFAULT-VALUE}).")
    double proportion;

    @Override
    public Integer call() {
        double margin;
        SampleSize size;
        try {
            size = SampleSize.standard().withConfidence(confidence).withProportion(proportion);
            margin = size.achievedMargin(responses, population);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("population", population);
            json.put("responses", responses);
            json.put("margin", Numbers.finiteOrNull(margin));
            json.put("confidence", size.confidence());
            json.put("z", size.z());
            json.put("proportion", size.proportion());
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            TextTable table = TextTable.of("quantity", ">value", "unit");
            table.row("population", population, "students");
            table.row("responses", responses, "");
            table.row(
                    "margin",
                    Double.isInfinite(margin) ? "infinite" : Numbers.fixed(margin, 4),
                    Double.isInfinite(margin) ? "no responses, no precision" : "percentage points");
            out.print(table);
            out.printf(
                    Locale.ROOT,
                    "%nat %d %% confidence (z = %s), proportion %s %%%n",
                    size.confidence(),
                    Numbers.show(size.z()),
                    Numbers.show(size.proportion()));
            out.flush();
        }
        return Peiling.EXIT_OK;
    }
}
