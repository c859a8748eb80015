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

/** {@code peiling sample-size}: the required net and gross sample size of a population (SPEC section 4). */
@Command(
        name = "sample-size",
        description = {
            "Required net and gross sample size of a population, as JOB's response barometer defines them:",
            "net(N) = floor(N·z²·p(100 − p) / (z²·p(100 − p) + (N − 1)·e²) + 0.99), gross = net + extra %%, rounded up."
        })
final class SampleSizeCommand implements Callable<Integer> {

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

    @Mixin
    SampleSizeOptions parameters;

    @Override
    public Integer call() {
        SampleSize size = parameters.sampleSize();
        long net;
        try {
            net = size.net(population);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        long gross = size.gross(population);
        double marginAtNet = size.achievedMargin(net, population);
        if (common.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("population", population);
            json.put("net", net);
            json.put("gross", gross);
            json.put("marginAtNet", Numbers.finiteOrNull(marginAtNet));
            json.put("raw", size.rawNet(population));
            json.put("confidence", size.confidence());
            json.put("z", size.z());
            json.put("margin", size.margin());
            json.put("proportion", size.proportion());
            json.put("extra", size.extra());
            Json.print(spec, json);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            TextTable table = TextTable.of("quantity", ">value", "unit");
            table.row("population", population, "students");
            table.row("net", net, "responses needed");
            table.row(
                    "gross",
                    gross,
                    String.format(Locale.ROOT, "students to invite (net + %s %%)", Numbers.show(size.extra())));
            table.row("margin at net", Numbers.fixed(marginAtNet, 4), "percentage points");
            out.print(table);
            out.printf(
                    Locale.ROOT,
                    "%nat %d %% confidence (z = %s), margin %s points, proportion %s %%%n",
                    size.confidence(),
                    Numbers.show(size.z()),
                    Numbers.show(size.margin()),
                    Numbers.show(size.proportion()));
            out.flush();
        }
        return Peiling.EXIT_OK;
    }
}
