package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of SPEC section 10's table, with the refusals: 401, 404, 405, 409, 422. */
class ApiTest {

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

    private static String login(String respondent) {
        Reply reply = api.post("/api/v1/sessions", ApiClient.login(respondent, "25LZ", "01"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("session").asText();
    }

    @Test
    void postSession_createsThenResumes_aDoubleLoginGetsTheSameSession() {
        Reply first = api.post("/api/v1/sessions", ApiClient.login("k-double", "25LZ", "02"));
        Reply second = api.post("/api/v1/sessions", ApiClient.login("k-double", "25LZ", "02"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        JsonNode state = first.json();
        assertThat(second.json().get("session").asText())
                .isEqualTo(state.get("session").asText());
        assertThat(state.get("session").asText()).hasSize(43);
        assertThat(state.get("modules").get(0).asText()).isEqualTo("basis");
        assertThat(state.get("finished").asBoolean()).isFalse();
        JsonNode question = state.get("questions").get(0);
        assertThat(question.get("id").asText()).isEqualTo("opl01");
        assertThat(question.get("type").asText()).isEqualTo("scale");
        assertThat(question.get("module").asText()).isEqualTo("basis");
        assertThat(question.get("visible").asBoolean()).isTrue();
        assertThat(question.get("answer").isNull()).isTrue();
        assertThat(question.get("text").asText()).isNotBlank();
        JsonNode progress = state.get("progress");
        assertThat(progress.get("answered").asInt()).isZero();
        assertThat(progress.get("visible").asInt()).isPositive();
        assertThat(progress.get("secondsLeft").asInt()).isPositive();
    }

    @Test
    void getSession_returnsTheState_andNeverChangesIt() throws Exception {
        String token = login("k-get");
        api.answer(token, "opl01", "4");
        String before = stored(token);

        Reply one = api.get("/api/v1/sessions/" + token);
        Reply two = api.send("GET", "/api/v1/sessions/" + token, null, false);

        assertThat(one.status()).isEqualTo(200);
        assertThat(two.body()).isEqualTo(one.body());
        assertThat(answerOf(one.json(), "opl01")).isEqualTo("4");
        assertThat(one.json().get("progress").get("answered").asInt()).isEqualTo(1);
        assertThat(stored(token)).as("a GET changes nothing stored").isEqualTo(before);
    }

    @Test
    void putAnswer_storesIt_andListsTheQuestionsShownAndHidden() {
        String token = login("k-put");

        Reply shown = api.answer(token, "bpv00", "ja");
        Reply hidden = api.answer(token, "bpv00", "nee");

        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(ids(shown.json().get("shown"))).contains("bpv01", "bpv02", "bpv06");
        assertThat(ids(shown.json().get("hidden"))).isEmpty();
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(ids(hidden.json().get("hidden")))
                .containsAll(ids(shown.json().get("shown")));
        assertThat(answerOf(hidden.json(), "bpv00")).isEqualTo("nee");
    }

    @Test
    void putAnswer_refusedByTheEngine_is422WithProblemCodes_andChangesNothing() throws Exception {
        String token = login("k-422");
        String before = stored(token);

        Reply range = api.answer(token, "alg01", "11");
        Reply code = api.answer(token, "opl01", "7");
        Reply unknown = api.answer(token, "zz99", "1");
        Reply hiddenQuestion = api.answer(token, "bpv01", "4");

        assertThat(range.status()).isEqualTo(422);
        assertThat(range.problem()).isEqualTo("out-of-range");
        assertThat(range.json().at("/problems/0/message").asText()).isNotBlank();
        assertThat(code.problem()).isEqualTo("unknown-code");
        assertThat(unknown.problem()).isEqualTo("unknown-question");
        assertThat(hiddenQuestion.status()).isEqualTo(422);
        assertThat(hiddenQuestion.problem()).isEqualTo("not-visible");
        assertThat(stored(token)).isEqualTo(before);
    }

    @Test
    void deleteAnswer_clearsIt() {
        String token = login("k-delete");
        api.answer(token, "opl02", "2");

        Reply cleared = api.clear(token, "opl02");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("questions").get(1).get("answer").isNull())
                .isTrue();
        assertThat(cleared.json().get("progress").get("answered").asInt()).isZero();
    }

    @Test
    void finish_returnsTheRecord_laterChangesAre409_finishingAgainGivesTheSameRecord() {
        String token = login("k-finish");
        api.answer(token, "opl01", "5");
        api.answer(token, "alg02", "Goed, soms 'druk'; \"veel\" werk");

        Reply finished = api.finish(token);
        Reply change = api.answer(token, "opl01", "1");
        Reply clear = api.clear(token, "opl01");
        Reply again = api.finish(token);

        assertThat(finished.status()).isEqualTo(200);
        JsonNode record = finished.json().get("record");
        assertThat(record.get("respondent").asText()).isEqualTo("k-finish");
        assertThat(record.get("institution").asText()).isEqualTo("25LZ");
        assertThat(record.get("location").asText()).isEqualTo("01");
        assertThat(record.get("level").asText()).isEqualTo("4");
        assertThat(record.get("pathway").asText()).isEqualTo("BOL");
        assertThat(record.get("opl01").asText()).isEqualTo("5");
        assertThat(record.get("alg02").asText()).isEqualTo("Goed, soms 'druk'; \"veel\" werk");
        assertThat(record.get("opl02").asText()).isEmpty();
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.problem()).isEqualTo("finished");
        assertThat(clear.status()).isEqualTo(409);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("record")).isEqualTo(record);
        assertThat(api.get("/api/v1/sessions/" + token).json().get("finished").asBoolean())
                .isTrue();
    }

    @Test
    void unknownSessions_are404() {
        String token = login("k-404");
        String other = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');

        assertThat(api.get("/api/v1/sessions/" + other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sessions/" + other).problem()).isEqualTo("unknown-session");
        assertThat(api.answer(other, "opl01", "1").status()).isEqualTo(404);
        assertThat(api.clear(other, "opl01").status()).isEqualTo(404);
        assertThat(api.finish(other).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sessions/not-a-token").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sessions/%27%20or%201=1--").status()).isEqualTo(404);
    }

    @Test
    void vendorRequests_withoutTheKey_are401() {
        ApiClient none = api.withKey(null);
        ApiClient wrong = api.withKey(Fixtures.API_KEY + "x");

        for (ApiClient client : List.of(none, wrong)) {
            Reply login = client.post("/api/v1/sessions", ApiClient.login("k-401", "25LZ", "01"));
            assertThat(login.status()).isEqualTo(401);
            assertThat(login.problem()).isEqualTo("unauthorized");
            assertThat(login.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(client.get("/api/v1/responses.csv").status()).isEqualTo(401);
            assertThat(client.get("/api/v1/barometer").status()).isEqualTo(401);
            assertThat(client.send("PUT", "/api/v1/notice", "{\"text\":\"x\"}", true)
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void postSession_withBadFields_is422ListingEveryProblem() {
        ObjectNode body = ApiClient.login("", "99XX", "01").put("level", 7).put("pathway", "DUAL");
        body.put("language", "de");

        Reply reply = api.post("/api/v1/sessions", body);

        assertThat(reply.status()).isEqualTo(422);
        List<String> codes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        reply.json().get("problems").forEach(p -> {
            codes.add(p.get("code").asText());
            fields.add(p.get("field").asText());
        });
        assertThat(fields).containsExactly("respondent", "institution", "level", "pathway", "language");
        assertThat(codes)
                .containsExactly("malformed", "unknown-institution", "out-of-range", "unknown-code", "unknown-code");
        Reply location = api.post("/api/v1/sessions", ApiClient.login("k-loc", "25LZ", "07"));
        assertThat(location.problem()).isEqualTo("unknown-location");
        assertThat(location.json().at("/problems/0/message").asText()).contains("\"07\"", "01, 02");
        Reply missing = api.post("/api/v1/sessions", "{}");
        assertThat(missing.json().get("problems")).hasSize(5);
        assertThat(missing.problem()).isEqualTo("missing-field");
    }

    @Test
    void responsesCsv_isTheHeaderAndTheFinishedRealRecords() {
        String token = login("k-csv");
        api.answer(token, "opl01", "3");
        api.finish(token);
        login("k-csv-unfinished");

        Reply csv = api.get("/api/v1/responses.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("respondent,institution,location,level,pathway,modules,opl01,");
        assertThat(csv.body()).contains("k-csv,25LZ,01,4,BOL,basis|");
        assertThat(csv.body()).doesNotContain("k-csv-unfinished");
    }

    @Test
    void testSessions_neverCount_inTheExportOrTheBarometer() {
        ObjectNode body = ApiClient.login("k-test-only", "30AB", "01").put("test", true);
        Reply test = api.post("/api/v1/sessions", body);
        String token = test.json().get("session").asText();
        api.answer(token, "opl01", "3");
        Reply finished = api.finish(token);

        assertThat(test.status()).isEqualTo(201);
        assertThat(test.json().get("test").asBoolean()).isTrue();
        assertThat(finished.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/responses.csv").body()).doesNotContain("k-test-only");
        JsonNode rows = api.get("/api/v1/barometer").json().get("rows");
        for (JsonNode row : rows) {
            if (row.get("institution").asText().equals("30AB")) {
                assertThat(row.get("responses").asLong()).as(row.toString()).isZero();
            }
        }
        // a test login and a real login of the same key are two sessions
        Reply real = api.post("/api/v1/sessions", ApiClient.login("k-test-only", "30AB", "01"));
        assertThat(real.status()).isEqualTo(201);
        assertThat(real.json().get("session").asText()).isNotEqualTo(token);
    }

    @Test
    void barometer_countsFinishedSessionsAgainstThePopulation() {
        String token = login("k-baro");
        api.finish(token);

        Reply reply = api.get("/api/v1/barometer");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode institution = null;
        JsonNode location = null;
        for (JsonNode row : reply.json().get("rows")) {
            if (row.get("institution").asText().equals("25LZ")) {
                if (row.get("location").isNull()) {
                    institution = row;
                } else if (row.get("location").asText().equals("01")) {
                    location = row;
                }
            }
        }
        assertThat(institution).isNotNull();
        assertThat(institution.get("population").asLong()).isEqualTo(700);
        assertThat(location.get("population").asLong()).isEqualTo(400);
        assertThat(location.get("responses").asLong()).isGreaterThanOrEqualTo(1);
        // net(400) at 95 % and 5 points: 400 × 1.96² × 2500 / (1.96² × 2500 + 399 × 25) = 196.21, + 0.99 → 197
        assertThat(location.get("net").asLong()).isEqualTo(197);
        assertThat(reply.json().get("modules")).isNotEmpty();
    }

    @Test
    void health_reportsTheDatabase_andTheNoticeTheOwnerSets() {
        Reply healthy = api.get("/health");
        Reply set = api.send("PUT", "/api/v1/notice", "{\"text\":\"Bekend probleem, we werken eraan\"}", true);
        Reply withNotice = api.get("/health");
        String token = login("k-notice");
        Reply state = api.get("/api/v1/sessions/" + token);
        Reply cleared = api.send("DELETE", "/api/v1/notice", null, true);

        assertThat(healthy.status()).isEqualTo(200);
        assertThat(healthy.json().get("status").asText()).isEqualTo("ok");
        assertThat(healthy.json().get("database").asText()).isEqualTo("up");
        assertThat(healthy.json().get("edition").asText()).isEqualTo("2027");
        assertThat(set.status()).isEqualTo(200);
        assertThat(withNotice.json().get("notice").asText()).isEqualTo("Bekend probleem, we werken eraan");
        assertThat(state.json().get("notice").asText()).isEqualTo("Bekend probleem, we werken eraan");
        assertThat(cleared.json().get("notice").isNull()).isTrue();
    }

    @Test
    void wrongMethodsAndAddresses_are405And404() {
        Reply method = api.send("DELETE", "/api/v1/sessions", null, true);
        Reply nothing = api.get("/api/v1/nothing");
        Reply root = api.get("/nothing");

        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Allow")).isEqualTo("POST");
        assertThat(method.problem()).isEqualTo("method-not-allowed");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(root.status()).isEqualTo(404);
        assertThat(root.problem()).isEqualTo("not-found");
    }

    /** The stored row: state and version, read straight from the database. */
    static String stored(String token) throws Exception {
        try (var connection = server.service().database().connection();
                var select = connection.prepareStatement(
                        "select state, version, updated_at from sessions where token = ?")) {
            select.setString(1, token);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getString(1) + "|" + rows.getInt(2) + "|" + rows.getTimestamp(3);
            }
        }
    }

    static String answerOf(JsonNode state, String question) {
        for (JsonNode q : state.get("questions")) {
            if (q.get("id").asText().equals(question)) {
                return q.get("answer").isNull() ? null : q.get("answer").asText();
            }
        }
        throw new AssertionError("no question " + question);
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
