package nl.peiling.cli.report;

import static j2html.TagCreator.div;
import static j2html.TagCreator.h2;
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
import j2html.tags.specialized.TbodyTag;
import java.util.HashMap;
import java.util.Map;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.trend.Comparison;
import nl.peiling.stats.trend.Trend;

/**
 * The change since the previous edition ({@code report --previous}): per theme and per question with a
 * mean, the previous and the current mean, the difference and whether it is significant after the
 * Benjamini–Hochberg adjustment of {@code peiling trend} (▲ better, ▼ worse, by the question's
 * polarity). A question that changed says it cannot be compared; a figure not shown on either side
 * says why in words.
 */
final class TrendSection {

    private final Scope scope;
    private final Words words;
    private final Trend trend;
    private final Map<String, Comparison> comparisons = new HashMap<>();

    TrendSection(Scope scope, Trend trend) {
        this.scope = scope;
        this.words = scope.words;
        this.trend = trend;
        Map<String, String> key = scope.scope().key();
        for (Comparison comparison : trend.comparisons()) {
            if (comparison.key().equals(key) && comparison.measure().equals("mean")) {
                comparisons.put(comparison.kind() + ":" + comparison.id(), comparison);
            }
        }
    }

    SectionTag html(Charts charts) {
        String previous = trend.previous().edition();
        TbodyTag body = tbody();
        GroupResult own = scope.scope();
        for (Module module : scope.modules()) {
            body.with(tr(th(scope.text(module.title())).attr("colspan", "5")).withClass("module-row"));
            for (Cluster cluster : module.clusters()) {
                if (scope.national().cluster(cluster.id()).isPresent()) {
                    String missing = scope.missingCluster(own.cluster(cluster.id()));
                    body.with(row(charts, scope.text(cluster.title()), "cluster", cluster.id(), false, missing)
                            .withClass("theme"));
                }
            }
            for (Question question : module.questions()) {
                if (hasMean(question) && scope.national().item(question.id()).isPresent()) {
                    String missing = scope.missing(own.item(question.id()));
                    body.with(row(
                            charts,
                            scope.text(question.text()),
                            "item",
                            question.id(),
                            scope.reversed(question.id()),
                            missing));
                }
            }
        }
        return section(
                        h2(words.get("trend", previous)),
                        p(words.get("trend.explain", previous)),
                        div(table(
                                                thead(tr(
                                                        th(words.get("trend.figure")),
                                                        th(previous).withClass("number"),
                                                        th(scope.results.edition())
                                                                .withClass("number"),
                                                        th(words.get("trend.change"))
                                                                .withClass("number"),
                                                        th(words.get("trend.significance")))),
                                                body)
                                        .withClass("figures trend-table stack"))
                                .withClass("table-scroll"))
                .withId("trend")
                .withClass("trend");
    }

    private static boolean hasMean(Question question) {
        return question.type() == QuestionType.SCALE
                || question.type() == QuestionType.GRADE
                || question.type() == QuestionType.NUMBER;
    }

    private j2html.tags.specialized.TrTag row(
            Charts charts, String label, String kind, String id, boolean reversed, String missing) {
        String previous = trend.previous().edition();
        Comparison c = comparisons.get(kind + ":" + id);
        var row = tr(th(label).attr("scope", "row"));
        if (missing != null) {
            return row.with(words(missing, "trend.change", 4));
        }
        if (c == null) {
            return row.with(words(words.get("trend.new", previous), "trend.change", 4));
        }
        if (c.suppressed() || c.previous() == null || c.current() == null) {
            return row.with(words(words.get("trend.missingBefore", previous), "trend.change", 4));
        }
        row.with(number(words.decimal(c.previous(), 2), previous), number(words.decimal(c.current(), 2), null));
        if (!c.comparable()) {
            return row.with(words(
                    words.get("cluster".equals(kind) ? "trend.changedCluster" : "trend.changed"), "trend.change", 2));
        }
        Mark mark = !Boolean.TRUE.equals(c.significant()) || c.difference() == 0
                ? Mark.NONE
                : c.difference() > 0 != reversed ? Mark.BETTER : Mark.WORSE;
        return row.with(
                number(
                        charts.signed(c.difference(), 2) + (mark == Mark.NONE ? "" : " " + mark.symbol()),
                        "trend.change"),
                td(mark == Mark.NONE
                                ? words.get("trend.notSignificant")
                                : words.get(mark == Mark.BETTER ? "trend.better" : "trend.worse", previous))
                        .attr("data-label", words.get("trend.significance")));
    }

    private DomContent number(String value, String header) {
        return td(value)
                .withClass("number")
                .attr(
                        "data-label",
                        header == null
                                ? scope.results.edition()
                                : header.startsWith("trend.") ? words.get(header) : header);
    }

    private DomContent words(String text, String header, int span) {
        return td(span(text).withClass("missing"))
                .attr("colspan", Integer.toString(span))
                .attr("data-label", words.get(header));
    }
}
