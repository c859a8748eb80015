package nl.peiling.cli.report;

import static j2html.TagCreator.body;
import static j2html.TagCreator.caption;
import static j2html.TagCreator.dd;
import static j2html.TagCreator.div;
import static j2html.TagCreator.dl;
import static j2html.TagCreator.document;
import static j2html.TagCreator.dt;
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
import java.util.HashMap;
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
import nl.peiling.cli.report.Charts.Meter;
import nl.peiling.cli.report.Charts.Series;
import nl.peiling.cli.report.Charts.Shares;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Language;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.stats.sampling.SampleSize;
import nl.peiling.stats.scores.BenchmarkFigures;
import nl.peiling.stats.scores.CaseMix;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.ItemFigures;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.trend.Materiality;

/**
 * A report for people: one self-contained HTML page (styles inline, no scripts, fonts of the reader's
 * system, nothing fetched) with the response barometer, cluster means of the institution beside the
 * nation, answer shares per question and the cluster means per location. Without an institution it is
 * the national report, with the institutions as groups.
 *
 * <p>Immutable: {@link #of} gives the Dutch national report, and each {@code withX(...)} a copy with one
 * thing changed. Titles and question texts come from the edition; figures the results withhold are shown
 * as "te weinig respons" ("too few responses"), never as zero.
 *
 * <pre>{@code
 * String html = Report.of(results, edition).withInstitution("10AD").withLanguage(Language.EN).html();
 * }</pre>
 */
public final class Report {

    private static final String INSTITUTION = "institution";
    private static final String LOCATION = "location";
    private static final int GROUPS_PER_TABLE = 6;
    private static final Set<String> SHARE_TYPES = Set.of("scale", "grade");
    private static final String CSS = stylesheet();

    private final Results results;
    private final Edition edition;
    private final Language language;
    private final String institution;
    private final Names names;
    private final SampleSize sampleSize;

    /** What a report shows, in counts: for messages and tests. */
    public record Contents(String scope, int clusters, int items, int groups, int suppressed) {}

    private Report(
            Results results,
            Edition edition,
            Language language,
            String institution,
            Names names,
            SampleSize sampleSize) {
        this.results = results;
        this.edition = edition;
        this.language = language;
        this.institution = institution;
        this.names = names;
        this.sampleSize = sampleSize;
    }

    /** The national report of these results, in Dutch, with titles and texts from the edition. */
    public static Report of(Results results, Edition edition) {
        return new Report(
                requireNonNull(results, "results"),
                requireNonNull(edition, "edition"),
                Language.NL,
                null,
                Names.none(),
                SampleSize.standard());
    }

    /** A copy in another language. */
    public Report withLanguage(Language language) {
        return new Report(results, edition, requireNonNull(language, "language"), institution, names, sampleSize);
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
        return new Report(results, edition, language, code, names, sampleSize);
    }

    /** A copy that names institutions and locations. */
    public Report withNames(Names names) {
        return new Report(results, edition, language, institution, requireNonNull(names, "names"), sampleSize);
    }

    /** A copy with other response barometer parameters (default: JOB's standard). */
    public Report withSampleSize(SampleSize sampleSize) {
        return new Report(results, edition, language, institution, names, requireNonNull(sampleSize, "sampleSize"));
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
        GroupResult scope = scope();
        int clusters = 0;
        int items = 0;
        int suppressed = 0;
        for (Module module : modules()) {
            for (Cluster cluster : module.clusters()) {
                Optional<ClusterFigures> figures = scope.cluster(cluster.id());
                if (figures.isPresent()) {
                    clusters++;
                    suppressed += figures.get().suppressed() ? 1 : 0;
                }
            }
            for (ItemFigures item : shareItems(module)) {
                items++;
                suppressed += item.suppressed() ? 1 : 0;
            }
        }
        return new Contents(
                institution == null ? "national" : institution,
                clusters,
                items,
                subgroups().size(),
                suppressed);
    }

    /** The report as an HTML document. */
    public String html() {
        Words words = Words.in(language);
        Charts charts = Charts.of(words);
        String title = institution == null
                ? words.get("title.national", results.edition())
                : words.get("title.institution", results.edition(), names.institution(institution));
        return document(TagCreator.html(
                        head(
                                meta().withCharset("utf-8"),
                                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                                meta().withName("generator").withContent("peiling"),
                                title(title),
                                // The stylesheet is a constant resource of this class, not data; it has no '<'.
                                style(rawHtml(CSS))),
                        body(
                                cover(words, title),
                                main(
                                        response(words, charts),
                                        summary(words),
                                        clusters(words, charts),
                                        items(words, charts),
                                        groups(words)),
                                footer(p(words.get("edition") + " " + results.edition() + " · "
                                        + words.get(results.weighted() ? "weighted" : "unweighted") + " · "
                                        + words.get("minN", results.minN())))))
                .withLang(language.code()));
    }

    private DomContent cover(Words words, String title) {
        String subtitle = institution == null
                ? words.get("subtitle.national")
                : words.get("subtitle.institution", names.institution(institution) + " (" + institution + ")");
        return header(
                        h1(title),
                        p(subtitle).withClass("subtitle"),
                        p(words.get("edition") + " " + results.edition() + " · "
                                        + words.get(results.weighted() ? "weighted" : "unweighted") + " · "
                                        + words.get("minN", results.minN()))
                                .withClass("meta"))
                .withClass("cover");
    }

    private SectionTag response(Words words, Charts charts) {
        GroupResult scope = scope();
        Long population = scope.population();
        Long net = population == null || population < 1 ? null : sampleSize.net(population);
        Long n = scope.suppressed() ? null : scope.n();
        SectionTag section =
                section(h2(words.get("response"))).withId("response").withClass("response");
        section.with(dl(
                        keyFigure(words.get("responses"), n == null ? null : words.count(n)),
                        keyFigure(words.get("population"), population == null ? null : words.count(population)),
                        keyFigure(words.get("net"), net == null ? null : words.count(net)),
                        keyFigure(
                                words.get("percentOfNet"),
                                n == null || net == null ? null : words.percent(n / (double) net)))
                .withClass("key-figures"));
        section.with(p(words.get("barometer.explain", words.decimal(sampleSize.margin(), 0), sampleSize.confidence())));
        List<GroupResult> subgroups = subgroups();
        List<Meter> meters = new ArrayList<>();
        if (institution != null) {
            meters.add(meter(names.shortName(institution), scope));
        }
        for (GroupResult group : subgroups) {
            meters.add(meter(groupLabel(group), group));
        }
        if (!meters.isEmpty()) {
            String heading = words.get(institution == null ? "perInstitution" : "perLocation");
            section.with(
                    h3(words.get("barometer")),
                    figure(charts.barometer("barometer", words.get("barometer.chart"), meters))
                            .withClass("chart-figure"));
            TableTag table = table(
                            caption(heading),
                            thead(tr(
                                    th(words.get(institution == null ? "institution" : "location")),
                                    th(words.get("population")).withClass("number"),
                                    th(words.get("responses")).withClass("number"),
                                    th(words.get("net")).withClass("number"),
                                    th(words.get("percentOfNet")).withClass("number"))))
                    .withClass("figures response-table");
            List<GroupResult> rows = new ArrayList<>();
            rows.add(scope);
            rows.addAll(subgroups);
            var body = tbody();
            for (GroupResult group : rows) {
                Long groupPopulation = group.population();
                Long groupNet = groupPopulation == null || groupPopulation < 1 ? null : sampleSize.net(groupPopulation);
                Long groupN = group.suppressed() ? null : group.n();
                body.with(tr(
                                th(group == scope ? scopeLabel(words) : groupLabel(group))
                                        .attr("scope", "row"),
                                numberCell(words, groupPopulation == null ? null : words.count(groupPopulation), false),
                                numberCell(words, groupN == null ? null : words.count(groupN), group.suppressed()),
                                numberCell(words, groupNet == null ? null : words.count(groupNet), false),
                                numberCell(
                                        words,
                                        groupN == null || groupNet == null
                                                ? null
                                                : words.percent(groupN / (double) groupNet),
                                        group.suppressed()))
                        .withCondClass(group == scope, "total"));
            }
            section.with(table.with(body));
        } else if (population == null) {
            section.with(p(words.get("barometer.noPopulation")));
        }
        return section;
    }

    private static DomContent keyFigure(String label, String value) {
        return div(dt(label), value == null ? dd(span("–").withClass("unknown")) : dd(value))
                .withClass("key-figure");
    }

    private static DomContent numberCell(Words words, String value, boolean suppressed) {
        if (suppressed) {
            return td(span(words.get("tooFew")).withClass("suppressed")).withClass("number");
        }
        return td(value == null ? "–" : value).withClass("number");
    }

    private Meter meter(String label, GroupResult group) {
        Long population = group.population();
        return new Meter(
                label,
                group.suppressed() ? null : group.n(),
                population == null || population < 1 ? null : sampleSize.net(population));
    }

    private SectionTag clusters(Words words, Charts charts) {
        GroupResult scope = scope();
        GroupResult national = results.national();
        Map<String, BenchmarkFigures> benchmarks = benchmarks();
        Axis all = clusterAxis(edition.clusters());
        SectionTag section = section(
                        h2(words.get("clusters")),
                        p(words.get("clusters.explain", axisNumber(words, all.min()), axisNumber(words, all.max()))),
                        charts.meanLegend("legend-means", institution == null ? null : names.shortName(institution)))
                .withId("clusters")
                .withClass("clusters");
        for (Module module : modules()) {
            List<BarGroup> groups = new ArrayList<>();
            List<Cluster> shown = new ArrayList<>();
            for (Cluster cluster : module.clusters()) {
                if (scope.cluster(cluster.id()).isEmpty()) {
                    continue;
                }
                shown.add(cluster);
                List<Bar> bars = new ArrayList<>();
                if (institution != null) {
                    BenchmarkFigures benchmark = benchmarks.get("cluster:" + cluster.id());
                    bars.add(bar(
                            names.shortName(institution),
                            Series.OWN,
                            scope.cluster(cluster.id()).get(),
                            mark(benchmark)));
                }
                bars.add(national.cluster(cluster.id())
                        .map(f -> bar(words.get("national"), Series.NATIONAL, f, Mark.NONE))
                        .orElse(new Bar(words.get("national"), Series.NATIONAL, null, null, null, Mark.NONE)));
                groups.add(new BarGroup(cluster.title().in(language.code()), bars));
            }
            if (groups.isEmpty()) {
                continue;
            }
            String moduleTitle = module.title().in(language.code());
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

    /**
     * The themes on which the institution differs notably from the nation (significant and at least the
     * materiality minimum), and the comparison with students of the same case mix; nothing in the national
     * report.
     */
    private DomContent summary(Words words) {
        if (institution == null) {
            return text("");
        }
        Map<String, BenchmarkFigures> benchmarks = benchmarks();
        return section(h2(words.get("summary")), differences(words, benchmarks), caseMix(words, benchmarks))
                .withId("summary")
                .withClass("summary");
    }

    /**
     * Per theme: the institution's mean beside the mean expected from the rest of the nation's students
     * in the same case-mix cells (level × pathway by default), and whether the difference is significant.
     */
    private DomContent caseMix(Words words, Map<String, BenchmarkFigures> benchmarks) {
        var body = tbody();
        int rows = 0;
        for (Module module : modules()) {
            for (Cluster cluster : module.clusters()) {
                BenchmarkFigures benchmark = benchmarks.get("cluster:" + cluster.id());
                CaseMix mix = benchmark == null ? null : benchmark.caseMix();
                if (mix == null) {
                    continue;
                }
                rows++;
                String mark = !Boolean.TRUE.equals(mix.significant())
                        ? ""
                        : words.get(mix.difference() > 0 ? "caseMix.higher" : "caseMix.lower");
                body.with(tr(
                        th(cluster.title().in(language.code())).attr("scope", "row"),
                        td(words.decimal(benchmark.own(), 2)).withClass("number"),
                        td(benchmark.national() == null ? "–" : words.decimal(benchmark.national(), 2))
                                .withClass("number"),
                        td(words.decimal(mix.expected(), 2)).withClass("number"),
                        td(signed(words, mix.difference()) + (mark.isEmpty() ? "" : " " + mark))
                                .withClass("number"),
                        td(words.percent(mix.coverage())).withClass("number")));
            }
        }
        if (rows == 0) {
            return text("");
        }
        String factors = results.caseMixFactors().stream()
                .map(factor -> words.get("caseMix." + factor))
                .collect(java.util.stream.Collectors.joining(words.get("caseMix.and")));
        return div(
                        h3(words.get("caseMix", factors)),
                        p(words.get("caseMix.explain", factors)),
                        table(
                                        thead(tr(
                                                th(words.get("caseMix.theme")),
                                                th(words.get("caseMix.own")).withClass("number"),
                                                th(words.get("national")).withClass("number"),
                                                th(words.get("caseMix.expected"))
                                                        .withClass("number"),
                                                th(words.get("caseMix.difference"))
                                                        .withClass("number"),
                                                th(words.get("caseMix.coverage"))
                                                        .withClass("number"))),
                                        body)
                                .withClass("case-mix"))
                .withClass("case-mix-comparison");
    }

    private static String signed(Words words, double value) {
        return (value > 0 ? "+" : value < 0 ? "−" : "") + words.decimal(Math.abs(value), 2);
    }

    private DomContent differences(Words words, Map<String, BenchmarkFigures> benchmarks) {
        List<String> higher = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        for (Module module : modules()) {
            for (Cluster cluster : module.clusters()) {
                BenchmarkFigures benchmark = benchmarks.get("cluster:" + cluster.id());
                Mark mark = material(benchmark) ? mark(benchmark) : Mark.NONE;
                if (mark == Mark.HIGHER) {
                    higher.add(cluster.title().in(language.code()));
                } else if (mark == Mark.LOWER) {
                    lower.add(cluster.title().in(language.code()));
                }
            }
        }
        if (higher.isEmpty() && lower.isEmpty()) {
            return p(words.get("summary.none")).withClass("differences");
        }
        var list = dl().withClass("differences");
        if (!higher.isEmpty()) {
            list.with(div(dt(words.get("summary.higher")), dd(String.join(" · ", higher)))
                    .withClass("higher"));
        }
        if (!lower.isEmpty()) {
            list.with(div(dt(words.get("summary.lower")), dd(String.join(" · ", lower)))
                    .withClass("lower"));
        }
        return list;
    }

    private SectionTag items(Words words, Charts charts) {
        GroupResult scope = scope();
        GroupResult national = results.national();
        Map<String, BenchmarkFigures> benchmarks = benchmarks();
        String own = institution == null ? null : names.shortName(institution);
        SectionTag section = section(h2(words.get("items")), p(words.get("items.explain")), charts.sharesLegend(own))
                .withId("items")
                .withClass("items");
        for (Module module : modules()) {
            List<ItemFigures> shown = shareItems(module);
            if (shown.isEmpty()) {
                continue;
            }
            var block = div(h3(module.title().in(language.code()))).withClass("module-items");
            for (ItemFigures item : shown) {
                String text = edition.question(item.id())
                        .map(q -> q.text().in(language.code()))
                        .orElse(item.id());
                List<Shares> rows = new ArrayList<>();
                if (institution != null) {
                    rows.add(shares(own, Series.OWN, item, mark(benchmarks.get("item:" + item.id()))));
                }
                rows.add(national.item(item.id())
                        .map(f -> shares(words.get("national"), Series.NATIONAL, f, Mark.NONE))
                        .orElse(new Shares(words.get("national"), Series.NATIONAL, null, null, null, null, Mark.NONE)));
                block.with(figure(
                                figcaption(
                                        span(text).withClass("question"),
                                        span(item.id()).withClass("item-id")),
                                charts.stackedBars("item-" + item.id(), text, rows))
                        .withClass("chart-figure item"));
            }
            section.with(block);
        }
        return section;
    }

    private SectionTag groups(Words words) {
        String dimension = institution == null ? INSTITUTION : LOCATION;
        SectionTag section = section(h2(words.get(institution == null ? "byInstitution" : "byLocation")))
                .withId("groups")
                .withClass("groups");
        List<GroupResult> subgroups = subgroups();
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
            fixed.add(scope());
            fixedLabels.add(words.get("wholeInstitution"));
        }
        for (int from = 0; from < subgroups.size(); from += GROUPS_PER_TABLE) {
            List<GroupResult> columns = new ArrayList<>(fixed);
            List<String> labels = new ArrayList<>(fixedLabels);
            for (GroupResult group : subgroups.subList(from, Math.min(subgroups.size(), from + GROUPS_PER_TABLE))) {
                columns.add(group);
                labels.add(groupLabel(group));
            }
            section.with(groupTable(words, columns, labels));
        }
        return section;
    }

    private TableTag groupTable(Words words, List<GroupResult> columns, List<String> labels) {
        TrTag headRow = tr(th(words.get("theme")));
        for (String label : labels) {
            headRow.with(th(label).withClass("number"));
        }
        var body = tbody();
        TrTag counts = tr(th(words.get("responses")).attr("scope", "row")).withClass("counts");
        for (GroupResult group : columns) {
            counts.with(numberCell(words, group.n() == null ? null : words.count(group.n()), group.suppressed()));
        }
        body.with(counts);
        for (Module module : modules()) {
            List<Cluster> clusters = module.clusters().stream()
                    .filter(c -> scope().cluster(c.id()).isPresent())
                    .toList();
            if (clusters.isEmpty()) {
                continue;
            }
            body.with(tr(th(module.title().in(language.code())).attr("colspan", Integer.toString(columns.size() + 1)))
                    .withClass("module-row"));
            for (Cluster cluster : clusters) {
                TrTag row = tr(th(cluster.title().in(language.code())).attr("scope", "row"));
                for (GroupResult group : columns) {
                    Optional<ClusterFigures> figures = group.cluster(cluster.id());
                    if (figures.isEmpty()
                            || figures.get().suppressed()
                            || figures.get().mean() == null) {
                        row.with(numberCell(words, null, true));
                    } else {
                        row.with(td(words.decimal(figures.get().mean(), 2)).withClass("number"));
                    }
                }
                body.with(row);
            }
        }
        return table(thead(headRow), body).withClass("figures group-table");
    }

    private static Bar bar(String label, Series series, ClusterFigures figures, Mark mark) {
        if (figures.suppressed() || figures.mean() == null) {
            return new Bar(label, series, null, null, null, Mark.NONE);
        }
        return new Bar(label, series, figures.mean(), figures.ciLow(), figures.ciHigh(), mark);
    }

    private static Shares shares(String label, Series series, ItemFigures figures, Mark mark) {
        if (figures.suppressed() || figures.positive() == null) {
            return new Shares(label, series, null, null, null, null, Mark.NONE);
        }
        return new Shares(
                label, series, figures.negative(), figures.neutral(), figures.positive(), figures.mean(), mark);
    }

    /**
     * Whether a difference is large enough to be notable: |Cohen's d| at least the {@link
     * Materiality#STANDARD} minimum, so that a trivial difference of a large institution is not listed.
     */
    private static boolean material(BenchmarkFigures benchmark) {
        return benchmark != null
                && benchmark.cohensD() != null
                && Math.abs(benchmark.cohensD()) >= Materiality.STANDARD.minCohensD();
    }

    private static Mark mark(BenchmarkFigures benchmark) {
        if (benchmark == null
                || benchmark.suppressed()
                || !Boolean.TRUE.equals(benchmark.significant())
                || benchmark.difference() == null
                || benchmark.difference() == 0) {
            return Mark.NONE;
        }
        return benchmark.difference() > 0 ? Mark.HIGHER : Mark.LOWER;
    }

    private Map<String, BenchmarkFigures> benchmarks() {
        Map<String, BenchmarkFigures> own = new HashMap<>();
        if (institution != null) {
            for (BenchmarkFigures benchmark : results.benchmarks()) {
                if (benchmark.institution().equals(institution)) {
                    own.put(benchmark.kind() + ":" + benchmark.id(), benchmark);
                }
            }
        }
        return own;
    }

    /** The group the report is about: the institution, or the nation. */
    private GroupResult scope() {
        return institution == null
                ? results.national()
                : results.group(Map.of(INSTITUTION, institution)).orElseThrow();
    }

    /** The institution's locations, or in the national report the institutions. */
    private List<GroupResult> subgroups() {
        List<GroupResult> groups = new ArrayList<>();
        for (GroupResult group : results.groups()) {
            Map<String, String> key = group.key();
            if (institution == null) {
                if (key.size() == 1 && key.containsKey(INSTITUTION)) {
                    groups.add(group);
                }
            } else if (key.size() == 2 && institution.equals(key.get(INSTITUTION)) && key.containsKey(LOCATION)) {
                groups.add(group);
            }
        }
        return groups;
    }

    private String scopeLabel(Words words) {
        return institution == null ? words.get("national") : names.shortName(institution);
    }

    private String groupLabel(GroupResult group) {
        String code = group.key().get(INSTITUTION);
        if (group.key().containsKey(LOCATION)) {
            String location = group.key().get(LOCATION);
            String name = names.location(code, location);
            return name == null ? Words.in(language).get("location") + " " + location : name + " (" + location + ")";
        }
        return names.shortName(code);
    }

    /** The edition's modules the report's group has figures of, in questionnaire order. */
    private List<Module> modules() {
        GroupResult scope = scope();
        List<Module> modules = new ArrayList<>();
        for (Module module : edition.modules()) {
            boolean present = module.clusters().stream()
                            .anyMatch(c -> scope.cluster(c.id()).isPresent())
                    || module.questions().stream()
                            .anyMatch(q -> scope.item(q.id()).isPresent());
            if (present) {
                modules.add(module);
            }
        }
        return modules;
    }

    /** The scope's items of a module that have negative / neutral / positive shares, in questionnaire order. */
    private List<ItemFigures> shareItems(Module module) {
        GroupResult scope = scope();
        List<ItemFigures> items = new ArrayList<>();
        for (Question question : module.questions()) {
            scope.item(question.id())
                    .filter(i -> SHARE_TYPES.contains(i.type()))
                    .ifPresent(items::add);
        }
        return items;
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
