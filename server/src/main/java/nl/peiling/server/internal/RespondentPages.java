package nl.peiling.server.internal;

import static j2html.TagCreator.a;
import static j2html.TagCreator.button;
import static j2html.TagCreator.div;
import static j2html.TagCreator.each;
import static j2html.TagCreator.fieldset;
import static j2html.TagCreator.form;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.h2;
import static j2html.TagCreator.input;
import static j2html.TagCreator.label;
import static j2html.TagCreator.legend;
import static j2html.TagCreator.li;
import static j2html.TagCreator.p;
import static j2html.TagCreator.section;
import static j2html.TagCreator.span;
import static j2html.TagCreator.tag;
import static j2html.TagCreator.ul;

import com.fasterxml.jackson.databind.node.ObjectNode;
import j2html.tags.DomContent;
import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.FormTag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.model.Edition;
import nl.peiling.server.internal.PageHandler.Form;
import nl.peiling.server.internal.PageHandler.PageReply;
import nl.peiling.server.internal.SessionView.Item;

/**
 * The respondent's pages: the start page, one page of questions at a time, and the finish page. Every
 * change goes through the same {@link SessionService} calls as the JSON API (login, answer, clear,
 * finish); a GET only reads, so a link a scanner opened first works unchanged for the student.
 */
final class RespondentPages {

    /** The hidden field that lists the questions a submitted form carried. */
    static final String SHOWN = "shown";

    private final SessionService service;
    private final PageKeys keys;
    private final Map<String, Institution> institutions;
    private final QuestionFields fields;

    RespondentPages(SessionService service, PageKeys keys, List<Institution> institutions, Edition edition) {
        this.service = service;
        this.keys = keys;
        this.institutions = institutions.stream()
                .collect(Collectors.toMap(Institution::code, i -> i, (x, y) -> x, LinkedHashMap::new));
        this.fields = new QuestionFields(edition);
    }

    // ---------------------------------------------------------------------------------- start

    /** {@code GET /}: what is stored and who sees it, and the start button of the student's link. */
    PageReply start(Form query) {
        String link = query.first("i");
        Optional<Invitation> invitation = link == null ? Optional.empty() : Invitation.decode(link, keys);
        if (link != null && invitation.isEmpty()) {
            return badLink(query.first("lang"));
        }
        String language = language(
                query.first("lang"), invitation.map(Invitation::language).orElse("nl"));
        String other = language.equals("nl") ? "en" : "nl";
        PageFrame frame =
                new PageFrame(language, invitation.map(Invitation::test).orElse(false), notice());
        Institution named = institutions.get(query.first("institution") == null ? "" : query.first("institution"));
        String heading = PageWords.START_HEADING.in(language) + (named == null ? "" : ": " + named.shortName());
        DivTag content = div(
                h1(heading),
                p(PageWords.START_INTRO.in(language)),
                section(
                                h2(PageWords.PRIVACY_HEADING.in(language)).withId("privacy"),
                                p(PageWords.PRIVACY_STORED.in(language)),
                                p(PageWords.PRIVACY_SEEN.in(language)),
                                p(PageWords.PRIVACY_LOGIN.in(language)))
                        .attr("aria-labelledby", "privacy"));
        if (invitation.isEmpty()) {
            content.with(p(PageWords.NO_LINK.in(language)).withClass("lead"));
            String switched = "/?lang=" + other + (named == null ? "" : "&institution=" + url(named.code()));
            content.with(p(
                    a(PageWords.LANGUAGE_SWITCH.in(language)).withHref(switched).attr("lang", other)));
            return PageReply.html(200, frame.render(PageWords.TITLE.in(language), false, content));
        }
        Invitation chosen = invitation.get();
        FormTag start = form().withMethod("post")
                .withAction("/start")
                .with(
                        input().withType("hidden").withName("i").withValue(link),
                        input().withType("hidden").withName("lang").withValue(language));
        if (chosen.enrolments().size() > 1) {
            DivTag options = div().withClass("options");
            for (int e = 0; e < chosen.enrolments().size(); e++) {
                Invitation.Enrolment enrolment = chosen.enrolments().get(e);
                Institution institution = institutions.get(enrolment.institution());
                String name = institution == null
                        ? enrolment.institution()
                        : institution.shortName()
                                + institution
                                        .location(enrolment.location())
                                        .map(l -> " – " + l.name())
                                        .orElse("");
                var box =
                        input().withType("radio").withName("e").withId("e" + e).withValue(Integer.toString(e));
                if (e == 0) {
                    box.attr("checked", "checked");
                }
                options.with(label(box, span(name)).withFor("e" + e).withClass("option"));
            }
            start.with(fieldset(legend(PageWords.CHOOSE_LEGEND.in(language)), options));
        } else {
            start.with(input().withType("hidden").withName("e").withValue("0"));
        }
        start.with(button(PageWords.START.in(language)).withType("submit").withClass("primary"));
        content.with(start);
        content.with(p(a(PageWords.LANGUAGE_SWITCH.in(language))
                .withHref("/?i=" + url(link) + "&lang=" + other)
                .attr("lang", other)));
        return PageReply.html(200, frame.render(PageWords.TITLE.in(language), false, content));
    }

    /** {@code POST /start}: the login (a second one resumes the same session), then the questions. */
    PageReply begin(Form form) throws SQLException {
        String link = form.first("i");
        Optional<Invitation> invitation = link == null ? Optional.empty() : Invitation.decode(link, keys);
        if (invitation.isEmpty()) {
            return badLink(form.first("lang"));
        }
        Invitation chosen = invitation.get();
        int enrolment;
        try {
            enrolment = Integer.parseInt(form.first("e") == null ? "0" : form.first("e"));
        } catch (NumberFormatException e) {
            enrolment = -1;
        }
        if (enrolment < 0 || enrolment >= chosen.enrolments().size()) {
            return badLink(chosen.language());
        }
        String key = chosen.test() ? "test-" + Tokens.next() : chosen.respondent();
        String language = language(form.first("lang"), chosen.language());
        ObjectNode login = chosen.login(enrolment, key, language);
        String token = (String) service.login(login).body().get("session");
        return PageReply.redirect("/s/" + token);
    }

    // ------------------------------------------------------------------------------- questions

    /** {@code GET /s/{token}}: on to where the student left off. */
    PageReply resume(String token) throws SQLException {
        SessionView view = view(token);
        return view.finished() ? done(view) : PageReply.redirect("/s/" + token + "/" + view.resumePage());
    }

    /** {@code GET /s/{token}/{page}}: one page of questions. */
    PageReply page(String token, int page) throws SQLException {
        SessionView view = view(token);
        if (view.finished()) {
            return PageReply.redirect("/s/" + token + "/done");
        }
        if (!view.shows(page)) {
            return PageReply.redirect("/s/" + token + "/" + view.resumePage());
        }
        return PageReply.html(200, render(view, page, Map.of(), Map.of()));
    }

    /**
     * {@code POST /s/{token}/{page}}: stores the page's answers one by one through the service, then goes
     * back, on, or to the finish; the same page again when an answer showed a question on it (routing
     * without the script), or with the refused answers' messages.
     */
    PageReply submit(String token, int page, Form form) throws SQLException {
        SessionView before = view(token);
        if (before.finished()) {
            return PageReply.redirect("/s/" + token + "/done");
        }
        if (page < 1 || page > before.pages().size()) {
            return PageReply.redirect("/s/" + token + "/" + before.resumePage());
        }
        List<String> carried = form.all(SHOWN);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> submitted = new HashMap<>();
        for (Item item : before.page(page)) {
            if (!carried.contains(item.id())) {
                continue;
            }
            String value =
                    form.all(item.id()).stream().filter(v -> !v.isEmpty()).collect(Collectors.joining("|"));
            if (value.equals(item.answer() == null ? "" : item.answer())) {
                continue;
            }
            try {
                if (value.isEmpty()) {
                    service.clear(token, item.id());
                } else {
                    ObjectNode body = Bodies.JSON.createObjectNode();
                    body.put("value", value);
                    service.answer(token, item.id(), body);
                }
            } catch (ApiException e) {
                if (e.status() != 422) {
                    throw e;
                }
                if (e.problems().stream().anyMatch(p -> p.code().equals("not-visible"))) {
                    continue; // hidden by an earlier answer of this same page: kept, not counted
                }
                errors.put(
                        item.id(),
                        e.problems().stream().map(ApiProblem::message).collect(Collectors.joining(" ")));
                submitted.put(item.id(), value);
            }
        }
        SessionView after = view(token);
        if (!errors.isEmpty()) {
            return PageReply.html(422, render(after, page, errors, submitted));
        }
        Optional<Item> appeared = after.page(page).stream()
                .filter(Item::visible)
                .filter(i -> before.page(page).stream().anyMatch(b -> b.id().equals(i.id()) && !b.visible()))
                .findFirst();
        if (appeared.isPresent()) {
            return PageReply.redirect(
                    "/s/" + token + "/" + page + "#q-" + appeared.get().id());
        }
        String go = form.first("go") == null ? "next" : form.first("go");
        if (go.equals("prev")) {
            return PageReply.redirect("/s/" + token + "/" + after.before(page).orElse(page));
        }
        Optional<Integer> next = after.after(page);
        if (next.isPresent()) {
            return PageReply.redirect("/s/" + token + "/" + next.get());
        }
        if (go.equals("finish")) {
            service.finish(token);
            return PageReply.redirect("/s/" + token + "/done");
        }
        return PageReply.redirect("/s/" + token + "/" + page);
    }

    /** {@code GET /s/{token}/done}: the thanks, once finished. */
    PageReply done(String token) throws SQLException {
        SessionView view = view(token);
        return view.finished() ? done(view) : PageReply.redirect("/s/" + token + "/" + view.resumePage());
    }

    private PageReply done(SessionView view) {
        PageFrame frame = new PageFrame(view.language(), view.test(), view.notice());
        return PageReply.html(
                200,
                frame.render(
                        PageWords.DONE_HEADING.in(view.language()),
                        false,
                        h1(PageWords.DONE_HEADING.in(view.language())),
                        p(PageWords.DONE.in(view.language())).withClass("lead")));
    }

    private String render(SessionView view, int page, Map<String, String> errors, Map<String, String> submitted) {
        String language = view.language();
        int[] position = view.position(page);
        String pageOf = PageWords.PAGE_OF.in(language, position[0], position[1]);
        String progressText =
                PageWords.PROGRESS.in(language, view.answered(), view.visible(), (view.secondsLeft() + 59) / 60);
        String token = view.token();
        FormTag form = form().withMethod("post")
                .withAction("/s/" + token + "/" + page)
                .attr("novalidate", "novalidate")
                .attr("data-session", token)
                .withId("questions");
        for (Item item : view.page(page)) {
            String value = submitted.containsKey(item.id()) ? submitted.get(item.id()) : item.answer();
            DivTag block = fields.render(item, language, value, errors.get(item.id()));
            var marker = input().withType("hidden")
                    .withName(SHOWN)
                    .withValue(item.id())
                    .withClass("shown");
            if (!item.visible()) {
                marker.attr("disabled", "disabled");
            }
            form.with(block.with(marker));
        }
        DivTag nav = div().withClass("nav");
        if (view.before(page).isPresent()) {
            nav.with(button(PageWords.PREVIOUS.in(language))
                    .withType("submit")
                    .withName("go")
                    .withValue("prev"));
        }
        if (view.after(page).isPresent()) {
            nav.with(button(PageWords.NEXT.in(language))
                    .withType("submit")
                    .withName("go")
                    .withValue("next")
                    .withClass("primary"));
        } else {
            nav.with(button(PageWords.FINISH.in(language))
                    .withType("submit")
                    .withName("go")
                    .withValue("finish")
                    .withClass("primary"));
        }
        form.with(nav);
        DivTag top = div(
                        p(pageOf).withClass("page-of"),
                        tag("progress")
                                .attr("max", Integer.toString(Math.max(1, view.visible())))
                                .attr("value", Integer.toString(view.answered()))
                                .attr("aria-labelledby", "progress-text"),
                        p(progressText).withId("progress-text"))
                .withClass("progress");
        DomContent summary = errors.isEmpty()
                ? null
                : div(
                                h2(PageWords.ERRORS_HEADING.in(language)),
                                ul(each(
                                        errors.entrySet(),
                                        e -> li(a(e.getValue()).withHref("#q-" + e.getKey())))))
                        .withClass("error-summary")
                        .attr("role", "alert");
        PageFrame frame = new PageFrame(language, view.test(), view.notice());
        return frame.render(
                pageOf + " – " + PageWords.TITLE.in(language),
                true,
                top,
                summary,
                form,
                p(PageWords.SAVED_NOTE.in(language)).withClass("saved"));
    }

    // ------------------------------------------------------------------------------------ helpers

    private SessionView view(String token) throws SQLException {
        return SessionView.of(service.read(token).body());
    }

    private String notice() {
        return service.notice().orElse(null);
    }

    /** A page for a link that is not (or no longer) valid: 400, in the language asked for. */
    PageReply badLink(String asked) {
        String language = language(asked, "nl");
        PageFrame frame = new PageFrame(language, false, notice());
        return PageReply.html(
                400,
                frame.render(
                        PageWords.BAD_LINK_HEADING.in(language),
                        false,
                        h1(PageWords.BAD_LINK_HEADING.in(language)),
                        p(PageWords.BAD_LINK.in(language))));
    }

    private static String language(String asked, String fallback) {
        return "en".equals(asked) || "nl".equals(asked) ? asked : "en".equals(fallback) ? "en" : "nl";
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
