package nl.peiling.cli.report;

import static j2html.TagCreator.caption;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.div;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.dt;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.tr;

import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import j2html.tags.specialized.TdTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.peiling.cli.report.Charts.Meter;
import nl.peiling.stats.sampling.SampleSize;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ResponseFigures;

/**
 * The report's response part: respondents, population, response rate and the required net response of
 * the response barometer, with "reached" as a mark. The figures are the barometer rows the results
 * carry ({@link ResponseFigures}, made by the same barometer code as {@code peiling barometer} over the
 * accepted respondents), never recomputed here; the nation's row adds up its institutions' rows. A group
 * whose figures are withheld shows why instead of its count.
 */
final class ResponseSection {

    private final Scope scope;
    private final Words words;
    private final SampleSize sampleSize;
    private final Map<Map<String, String>, ResponseFigures> rows = new HashMap<>();

    ResponseSection(Scope scope, SampleSize sampleSize) {
        this.scope = scope;
        this.words = scope.words;
        this.sampleSize = sampleSize;
        long population = 0;
        long responses = 0;
        for (ResponseFigures row : scope.results.response()) {
            Map<String, String> key = row.location() == null
                    ? Map.of(Scope.INSTITUTION, row.institution())
                    : Map.of(Scope.INSTITUTION, row.institution(), Scope.LOCATION, row.location());
            rows.put(key, row);
            if (row.location() == null) {
                population += row.population();
                responses += row.responses();
            }
        }
        if (!rows.isEmpty()) {
            long net = population == 0 ? 0 : sampleSize.net(population);
            rows.put(
                    Map.of(),
                    new ResponseFigures(
                            "",
                            null,
                            population,
                            responses,
                            net,
                            sampleSize.grossOfNet(net),
                            net == 0 ? 100 : 100.0 * responses / net,
                            responses >= net,
                            population == 0 ? null : responses / (double) population));
        }
    }

    SectionTag html(Charts charts) {
        GroupResult own = scope.scope();
        ResponseFigures figures = rows.get(own.key());
        String withheld = scope.missing(own);
        SectionTag section =
                section(h2(words.get("response"))).withId("response").withClass("response");
        section.with(dl(
                        keyFigure(words.get("responses"), count(own, figures), withheld),
                        keyFigure(
                                words.get("population"),
                                figures == null ? null : words.count(figures.population()),
                                null),
                        keyFigure(words.get("responseRate"), rate(figures), withheld),
                        keyFigure(words.get("net"), figures == null ? null : words.count(figures.net()), null),
                        keyFigure(words.get("reached"), reached(figures), withheld))
                .withClass("key-figures"));
        if (figures == null) {
            return section.with(p(words.get("barometer.noPopulation")));
        }
        section.with(p(words.get("barometer.explain", words.decimal(sampleSize.margin(), 0), sampleSize.confidence())));
        List<GroupResult> subgroups = scope.subgroups();
        List<Meter> meters = new ArrayList<>();
        List<GroupResult> groups = new ArrayList<>();
        groups.add(own);
        groups.addAll(subgroups);
        for (GroupResult group : groups) {
            ResponseFigures row = rows.get(group.key());
            String missing = scope.missing(group);
            String label = group == own ? scope.scopeLabel() : scope.groupLabel(group);
            meters.add(new Meter(
                    label,
                    missing != null || row == null ? null : row.responses(),
                    row == null || row.net() == 0 ? null : row.net(),
                    missing));
        }
        section.with(
                h3(words.get("barometer")),
                figure(charts.barometer("barometer", words.get("barometer.chart"), meters))
                        .withClass("chart-figure"));
        var body = tbody();
        for (GroupResult group : groups) {
            ResponseFigures row = rows.get(group.key());
            String missing = scope.missing(group);
            body.with(tr(
                            th(group == own ? scope.scopeLabel() : scope.groupLabel(group))
                                    .attr("scope", "row"),
                            cell(row == null ? null : words.count(row.population()), null)
                                    .attr("data-label", words.get("population")),
                            cell(count(group, row), missing).attr("data-label", words.get("responses")),
                            cell(rate(row), missing).attr("data-label", words.get("responseRate")),
                            cell(row == null ? null : words.count(row.net()), null)
                                    .attr("data-label", words.get("net")),
                            cell(reached(row), missing).attr("data-label", words.get("reached")))
                    .withCondClass(group == own, "total"));
        }
        String heading = words.get(scope.institution == null ? "perInstitution" : "perLocation");
        return section.with(div(table(
                                caption(heading),
                                thead(tr(
                                        th(words.get(scope.institution == null ? "institution" : "location")),
                                        th(words.get("population")).withClass("number"),
                                        th(words.get("responses")).withClass("number"),
                                        th(words.get("responseRate")).withClass("number"),
                                        th(words.get("net")).withClass("number"),
                                        th(words.get("reached")).withClass("number"))),
                                body)
                        .withClass("figures response-table stack"))
                .withClass("table-scroll"));
    }

    private String count(GroupResult group, ResponseFigures row) {
        if (row != null) {
            return words.count(row.responses());
        }
        return group.n() == null ? null : words.count(group.n());
    }

    private String rate(ResponseFigures row) {
        return row == null || row.responseRate() == null ? null : words.decimal(100 * row.responseRate(), 1) + " %";
    }

    private String reached(ResponseFigures row) {
        return row == null ? null : words.get(row.reached() ? "reached.yes" : "reached.no");
    }

    private static DomContent keyFigure(String label, String value, String missing) {
        if (missing != null) {
            return div(dt(label), dd(span(missing).withClass("missing"))).withClass("key-figure");
        }
        return div(dt(label), value == null ? dd(span("–").withClass("unknown")) : dd(value))
                .withClass("key-figure");
    }

    /** A number cell, or the words why it is not shown: never a number for a withheld group. */
    static TdTag cell(String value, String missing) {
        if (missing != null) {
            return td(span(missing).withClass("missing")).withClass("number");
        }
        return td(value == null ? "–" : value).withClass("number");
    }
}
