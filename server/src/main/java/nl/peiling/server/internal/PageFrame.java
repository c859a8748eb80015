package nl.peiling.server.internal;

import static j2html.TagCreator.a;
import static j2html.TagCreator.body;
import static j2html.TagCreator.div;
import static j2html.TagCreator.document;
import static j2html.TagCreator.head;
import static j2html.TagCreator.header;
import static j2html.TagCreator.html;
import static j2html.TagCreator.link;
import static j2html.TagCreator.main;
import static j2html.TagCreator.meta;
import static j2html.TagCreator.p;
import static j2html.TagCreator.script;
import static j2html.TagCreator.strong;
import static j2html.TagCreator.title;

import j2html.tags.DomContent;
import j2html.tags.specialized.HeadTag;
import j2html.tags.specialized.HeaderTag;

/**
 * The frame of every page: the language, the viewport for phones, the style sheet, a skip link, the test
 * mark on test sessions and the survey owner's notice while one is set. The pages have no inline script or
 * style, so a strict Content-Security-Policy holds.
 *
 * @param language nl or en: the {@code lang} attribute and the frame's texts
 * @param test whether to mark the page as a test
 * @param notice the survey owner's notice, or null
 */
record PageFrame(String language, boolean test, String notice) {

    /** The whole document around the main content. */
    String render(String title, boolean withScript, DomContent... content) {
        HeadTag head = head(
                meta().withCharset("utf-8"),
                meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                meta().withName("referrer").withContent("no-referrer"),
                title(title),
                link().withRel("stylesheet").withHref("/assets/peiling.css"));
        if (withScript) {
            head.with(script().withSrc("/assets/peiling.js").attr("defer", "defer"));
        }
        HeaderTag top = header(p(PageWords.TITLE.in(language)).withClass("brand"));
        if (test) {
            top.with(p(strong(PageWords.TEST_MARK.in(language)))
                    .withClass("test-mark")
                    .attr("role", "note"));
        }
        if (notice != null) {
            top.with(div(p(strong(PageWords.NOTICE.in(language) + ": ")).withClass("notice-title"), p(notice))
                    .withClass("notice")
                    .attr("role", "status"));
        }
        return document(html(
                        head,
                        body(
                                a(PageWords.SKIP.in(language)).withHref("#main").withClass("skip"),
                                top,
                                main().withId("main").attr("tabindex", "-1").with(content)))
                .withLang(language));
    }
}
