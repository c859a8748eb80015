package nl.peiling.cli.report;

import static j2html.TagCreator.dd;
import static j2html.TagCreator.div;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;
import static j2html.TagCreator.ul;

import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.peiling.cli.report.Charts.Difference;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Module;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.CaseMix;
import nl.peiling.stats.scores.ClusterFigures;

/**
 * The institution report's "at a glance": the notable themes (significant and material, the largest
 * effect first, each with its effect size), better and worse; a chart of each theme's difference from
 * the nation with its interval; and the flat comparison beside the case-mix adjusted one. Nothing in
 * the national report.
 */
final class SummarySection {

    private final Scope scope;
    private final Words words;

    SummarySection(Scope scope) {
        this.scope = scope;
        this.words = scope.words;
    }

    DomContent html(Charts charts) {
        if (scope.institution == null) {
            return text("");
        }
        Map<String, BenchmarkFigures> benchmarks = scope.benchmarks();
        return section(
                        h2(words.get("summary")),
                        p(words.get("summary.explain")),
                        notable(charts, benchmarks),
                        differences(charts, benchmarks),
                        comparison(charts, benchmarks))
                .withId("summary")
                .withClass("summary");
    }

    private record Theme(Cluster cluster, BenchmarkFigures benchmark) {}

    private List<Theme> themes(Map<String, BenchmarkFigures> benchmarks) {
        List<Theme> themes = new ArrayList<>();
        for (Module module : scope.modules()) {
            for (Cluster cluster : module.clusters()) {
                if (scope.national().cluster(cluster.id()).isPresent()) {
                    themes.add(new Theme(cluster, benchmarks.get("cluster:" + cluster.id())));
                }
            }
        }
        return themes;
    }

    private DomContent notable(Charts charts, Map<String, BenchmarkFigures> benchmarks) {
        List<Theme> notable = themes(benchmarks).stream()
                .filter(t -> Scope.notable(t.benchmark()))
                .sorted(Comparator.comparingDouble(
                        (Theme t) -> -Math.abs(t.benchmark().cohensD())))
                .toList();
        if (notable.isEmpty()) {
            return p(words.get("summary.none")).withClass("differences");
        }
        var list = dl().withClass("differences");
        for (Mark mark : List.of(Mark.BETTER, Mark.WORSE)) {
            List<Theme> these = notable.stream()
                    .filter(t -> Scope.mark(t.benchmark(), false) == mark)
                    .toList();
            if (these.isEmpty()) {
                continue;
            }
            var entries = ul();
            for (Theme theme : these) {
                BenchmarkFigures b = theme.benchmark();
                entries.with(li(words.get(
                        "summary.entry",
                        scope.text(theme.cluster().title()),
                        words.decimal(b.own(), 2),
                        words.decimal(b.national(), 2),
                        charts.signed(b.cohensD(), 2))));
            }
            list.with(div(dt(words.get(mark == Mark.BETTER ? "summary.better" : "summary.worse")), dd(entries))
                    .withClass(mark == Mark.BETTER ? "better" : "worse"));
        }
        return list;
    }

    /** Each theme's difference from the nation, with the own interval moved by the national mean. */
    private DomContent differences(Charts charts, Map<String, BenchmarkFigures> benchmarks) {
        List<Difference> rows = new ArrayList<>();
        for (Theme theme : themes(benchmarks)) {
            String label = scope.text(theme.cluster().title());
            Optional<ClusterFigures> own = scope.scope().cluster(theme.cluster().id());
            Optional<ClusterFigures> nation =
                    scope.national().cluster(theme.cluster().id());
            String missing = scope.missingCluster(own);
            if (missing == null) {
                missing = scope.missingCluster(nation);
            }
            if (missing != null) {
                rows.add(new Difference(label, null, null, null, Mark.NONE, missing));
                continue;
            }
            double national = nation.get().mean();
            ClusterFigures figures = own.get();
            rows.add(new Difference(
                    label,
                    figures.mean() - national,
                    figures.ciLow() == null ? null : figures.ciLow() - national,
                    figures.ciHigh() == null ? null : figures.ciHigh() - national,
                    Scope.mark(theme.benchmark(), false),
                    null));
        }
        if (rows.isEmpty()) {
            return text("");
        }
        return div(
                        h3(words.get("differences")),
                        p(words.get("differences.explain")),
                        figure(charts.differences("differences", words.get("differences"), rows))
                                .withClass("chart-figure"))
                .withClass("difference-comparison");
    }

    /**
     * Per theme: the flat comparison (own against national) beside the case-mix adjusted one (own against
     * the mean expected from the rest of the nation's students in the same cells).
     */
    private DomContent comparison(Charts charts, Map<String, BenchmarkFigures> benchmarks) {
        var body = tbody();
        int rows = 0;
        for (Theme theme : themes(benchmarks)) {
            BenchmarkFigures b = theme.benchmark();
            if (b == null || b.suppressed() || b.own() == null || b.national() == null) {
                continue;
            }
            rows++;
            CaseMix mix = b.caseMix();
            Mark flat = Scope.mark(b, false);
            Mark adjusted = mix == null || !Boolean.TRUE.equals(mix.significant())
                    ? Mark.NONE
                    : mix.difference() > 0 ? Mark.BETTER : Mark.WORSE;
            body.with(tr(
                    th(scope.text(theme.cluster().title())).attr("scope", "row"),
                    number(words.decimal(b.own(), 2), "caseMix.own"),
                    number(words.decimal(b.national(), 2), "national"),
                    number(charts.signed(b.difference(), 2) + suffix(flat), "caseMix.flat"),
                    number(mix == null ? "–" : words.decimal(mix.expected(), 2), "caseMix.expected"),
                    number(
                            mix == null ? "–" : charts.signed(mix.difference(), 2) + suffix(adjusted),
                            "caseMix.difference"),
                    number(mix == null ? "–" : words.percent(mix.coverage()), "caseMix.coverage")));
        }
        if (rows == 0) {
            return text("");
        }
        String factors = scope.results.caseMixFactors().stream()
                .map(factor -> words.get("caseMix." + factor))
                .collect(Collectors.joining(words.get("caseMix.and")));
        return div(
                        h3(words.get("caseMix", factors)),
                        p(words.get("caseMix.explain", factors)),
                        div(table(
                                                thead(tr(
                                                        th(words.get("caseMix.theme")),
                                                        th(words.get("caseMix.own"))
                                                                .withClass("number"),
                                                        th(words.get("national"))
                                                                .withClass("number"),
                                                        th(words.get("caseMix.flat"))
                                                                .withClass("number"),
                                                        th(words.get("caseMix.expected"))
                                                                .withClass("number"),
                                                        th(words.get("caseMix.difference"))
                                                                .withClass("number"),
                                                        th(words.get("caseMix.coverage"))
                                                                .withClass("number"))),
                                                body)
                                        .withClass("figures case-mix stack"))
                                .withClass("table-scroll"))
                .withClass("case-mix-comparison");
    }

    private DomContent number(String value, String header) {
        return td(value).withClass("number").attr("data-label", words.get(header));
    }

    private static String suffix(Mark mark) {
        return mark == Mark.NONE ? "" : " " + mark.symbol();
    }
}
