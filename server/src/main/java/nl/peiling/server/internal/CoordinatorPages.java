package nl.peiling.server.internal;

import static j2html.TagCreator.a;
import static j2html.TagCreator.caption;
import static j2html.TagCreator.code;
import static j2html.TagCreator.div;
import static j2html.TagCreator.figcaption;
import static j2html.TagCreator.figure;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.img;
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
import static java.nio.charset.StandardCharsets.UTF_8;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.TbodyTag;
import java.net.URLEncoder;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Location;
import nl.peiling.core.io.Csv;
import nl.peiling.server.internal.PageHandler.Form;
import nl.peiling.server.internal.PageHandler.Origin;
import nl.peiling.server.internal.PageHandler.PageReply;

/**
 * A school coordinator's page, one per institution at {@code /c/{institution}/{key}} with the key of
 * {@link PageKeys#coordinatorKey}: the live response barometer per location (the service's one
 * barometer, SPEC section 4), the same as CSV, a QR code of the questionnaire link of the institution and
 * of each location, and the test links. It shows counts only, never a respondent.
 */
final class CoordinatorPages {

    private static final List<String> CSV_COLUMNS =
            List.of("institution", "location", "population", "responses", "net", "gross", "percentOfNet", "reached");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneId.of("UTC"));

    private final SessionService service;
    private final PageKeys keys;
    private final Map<String, Institution> institutions = new LinkedHashMap<>();

    CoordinatorPages(SessionService service, PageKeys keys, List<Institution> institutions) {
        this.service = service;
        this.keys = keys;
        institutions.forEach(i -> this.institutions.put(i.code(), i));
    }

    /** The coordinator's page ({@code rest} empty), {@code barometer.csv} or {@code qr.svg?location=…}. */
    PageReply route(String code, String key, String rest, Form query, Origin origin) throws SQLException {
        Institution institution = institutions.get(code);
        if (institution == null || !keys.isCoordinatorKey(code, key)) {
            // The same answer for an unknown institution and a wrong key: nothing to probe.
            throw ApiException.of(404, "not-found", "there is no coordinator page at this address");
        }
        String language = "en".equals(query.first("lang")) ? "en" : "nl";
        switch (rest) {
            case "":
                return PageReply.html(200, page(institution, key, language, origin));
            case "barometer.csv":
                return new PageReply(
                        200, "text/csv; charset=utf-8", csv(rows(code)).getBytes(UTF_8), null, null);
            case "qr.svg":
                String location = query.first("location");
                if (location != null && institution.location(location).isEmpty()) {
                    throw ApiException.of(404, "not-found", "no such location of this institution");
                }
                String svg = QrSvg.of(origin.base() + startPath(code, location));
                return new PageReply(200, "image/svg+xml; charset=utf-8", svg.getBytes(UTF_8), null, null);
            default:
                throw ApiException.of(404, "not-found", "there is nothing at this address");
        }
    }

    /** The address of an institution's coordinator page. */
    static String selfPath(String institution, String key) {
        return "/c/" + url(institution) + "/" + key;
    }

    /** The public start link of an institution, or of one of its locations. */
    static String startPath(String institution, String location) {
        return "/?institution=" + url(institution) + (location == null ? "" : "&location=" + url(location));
    }

    /** The institution's barometer rows (its total and its locations), or null without a population. */
    private List<Map<String, Object>> rows(String code) throws SQLException {
        List<Map<String, Object>> all;
        try {
            all = rowsOf(service.barometer().body());
        } catch (ApiException e) {
            if (e.status() == 409) {
                return null;
            }
            throw e;
        }
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> row : all) {
            if (code.equals(row.get("institution"))) {
                mine.add(row);
            }
        }
        return mine;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rowsOf(Map<String, Object> barometer) {
        return (List<Map<String, Object>>) barometer.get("rows");
    }

    private static String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        if (rows != null) {
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String column : CSV_COLUMNS) {
                    Object value = row.get(column);
                    cells.add(Csv.quote(value == null ? "" : value.toString()));
                }
                out.append(String.join(",", cells)).append('\n');
            }
        }
        return out.toString();
    }

    private String page(Institution institution, String key, String language, Origin origin) throws SQLException {
        String code = institution.code();
        String self = selfPath(code, key);
        PageFrame frame = new PageFrame(language, false, service.notice().orElse(null));
        String title = PageWords.COORDINATOR_TITLE.in(language, institution.shortName());
        DivTag content = div(h1(title), p(institution.name()));

        List<Map<String, Object>> rows = rows(code);
        var barometer = section(h2(PageWords.BAROMETER_HEADING.in(language)).withId("barometer"))
                .attr("aria-labelledby", "barometer");
        if (rows == null) {
            barometer.with(p(PageWords.NO_POPULATION.in(language)));
        } else {
            barometer.with(p(PageWords.BAROMETER_INTRO.in(language, TIME.format(Instant.now()))));
            TbodyTag body = tbody();
            for (Map<String, Object> row : rows) {
                String location = (String) row.get("location");
                String name = location == null
                        ? PageWords.TOTAL.in(language)
                        : institution
                                .location(location)
                                .map(l -> l.name().equals(location) ? location : l.name() + " (" + location + ")")
                                .orElse(location);
                body.with(tr(
                                th(name).attr("scope", "row"),
                                td(row.get("population").toString()),
                                td(row.get("responses").toString()).withClass("responses"),
                                td(row.get("net").toString()),
                                td(String.format(
                                        Locale.ROOT, "%.1f", ((Number) row.get("percentOfNet")).doubleValue())),
                                td(
                                        Boolean.TRUE.equals(row.get("reached"))
                                                ? PageWords.YES.in(language)
                                                : PageWords.NO.in(language)))
                        .withClass(location == null ? "total" : "location")
                        .attr("data-location", location == null ? "" : location));
            }
            barometer.with(div(table(
                                    caption(PageWords.BAROMETER_HEADING.in(language)),
                                    thead(tr(
                                            th(PageWords.LOCATION.in(language)).attr("scope", "col"),
                                            th(PageWords.POPULATION.in(language))
                                                    .attr("scope", "col"),
                                            th(PageWords.RESPONSES.in(language)).attr("scope", "col"),
                                            th(PageWords.NET.in(language)).attr("scope", "col"),
                                            th(PageWords.PERCENT.in(language)).attr("scope", "col"),
                                            th(PageWords.REACHED.in(language)).attr("scope", "col"))),
                                    body)
                            .withId("barometer-table"))
                    .withClass("table-wrap"));
        }
        barometer.with(ul(
                        li(a(PageWords.CSV.in(language))
                                .withHref(self + "/barometer.csv")
                                .attr("download", "barometer.csv")),
                        li(a(PageWords.REFRESH.in(language))
                                .withHref(self + (language.equals("en") ? "?lang=en" : ""))))
                .withClass("actions"));
        content.with(barometer);

        var qr = div().withClass("qr-list");
        qr.with(qrFigure(self, origin, code, null, PageWords.WHOLE_INSTITUTION.in(language), language));
        for (Location location : institution.locations()) {
            qr.with(qrFigure(self, origin, code, location.code(), location.name(), language));
        }
        content.with(
                section(h2(PageWords.QR_HEADING.in(language)).withId("qr"), qr).attr("aria-labelledby", "qr"));

        var tests = ul();
        for (Location location : institution.locations()) {
            String link = origin.base() + Invitation.test(code, location.code()).path(keys);
            tests.with(li(text(location.name() + ": "), a(link).withHref(link).withClass("test-link")));
        }
        content.with(section(
                        h2(PageWords.TEST_HEADING.in(language)).withId("tests"),
                        p(PageWords.TEST_INTRO.in(language)),
                        tests)
                .attr("aria-labelledby", "tests"));
        return frame.render(title, false, content);
    }

    private static j2html.tags.DomContent qrFigure(
            String self, Origin origin, String code, String location, String name, String language) {
        String link = origin.base() + startPath(code, location);
        String svg = self + "/qr.svg" + (location == null ? "" : "?location=" + url(location));
        return figure(
                        img().withSrc(svg)
                                .withAlt(PageWords.QR_ALT.in(language, link))
                                .attr("width", "160")
                                .attr("height", "160")
                                .withClass("qr"),
                        figcaption(
                                p(name),
                                p(code(link)).withClass("link"),
                                p(a(PageWords.QR_DOWNLOAD.in(language))
                                        .withHref(svg)
                                        .attr("download", "qr.svg"))))
                .attr("data-link", link);
    }

    private static String url(String text) {
        return URLEncoder.encode(text, UTF_8);
    }
}
