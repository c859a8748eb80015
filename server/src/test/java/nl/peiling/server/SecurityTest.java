package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens, isolation of respondents, SQL metacharacters, and bad bodies of every kind. */
class SecurityTest {

    /** A value with every SQL metacharacter and a classic injection. */
    static final String SQL = "x'); drop table sessions; -- \" ; \\ % _ $$ */ /* `";

    private static PeilingServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        server = PeilingServer.start(Fixtures.config());
        api = new ApiClient(server.port(), Fixtures.API_KEY);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void tokens_are256RandomBits_andDistinct() {
        Set<String> tokens = new HashSet<>();
        long ones = 0;
        for (int i = 0; i < 40; i++) {
            String token = api.post("/api/v1/sessions", ApiClient.login("k-token-" + i, "30AB", "01"))
                    .json()
                    .get("session")
                    .asText();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
            for (byte b : java.util.Base64.getUrlDecoder().decode(token)) {
                ones += Integer.bitCount(b & 0xff);
            }
        }
        assertThat(tokens).hasSize(40);
        // 40 × 256 random bits: about half are ones (mean 5120, sd 50.6)
        assertThat(ones).isBetween(4800L, 5440L);
    }

    @Test
    void oneRespondent_cannotReadOrChangeAnother() {
        String mine = token("k-mine");
        String theirs = token("k-theirs");
        api.answer(theirs, "opl01", "1");

        Reply change = api.answer(mine, "opl01", "5");

        assertThat(change.json().get("session").asText()).isEqualTo(mine);
        assertThat(ApiTest.answerOf(api.get("/api/v1/sessions/" + theirs).json(), "opl01"))
                .isEqualTo("1");
        // the respondent's credential is the token; the respondent key gives nothing
        assertThat(api.get("/api/v1/sessions/k-theirs").status()).isEqualTo(404);
    }

    @Test
    void sqlMetacharacters_inEveryField_areStoredVerbatim() {
        String location = Fixtures.INSTITUTIONS.get(2).locationCodes().get(0);
        ObjectNode login = ApiClient.login(SQL, Fixtures.ODD_INSTITUTION, location);
        Reply created = api.post("/api/v1/sessions", login);
        String token = created.json().get("session").asText();
        Reply answer = api.answer(token, "alg02", SQL);
        Reply notice = api.send(
                "PUT",
                "/api/v1/notice",
                ApiClient.write(ApiClient.JSON.createObjectNode().put("text", SQL)),
                true);
        Reply finished = api.finish(token);
        Reply again = api.post("/api/v1/sessions", login);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(notice.json().get("notice").asText()).isEqualTo(SQL);
        JsonNode record = finished.json().get("record");
        assertThat(record.get("respondent").asText()).isEqualTo(SQL);
        assertThat(record.get("institution").asText()).isEqualTo(Fixtures.ODD_INSTITUTION);
        assertThat(record.get("location").asText()).isEqualTo(location);
        assertThat(record.get("alg02").asText()).isEqualTo(SQL);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("session").asText()).isEqualTo(token);
        assertThat(api.get("/api/v1/responses.csv").body()).contains("\"" + SQL.replace("\"", "\"\"") + "\"");
        assertThat(api.get("/health").status())
                .as("the sessions table is still there")
                .isEqualTo(200);
        api.send("DELETE", "/api/v1/notice", null, true);
    }

    @Test
    void badBodies_get4xxProblems_neverA500OrAStackTrace() {
        String token = token("k-bodies");
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String deepObject = "{\"value\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + "}";
        List<String> bodies = List.of(
                "",
                "{",
                "not json",
                "[1,2]",
                "\"value\"",
                "null",
                "{\"value\":\"1\"} trailing",
                "{\"value\":\"1\",\"value\":\"2\"}",
                "{\"value\":5}",
                "{\"value\":null}",
                "{\"value\":[\"1\"]}",
                deep,
                deepObject,
                "{\"value\":\"\u0000\"}",
                "{\"value\":\"\\ud800\"}",
                "\u00ff\u00fe{");
        for (String body : bodies) {
            Reply reply = api.send("PUT", "/api/v1/sessions/" + token + "/answers/opl01", body, false);
            String shown = body.length() > 40 ? body.substring(0, 40) : body;
            assertThat(reply.status()).as(shown).isBetween(400, 499);
            assertThat(reply.json().get("problems")).as(shown).isNotEmpty();
            assertNoStackTrace(reply);
        }
        Reply login = api.send("POST", "/api/v1/sessions", deep, true);
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.problem()).isEqualTo("too-deep");
    }

    @Test
    void oversizeBodies_are413() {
        String token = token("k-large");
        String large = "{\"value\":\"" + "a".repeat(70_000) + "\"}";

        Reply answer = api.send("PUT", "/api/v1/sessions/" + token + "/answers/alg02", large, false);
        Reply login = api.send("POST", "/api/v1/sessions", large, true);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.problem()).isEqualTo("too-large");
        assertThat(login.status()).isEqualTo(413);
        assertNoStackTrace(answer);
    }

    @Test
    void malformedRequests_thatJettyRefuses_getAProblemList() throws Exception {
        for (String target : List.of("/api/v1/sessions/%zz", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/a b")) {
            String reply = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(reply.substring(9, 12));
            String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);

            assertThat(status).as(target).isBetween(400, 404);
            assertThat(body).as(target).contains("\"problems\"").doesNotContain("Exception");
        }
        String header = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(header).startsWith("HTTP/1.1 431").doesNotContain("Exception");
    }

    /** Sends a request as it is written, past the client's checks; the whole reply. */
    private static String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String token(String respondent) {
        return api.post("/api/v1/sessions", ApiClient.login(respondent, "25LZ", "01"))
                .json()
                .get("session")
                .asText();
    }

    static void assertNoStackTrace(Reply reply) {
        assertThat(reply.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at nl.")
                .doesNotContain("at org.")
                .doesNotContain("jetty");
    }
}
