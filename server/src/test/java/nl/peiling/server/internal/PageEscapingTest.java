package nl.peiling.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.server.internal.SessionView.Item;
import org.junit.jupiter.api.Test;

/**
 * HTML in a definition text, a (piped) question text, an answer or the notice is shown as text: every
 * such text reaches the page through j2html, which escapes it. And links are signed: a changed or
 * foreign invitation is refused.
 */
class PageEscapingTest {

    private static final Edition EDITION = Catalog.load().find("2027").orElseThrow();
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;";

    @Test
    void questionTextAndTextAnswer_areEscaped() {
        QuestionFields fields = new QuestionFields(EDITION);
        String text = fields.render(new Item("alg02", "text", "basis", HOSTILE, true, HOSTILE), "nl", HOSTILE, null)
                .render();
        assertThat(text).doesNotContain("<script>").doesNotContain("<img").contains(ESCAPED);
        String scale = fields.render(new Item("opl01", "scale", "basis", HOSTILE, true, null), "en", null, HOSTILE)
                .render();
        assertThat(scale).doesNotContain("<script>").contains(ESCAPED);
        // The refused answer's message is tied to the fieldset.
        assertThat(scale).contains("aria-describedby=\"err-opl01\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void notice_isEscaped_andTheTestMarkShows() {
        String page = new PageFrame("en", true, HOSTILE).render("t", false);
        assertThat(page)
                .doesNotContain("<script>")
                .contains(ESCAPED)
                .contains("TEST")
                .contains("lang=\"en\"");
    }

    @Test
    void invitation_roundTrips_andAChangedOneIsRefused() {
        PageKeys keys = new PageKeys("seed");
        Invitation invitation =
                new Invitation("k1", "en", false, List.of(new Invitation.Enrolment("25LZ", "01", 4, "BOL")));
        String value = invitation.encode(keys);
        assertThat(Invitation.decode(value, keys)).contains(invitation);
        assertThat(Invitation.decode(value, new PageKeys("another seed"))).isEmpty();
        String payload = value.substring(0, value.indexOf('.'));
        String forged = new Invitation("k2", "en", false, List.of(new Invitation.Enrolment("25LZ", "01", 4, "BOL")))
                        .encode(keys)
                        .substring(0, payload.length())
                + value.substring(value.indexOf('.'));
        assertThat(Invitation.decode(forged, keys)).isEmpty();
        assertThat(Invitation.decode("nonsense", keys)).isEmpty();
        assertThat(keys.coordinatorKey("25LZ")).hasSize(22).isNotEqualTo(keys.coordinatorKey("30AB"));
    }
}
