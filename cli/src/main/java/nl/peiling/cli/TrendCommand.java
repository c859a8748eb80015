package nl.peiling.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import nl.peiling.stats.trend.Comparison;
import nl.peiling.stats.trend.Materiality;
import nl.peiling.stats.trend.Trend;
import nl.peiling.stats.trend.Trends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peiling trend}: what changed between two results files of {@code aggregate}. */
@Command(
        name = "trend",
        description = {
            "Compares two results files of 'peiling aggregate' (typically two editions): mean and positive-share",
            "differences per group, question and cluster, with se, z, p and Benjamini-Hochberg q per group and",
            "measure. Questions whose wording or scale changed are not comparable. The changes that matter",
            "(significant and at least the materiality minimum) come first."
        })
final class TrendCommand implements Callable<Integer> {

    /** The significant changes below the materiality minimum that the text lists; the rest are counted. */
    static final int SMALL_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--previous", required = true, paramLabel = "F", description = "The earlier results JSON.")
    Path previous;

    @Option(names = "--current", required = true, paramLabel = "F", description = "The later results JSON.")
    Path current;

    @Option(
            names = "--min-d",
            paramLabel = "D",
            defaultValue = "0.2",
            description =
                    "Materiality of a change of a mean: the smallest |Cohen's d| that is notable (default: ${DEFAULT-VALUE}).")
    double minD;

    @Option(
            names = "--min-points",
            paramLabel = "P",
            defaultValue = "2.5",
            description =
                    "Materiality of a change of a share: the smallest difference in percentage points that is notable (default: ${DEFAULT-VALUE}).")
    double minPoints;

    @Override
    public Integer call() {
        Trend trend;
        try {
            Materiality materiality = new Materiality(minD, minPoints / 100);
            trend = Trends.standard()
                    .withMateriality(materiality)
                    .compare(
                            ResultsInput.read(previous),
                            previous.toString(),
                            ResultsInput.read(current),
                            current.toString());
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (common.json()) {
            Json.print(spec, trend);
        } else {
            text(trend, spec.commandLine().getOut());
        }
        return Peiling.EXIT_OK;
    }

    private void text(Trend trend, PrintWriter out) {
        List<Comparison> all = trend.comparisons();
        List<Comparison> significant =
                all.stream().filter(c -> Boolean.TRUE.equals(c.significant())).toList();
        List<Comparison> notable = trend.notable();
        out.printf(
                Locale.ROOT,
                "Trend %s (%s) -> %s (%s): %d comparisons; %d notable, %d significant, %d not comparable, %d suppressed%n",
                trend.previous().edition(),
                trend.previous().file(),
                trend.current().edition(),
                trend.current().file(),
                all.size(),
                notable.size(),
                significant.size(),
                all.stream().filter(c -> !c.comparable()).count(),
                all.stream().filter(Comparison::suppressed).count());
        Comparator<Comparison> largestFirst = Comparator.comparingDouble((Comparison c) -> -Math.abs(c.z()));
        out.printf(
                Locale.ROOT,
                "%nNotable changes (q < 0.05 and |d| >= %s for means, >= %s percentage points for shares), largest |z| first:%n",
                Numbers.show(minD),
                Numbers.show(minPoints));
        if (notable.isEmpty()) {
            out.println("none");
        } else {
            out.print(table(notable.stream().sorted(largestFirst).toList()));
        }
        List<Comparison> small = significant.stream()
                .filter(c -> !Boolean.TRUE.equals(c.notable()))
                .sorted(largestFirst)
                .toList();
        if (!small.isEmpty()) {
            out.printf(Locale.ROOT, "%nSignificant but below the materiality minimum: %d%n", small.size());
            out.print(table(small.subList(0, Math.min(SMALL_SHOWN, small.size()))));
            if (small.size() > SMALL_SHOWN) {
                out.printf(
                        Locale.ROOT, "... and %d more (--json lists every comparison)%n", small.size() - SMALL_SHOWN);
            }
        }
        String broken = all.stream()
                .filter(c -> !c.comparable())
                .map(c -> c.kind() + " " + c.id())
                .distinct()
                .collect(Collectors.joining(", "));
        if (!broken.isEmpty()) {
            out.println();
            out.println("Not comparable (wording, scale, options or cluster changed): " + broken);
        }
        out.flush();
    }

    private static String table(List<Comparison> comparisons) {
        TextTable table = TextTable.of("group", "figure", "measure", ">previous", ">current", ">difference", ">q");
        for (Comparison c : comparisons) {
            boolean share = c.measure().equals("positive");
            table.row(
                    group(c.key()),
                    c.kind() + " " + c.id(),
                    c.measure(),
                    format(c.previous(), share),
                    format(c.current(), share),
                    (c.difference() > 0 ? "+" : "")
                            + (share
                                    ? String.format(Locale.ROOT, "%.1f pt", c.difference() * 100)
                                    : format(c.difference(), false)),
                    String.format(Locale.ROOT, "%.3g", c.q()));
        }
        return table.toString();
    }

    /** A share as percent with one decimal, a mean with two decimals. */
    private static String format(double value, boolean share) {
        return share ? String.format(Locale.ROOT, "%.1f%%", value * 100) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String group(Map<String, String> key) {
        return key.isEmpty() ? "national" : String.join("/", key.values());
    }
}
