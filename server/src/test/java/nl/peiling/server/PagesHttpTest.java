package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import nl.peiling.server.internal.PageKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages over plain HTTP, without a browser: the vendor's link endpoints, the start as a form POST
 * (a second start resumes), the redirects, and the pages for refusals.
 */
class PagesHttpTest {

    static PeilingServer server;
    static ApiClient api;

    @BeforeAll
    static void start() {
        server = PeilingServer.start(Fixtures.config());
        api = new ApiClient(server.port(), Fixtures.API_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String invitation(String respondent) {
        JsonNode reply = api.post(
                        "/api/v1/invitations",
                        "{\"respondent\": \"" + respondent + "\", \"language\": \"en\", \"enrolments\": ["
                                + "{\"institution\": \"25LZ\", \"location\": \"02\", \"level\": 2, \"pathway\": \"BBL\"}]}")
                .json();
        return reply.path("path").asText();
    }

    @Test
    void invitation_opensTheStartPage_andTwoStartsAreOneSession() {
        String path = invitation("pseudo-http-1");
        assertThat(path).startsWith("/?i=");
        ApiClient.Reply page = api.send("GET", path, null, false);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(page.body()).contains("lang=\"en\"").contains("What we store and who sees it");

        String i = path.substring("/?i=".length());
        String form = "i=" + URLEncoder.encode(i, StandardCharsets.UTF_8) + "&e=0&lang=en";
        ApiClient.Reply first = api.send("POST", "/start", form, false);
        ApiClient.Reply second = api.send("POST", "/start", form, false);
        assertThat(first.status()).isEqualTo(303);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        String token = first.header("Location").substring("/s/".length());
        JsonNode state = api.get("/api/v1/sessions/" + token).json();
        assertThat(state.path("language").asText()).isEqualTo("en");
        assertThat(state.path("test").asBoolean()).isFalse();

        ApiClient.Reply resume = api.send("GET", "/s/" + token, null, false);
        assertThat(resume.status()).isEqualTo(303);
        assertThat(resume.header("Location")).isEqualTo("/s/" + token + "/1");
        assertThat(api.send("GET", "/s/" + token + "/1", null, false).body()).contains("Page 1 of");
    }

    @Test
    void invitations_needTheKey_andValidEnrolments() {
        assertThat(api.withKey(null)
                        .post("/api/v1/invitations", "{\"respondent\": \"x\", \"enrolments\": []}")
                        .status())
                .isEqualTo(401);
        ApiClient.Reply bad = api.post(
                "/api/v1/invitations",
                "{\"respondent\": \"x\", \"enrolments\": [{\"institution\": \"99XX\", \"location\": \"01\","
                        + " \"level\": 9, \"pathway\": \"BOL\"}]}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("unknown-institution").contains("out-of-range");
        assertThat(api.post("/api/v1/invitations", "{\"respondent\": \"x\"}").status())
                .isEqualTo(422);
    }

    @Test
    void coordinators_listsEachInstitutionsPage() {
        JsonNode list = api.get("/api/v1/coordinators").json().path("coordinators");
        assertThat(list).hasSize(Fixtures.INSTITUTIONS.size());
        String path = list.get(0).path("path").asText();
        assertThat(path).isEqualTo("/c/25LZ/" + new PageKeys(Fixtures.SEED).coordinatorKey("25LZ"));
        assertThat(api.send("GET", path, null, false).status()).isEqualTo(200);
        assertThat(api.withKey(null).get("/api/v1/coordinators").status()).isEqualTo(401);
    }

    @Test
    void refusals_arePages_notStackTraces() {
        ApiClient.Reply changed = api.send("GET", "/?i=abc.def", null, false);
        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.body()).contains("<h1>").doesNotContain("Exception");
        ApiClient.Reply unknown = api.send("GET", "/s/" + "A".repeat(43) + "/1", null, false);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("text/html");
        assertThat(api.send("DELETE", "/", null, false).status()).isEqualTo(405);
        assertThat(api.send("POST", "/start", "i=%zz", false).status()).isEqualTo(400);
        assertThat(api.send("GET", "/", null, false).body()).contains("persoonlijke link");
    }
}
