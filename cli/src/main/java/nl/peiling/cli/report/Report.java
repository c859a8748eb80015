package nl.peiling.cli.report;

import static j2html.TagCreator.body;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.figcaption;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.footer;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.h3;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.rawHtml;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.style;
import static j2html.TagCreator.table;
import static j2html.TagCreator.tbody;
import static j2html.TagCreator.td;
import static j2html.TagCreator.text;
import static j2html.TagCreator.th;
import static j2html.TagCreator.thead;
import static j2html.TagCreator.title;
import static j2html.TagCreator.tr;
import static java.util.Objects.requireNonNull;

import j2html.TagCreator;
import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import j2html.tags.specialized.TableTag;
import j2html.tags.specialized.TrTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.peiling.cli.report.Charts.Axis;
import nl.peiling.cli.report.Charts.Bar;
import nl.peiling.cli.report.Charts.BarGroup;
import nl.peiling.cli.report.Charts.Mark;
import nl.peiling.cli.report.Charts.Series;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.stats.sampling.SampleSize;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.trend.Trend;
import nl.peiling.stats.trend.Trends;

/**
 * A report for people: one self-contained HTML page (styles inline, no scripts, fonts of the reader's
 * system, nothing fetched) with the response barometer, cluster means of the institution beside the
 * nation, answer shares per question and the cluster means per location. Without an institution it is
 * the national report, with the institutions as groups.
 *
 * <p>Immutable: {@link #of} gives the Dutch national report, and each {@code withX(...)} a copy with one
 * thing changed. Titles and question texts come from the edition; a figure that is not shown says why in
 * words ("niet afgenomen", "te weinig respons", "afgeschermd, anders herleidbaar", "geen antwoorden"),
 * never as a number. Colours, arrows and words say better or worse, by each question's polarity.
 *
 * <pre>{@code
 * String html = Report.of(results, edition).withInstitution("10AD").withLanguage(Language.EN).html();
 * }</pre>
 */
public final class Report {

    private static final String INSTITUTION = Scope.INSTITUTION;
    private static final int GROUPS_PER_TABLE = 6;
    private static final String CSS = stylesheet();

    private final Results results;
    private final Edition edition;
    private final Language language;
    private final String institution;
    private final Names names;
    private final SampleSize sampleSize;
    private final Trend trend;

    /** What a report shows, in counts: for messages and tests. */
    public record Contents(String scope, int clusters, int items, int groups, int suppressed) {}

    private Report(
            Results results,
            Edition edition,
            Language language,
            String institution,
            Names names,
            SampleSize sampleSize,
            Trend trend) {
        this.results = results;
        this.edition = edition;
        this.language = language;
        this.institution = institution;
        this.names = names;
        this.sampleSize = sampleSize;
        this.trend = trend;
    }

    /** The national report of these results, in Dutch, with titles and texts from the edition. */
    public static Report of(Results results, Edition edition) {
        return new Report(
                requireNonNull(results, "results"),
                requireNonNull(edition, "edition"),
                Language.NL,
                null,
                Names.none(),
                SampleSize.standard(),
                null);
    }

    /** A copy in another language. */
    public Report withLanguage(Language language) {
        return new Report(
                results, edition, requireNonNull(language, "language"), institution, names, sampleSize, trend);
    }

    /**
     * A copy for one institution beside the nation; null gives the national report.
     *
     * @throws IllegalArgumentException when the results have no figures of that institution
     */
    public Report withInstitution(String code) {
        if (code != null && results.group(Map.of(INSTITUTION, code)).isEmpty()) {
            List<String> known = institutions();
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "institution \"%s\" is not in the results; the results have %s",
                    code,
                    known.isEmpty()
                            ? "no figures per institution (aggregate with --by institution)"
                            : "figures of " + String.join(", ", known)));
        }
        return new Report(results, edition, language, code, names, sampleSize, trend);
    }

    /** A copy that names institutions and locations. */
    public Report withNames(Names names) {
        return new Report(results, edition, language, institution, requireNonNull(names, "names"), sampleSize, trend);
    }

    /** A copy with other response barometer parameters (default: JOB's standard). */
    public Report withSampleSize(SampleSize sampleSize) {
        return new Report(
                results, edition, language, institution, names, requireNonNull(sampleSize, "sampleSize"), trend);
    }

    /**
     * Whether an institution's difference from the nation is notable: significant (p &lt; 0.05) and
     * material, |Cohen's d| at least {@link nl.peiling.stats.trend.Materiality#STANDARD}'s minimum; the
     * rule of the report's "at a glance" list.
     */
    public static boolean notable(BenchmarkFigures benchmark) {
        return Scope.notable(benchmark);
    }

    /**
     * A copy that shows the change since a previous edition's results, per theme and question with a
     * mean (see {@link Trends}: Benjamini–Hochberg adjusted, reworded questions not comparable).
     *
     * @throws IllegalArgumentException when either results lack fingerprints (written by an older peiling)
     */
    public Report withPrevious(Results previous, String previousFile) {
        Trend compared = Trends.standard().compare(requireNonNull(previous, "previous"), previousFile, results, null);
        return new Report(results, edition, language, institution, names, sampleSize, compared);
    }

    /** The institution codes the results have figures of, sorted. */
    public List<String> institutions() {
        Set<String> codes = new TreeSet<>();
        for (GroupResult group : results.groups()) {
            if (group.key().size() == 1 && group.key().containsKey(INSTITUTION)) {
                codes.add(group.key().get(INSTITUTION));
            }
        }
        return List.copyOf(codes);
    }

    /** The institution of the report, or empty for the national report. */
    public Optional<String> institution() {
        return Optional.ofNullable(institution);
    }

    /** The language of the report. */
    public Language language() {
        return language;
    }

    /** What the report shows, in counts. */
    public Contents contents() {
        Scope scope = scope();
        GroupResult own = scope.scope();
        QuestionSection questions = new QuestionSection(scope);
        int clusters = 0;
        int items = 0;
        int suppressed = 0;
        for (Module module : scope.modules()) {
            for (Cluster cluster : module.clusters()) {
                Optional<ClusterFigures> figures = own.cluster(cluster.id());
                if (figures.isPresent()) {
                    clusters++;
                    suppressed += figures.get().suppressed() ? 1 : 0;
                }
            }
            for (Question question : questions.questions(module)) {
                items++;
                suppressed +=
                        own.item(question.id()).map(ItemFigures::suppressed).orElse(false) ? 1 : 0;
            }
        }
        return new Contents(
                institution == null ? "national" : institution,
                clusters,
                items,
                scope.subgroups().size(),
                suppressed);
    }

    /** The report as an HTML document. */
    public String html() {
        Scope scope = scope();
        Words words = scope.words;
        Charts charts = Charts.of(words);
        String title = institution == null
                ? words.get("title.national", results.edition())
                : words.get("title.institution", results.edition(), names.institution(institution));
        String meta = words.get("edition") + " " + results.edition() + " · "
                + words.get(results.weighted() ? "weighted" : "unweighted") + " · "
                + words.get("minN", results.minN());
        return document(TagCreator.html(
                        head(
                                meta().withCharset("utf-8"),
                                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                                meta().withName("generator").withContent("peiling"),
                                title(title),
                                // The stylesheet is a constant resource of this class, not data; it has no '<'.
                                style(rawHtml(CSS))),
                        body(
                                cover(words, title, meta),
                                main(
                                        new ResponseSection(scope, sampleSize).html(charts),
                                        new SummarySection(scope).html(charts),
                                        clusters(scope, charts),
                                        trend == null ? text("") : new TrendSection(scope, trend).html(charts),
                                        new QuestionSection(scope).html(charts),
                                        groups(scope)),
                                footer(p(meta), p(words.get("states.explain", results.minN())))))
                .withLang(language.code()));
    }

    private Scope scope() {
        return new Scope(results, edition, language, institution, names);
    }

    private DomContent cover(Words words, String title, String meta) {
        String subtitle = institution == null
                ? words.get("subtitle.national")
                : words.get("subtitle.institution", names.institution(institution));
        return header(h1(title), p(subtitle).withClass("subtitle"), p(meta).withClass("meta"))
                .withClass("cover");
    }

    private SectionTag clusters(Scope scope, Charts charts) {
        Words words = scope.words;
        GroupResult own = scope.scope();
        Map<String, BenchmarkFigures> benchmarks = scope.benchmarks();
        Axis all = clusterAxis(edition.clusters());
        SectionTag section = section(
                        h2(words.get("clusters")),
                        p(words.get("clusters.explain", axisNumber(words, all.min()), axisNumber(words, all.max()))),
                        charts.meanLegend("legend-means", institution == null ? null : scope.scopeLabel()))
                .withId("clusters")
                .withClass("clusters");
        for (Module module : scope.modules()) {
            List<BarGroup> groups = new ArrayList<>();
            List<Cluster> shown = new ArrayList<>();
            for (Cluster cluster : module.clusters()) {
                if (scope.national().cluster(cluster.id()).isEmpty()) {
                    continue;
                }
                shown.add(cluster);
                List<Bar> bars = new ArrayList<>();
                if (institution != null) {
                    bars.add(bar(
                            scope,
                            scope.scopeLabel(),
                            Series.OWN,
                            own.cluster(cluster.id()),
                            Scope.mark(benchmarks.get("cluster:" + cluster.id()), false)));
                }
                bars.add(bar(
                        scope,
                        words.get("national"),
                        Series.NATIONAL,
                        scope.national().cluster(cluster.id()),
                        Mark.NONE));
                groups.add(new BarGroup(scope.text(cluster.title()), bars));
            }
            if (groups.isEmpty()) {
                continue;
            }
            String moduleTitle = scope.text(module.title());
            section.with(figure(
                            figcaption(h3(moduleTitle)),
                            charts.meanBars(
                                    "clusters-" + module.id(),
                                    words.get("clusters.chart", moduleTitle),
                                    clusterAxis(shown),
                                    groups))
                    .withClass("chart-figure module-clusters"));
        }
        return section;
    }

    private static Bar bar(Scope scope, String label, Series series, Optional<ClusterFigures> figures, Mark mark) {
        String missing = scope.missingCluster(figures);
        if (missing != null) {
            return Bar.missing(label, series, missing);
        }
        ClusterFigures shown = figures.get();
        return new Bar(label, series, shown.mean(), shown.ciLow(), shown.ciHigh(), mark, null);
    }

    private SectionTag groups(Scope scope) {
        Words words = scope.words;
        String dimension = institution == null ? Scope.INSTITUTION : Scope.LOCATION;
        SectionTag section = section(h2(words.get(institution == null ? "byInstitution" : "byLocation")))
                .withId("groups")
                .withClass("groups");
        List<GroupResult> subgroups = scope.subgroups();
        if (subgroups.isEmpty()) {
            return section.with(p(words.get("byGroup.none", words.get(dimension).toLowerCase(Locale.ROOT))));
        }
        Axis all = clusterAxis(edition.clusters());
        section.with(p(words.get("byGroup.explain", axisNumber(words, all.min()), axisNumber(words, all.max()))));
        List<GroupResult> fixed = new ArrayList<>();
        List<String> fixedLabels = new ArrayList<>();
        fixed.add(results.national());
        fixedLabels.add(words.get("national"));
        if (institution != null) {
            fixed.add(scope.scope());
            fixedLabels.add(words.get("wholeInstitution"));
        }
        for (int from = 0; from < subgroups.size(); from += GROUPS_PER_TABLE) {
            List<GroupResult> columns = new ArrayList<>(fixed);
            List<String> labels = new ArrayList<>(fixedLabels);
            for (GroupResult group : subgroups.subList(from, Math.min(subgroups.size(), from + GROUPS_PER_TABLE))) {
                columns.add(group);
                labels.add(scope.groupLabel(group));
            }
            section.with(div(groupTable(scope, columns, labels)).withClass("table-scroll"));
        }
        return section;
    }

    private TableTag groupTable(Scope scope, List<GroupResult> columns, List<String> labels) {
        Words words = scope.words;
        TrTag headRow = tr(th(words.get("theme")));
        for (String label : labels) {
            headRow.with(th(label).withClass("number"));
        }
        var body = tbody();
        TrTag counts = tr(th(words.get("responses")).attr("scope", "row")).withClass("counts");
        for (int c = 0; c < columns.size(); c++) {
            GroupResult group = columns.get(c);
            counts.with(ResponseSection.cell(group.n() == null ? null : words.count(group.n()), scope.missing(group))
                    .attr("data-label", labels.get(c)));
        }
        body.with(counts);
        for (Module module : scope.modules()) {
            List<Cluster> clusters = module.clusters().stream()
                    .filter(c -> scope.national().cluster(c.id()).isPresent())
                    .toList();
            if (clusters.isEmpty()) {
                continue;
            }
            body.with(tr(th(scope.text(module.title())).attr("colspan", Integer.toString(columns.size() + 1)))
                    .withClass("module-row"));
            for (Cluster cluster : clusters) {
                TrTag row = tr(th(scope.text(cluster.title())).attr("scope", "row"));
                for (int c = 0; c < columns.size(); c++) {
                    Optional<ClusterFigures> figures = columns.get(c).cluster(cluster.id());
                    String missing = scope.missingCluster(figures);
                    if (missing != null) {
                        row.with(td(span(missing).withClass("missing"))
                                .withClass("number")
                                .attr(
                                        "data-state",
                                        figures.map(f -> Scope.stateKey(f.figureState(), f.suppressedBecause()))
                                                .orElse("not-administered"))
                                .attr("data-label", labels.get(c)));
                    } else {
                        row.with(td(words.decimal(figures.get().mean(), 2))
                                .withClass("number")
                                .attr("data-label", labels.get(c)));
                    }
                }
                body.with(row);
            }
        }
        return table(thead(headRow), body).withClass("figures group-table stack");
    }

    /** The span of the scales of these clusters' items; 1 to 5 when none is found. */
    private Axis clusterAxis(List<Cluster> clusters) {
        Map<String, Module> modules = new LinkedHashMap<>();
        for (Module module : edition.modules()) {
            module.clusters().forEach(c -> modules.put(c.id(), module));
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Cluster cluster : clusters) {
            Module module = modules.get(cluster.id());
            if (module == null || cluster.items().isEmpty()) {
                continue;
            }
            Optional<Scale> scale = module.question(cluster.items().get(0))
                    .filter(q -> q instanceof ScaleQuestion)
                    .flatMap(q -> module.scale(((ScaleQuestion) q).scale()));
            if (scale.isPresent() && scale.get().max() > scale.get().min()) {
                min = Math.min(min, scale.get().min());
                max = Math.max(max, scale.get().max());
            }
        }
        return min < max ? new Axis(min, max) : new Axis(1, 5);
    }

    private static String axisNumber(Words words, double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : words.decimal(value, 1);
    }

    private static String stylesheet() {
        try (InputStream in = Report.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing beside " + Report.class.getName());
            }
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (css.contains("<")) {
                throw new IllegalStateException("report.css must not contain '<': it is inlined in a <style> element");
            }
            return css;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }
}
