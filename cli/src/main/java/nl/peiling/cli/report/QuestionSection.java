package nl.peiling.cli.report;

import static j2html.TagCreator.div;
import static j2html.TagCreator.figcaption;
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
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SectionTag;
import j2html.tags.specialized.TrTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.cli.report.Charts.Series;
import nl.peiling.cli.report.Charts.Shares;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.FigureState;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;

/**
 * The report's questions, every type but open text (which is never shown): scale and grade questions as
 * stacked bars unfavourable / neutral / favourable (for a reverse-worded question agreeing is
 * unfavourable), single and multiple choice as the share per option, numbers as the mean; the own
 * institution beside the nation. A module the institution did not get is one line, not a page of
 * "niet afgenomen".
 */
final class QuestionSection {

    private final Scope scope;
    private final Words words;

    QuestionSection(Scope scope) {
        this.scope = scope;
        this.words = scope.words;
    }

    /** The questions shown: every aggregated question of the report's modules. */
    List<Question> questions(Module module) {
        return module.questions().stream()
                .filter(q -> q.type() != QuestionType.TEXT)
                .filter(q -> scope.national().item(q.id()).isPresent())
                .toList();
    }

    SectionTag html(Charts charts) {
        GroupResult own = scope.scope();
        String ownLabel = scope.institution == null ? null : scope.scopeLabel();
        SectionTag section = section(
                        h2(words.get("items")), p(words.get("items.explain")), charts.sharesLegend(ownLabel))
                .withId("items")
                .withClass("items");
        Map<String, BenchmarkFigures> benchmarks = scope.benchmarks();
        for (Module module : scope.modules()) {
            List<Question> questions = questions(module);
            if (questions.isEmpty()) {
                continue;
            }
            DivTag block = div(h3(scope.text(module.title()))).withClass("module-items");
            boolean administered = questions.stream()
                    .anyMatch(q -> own.item(q.id())
                            .map(i -> i.figureState() != FigureState.NOT_ADMINISTERED)
                            .orElse(false));
            if (!administered) {
                section.with(block.with(p(words.get("state.not-administered"))
                        .withClass("missing module-missing")
                        .attr("data-state", FigureState.NOT_ADMINISTERED.key())));
                continue;
            }
            for (Question question : questions) {
                block.with(question(charts, question, own, benchmarks.get("item:" + question.id())));
            }
            section.with(block);
        }
        return section;
    }

    private DomContent question(Charts charts, Question question, GroupResult own, BenchmarkFigures benchmark) {
        String text = scope.text(question.text());
        boolean reversed = scope.reversed(question.id());
        DomContent caption = figcaption(
                span(text).withClass("question"),
                reversed ? span(words.get("reversed")).withClass("reversed") : span(),
                span(question.id()).withClass("item-id"));
        Optional<ItemFigures> mine = scope.institution == null ? Optional.empty() : own.item(question.id());
        Optional<ItemFigures> nation = scope.national().item(question.id());
        return switch (question.type()) {
            case SCALE, GRADE -> {
                List<Shares> rows = new ArrayList<>();
                if (scope.institution != null) {
                    rows.add(shares(scope.scopeLabel(), Series.OWN, mine, Scope.mark(benchmark, reversed), reversed));
                }
                rows.add(shares(words.get("national"), Series.NATIONAL, nation, Mark.NONE, reversed));
                yield figure(caption, charts.stackedBars("item-" + question.id(), text, rows))
                        .withClass("chart-figure item" + (reversed ? " reversed" : ""));
            }
            case SINGLE, MULTI ->
                figure(caption, options(question, mine, nation)).withClass("chart-figure item choice");
            case NUMBER -> figure(caption, number(question, mine, nation)).withClass("chart-figure item number");
            case TEXT -> throw new IllegalStateException("open text is never shown: " + question.id());
        };
    }

    /** Shares of a scale or grade item, unfavourable first: for a reverse-keyed item agreeing is unfavourable. */
    private Shares shares(String label, Series series, Optional<ItemFigures> item, Mark mark, boolean reversed) {
        String missing = scope.missing(item);
        if (missing != null || item.get().positive() == null) {
            return Shares.missing(label, series, missing == null ? words.get("state.no-answers") : missing);
        }
        ItemFigures figures = item.get();
        return new Shares(
                label,
                series,
                reversed ? figures.positive() : figures.negative(),
                figures.neutral(),
                reversed ? figures.negative() : figures.positive(),
                figures.mean(),
                mark,
                null);
    }

    /** A table of the share per option, own beside national. */
    private DomContent options(Question question, Optional<ItemFigures> mine, Optional<ItemFigures> nation) {
        List<Option> options = question instanceof SingleQuestion s
                ? s.options()
                : question instanceof MultiQuestion m ? m.options() : List.of();
        TrTag head = tr(th(words.get("option")
                + (question instanceof MultiQuestion ? " (" + words.get("options.multi") + ")" : "")));
        if (scope.institution != null) {
            head.with(th(scope.scopeLabel()).withClass("number"));
        }
        head.with(th(words.get("national")).withClass("number"));
        var body = tbody();
        for (Option option : options) {
            TrTag row = tr(th(scope.text(option.label())).attr("scope", "row"));
            if (scope.institution != null) {
                row.with(share(mine, option.code()));
            }
            row.with(share(nation, option.code()));
            body.with(row);
        }
        TrTag answered = tr(th(words.get("answered")).attr("scope", "row")).withClass("counts");
        if (scope.institution != null) {
            answered.with(count(mine));
        }
        answered.with(count(nation));
        body.with(answered);
        return div(table(thead(head), body).withClass("figures options-table")).withClass("table-scroll");
    }

    /** The mean of a number question, own beside national. */
    private DomContent number(Question question, Optional<ItemFigures> mine, Optional<ItemFigures> nation) {
        TrTag head = tr(th(""));
        TrTag mean = tr(th(words.get("number.mean")).attr("scope", "row"));
        TrTag answered = tr(th(words.get("answered")).attr("scope", "row")).withClass("counts");
        if (scope.institution != null) {
            head.with(th(scope.scopeLabel()).withClass("number"));
            mean.with(cell(
                    mine,
                    mine.map(ItemFigures::mean).map(m -> words.decimal(m, 1)).orElse(null)));
            answered.with(count(mine));
        }
        head.with(th(words.get("national")).withClass("number"));
        mean.with(cell(
                nation,
                nation.map(ItemFigures::mean).map(m -> words.decimal(m, 1)).orElse(null)));
        answered.with(count(nation));
        return div(table(thead(head), tbody(mean, answered)).withClass("figures number-table"))
                .withClass("table-scroll");
    }

    private DomContent share(Optional<ItemFigures> item, String code) {
        Double share = item.map(ItemFigures::distribution).map(d -> d.get(code)).orElse(null);
        return cell(item, share == null ? null : words.percent(share));
    }

    private DomContent count(Optional<ItemFigures> item) {
        return cell(
                item,
                item.map(ItemFigures::n).filter(n -> n > 0).map(words::count).orElse(null));
    }

    /** A figure's cell: the value, or the words why there is none. */
    private DomContent cell(Optional<ItemFigures> item, String value) {
        String missing = scope.missing(item);
        if (missing == null && value == null) {
            missing = words.get("state.no-answers");
        }
        if (missing != null) {
            FigureState state = item.map(ItemFigures::figureState).orElse(FigureState.NOT_ADMINISTERED);
            return td(span(missing).withClass("missing"))
                    .withClass("number")
                    .attr(
                            "data-state",
                            Scope.stateKey(
                                    state,
                                    item.map(ItemFigures::suppressedBecause).orElse(null)));
        }
        return td(value).withClass("number");
    }
}
