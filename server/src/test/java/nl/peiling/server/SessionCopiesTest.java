package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * Each process keeps copies of the sessions it works on; the database's version decides. A copy another
 * process made stale is never used to store or to answer: every change acknowledged anywhere is seen
 * everywhere, and concurrent changes through two processes are all kept.
 */
class SessionCopiesTest {

    @Test
    void aStaleCopy_isReadAgain_beforeItIsChangedOrItRefuses() throws Exception {
        String database = TestPostgres.newDatabase();
        try (PeilingServer a = PeilingServer.start(Fixtures.config(database));
                PeilingServer b = PeilingServer.start(Fixtures.config(database))) {
            ApiClient one = new ApiClient(a.port(), Fixtures.API_KEY);
            ApiClient two = new ApiClient(b.port(), Fixtures.API_KEY);
            String token = one.post("/api/v1/sessions", ApiClient.login("k-copy", "25LZ", "01"))
                    .json()
                    .get("session")
                    .asText();
            assertThat(one.answer(token, "opl01", "1").status()).isEqualTo(200); // a holds a copy now

            // b changes the session twice behind a's back
            assertThat(two.answer(token, "opl02", "2").status()).isEqualTo(200);
            assertThat(two.clear(token, "opl01").status()).isEqualTo(200);

            // a's next change is made on b's state, not on its own copy
            JsonNode state = one.answer(token, "opl03", "3").json();
            assertThat(answer(state, "opl01")).isNull();
            assertThat(answer(state, "opl02")).isEqualTo("2");
            assertThat(answer(state, "opl03")).isEqualTo("3");
            assertThat(state.at("/progress/answered").asInt()).isEqualTo(2);
            // and a read on b sees a's change
            assertThat(answer(two.get("/api/v1/sessions/" + token).json(), "opl03"))
                    .isEqualTo("3");
            assertThat(TwoServersTest.version(a, token)).isEqualTo(4);

            // finished on b: a's copy still says open, but a refuses as the database says
            assertThat(two.finish(token).status()).isEqualTo(200);
            Reply late = one.answer(token, "opl04", "4");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.problem()).isEqualTo("finished");
            Reply lateClear = one.clear(token, "opl02");
            assertThat(lateClear.status()).isEqualTo(409);
            assertThat(one.finish(token).json().at("/record/opl03").asText()).isEqualTo("3");
            assertThat(TwoServersTest.version(a, token)).isEqualTo(5);
        }
    }

    @Test
    void concurrentChangesOfOneSession_throughTwoProcesses_areAllKept() throws Exception {
        String database = TestPostgres.newDatabase();
        List<String> questions = List.of("opl01", "opl02", "opl03", "opl04", "opl05", "opl06", "opl07");
        int rounds = 6;
        try (PeilingServer a = PeilingServer.start(Fixtures.config(database));
                PeilingServer b = PeilingServer.start(Fixtures.config(database))) {
            ApiClient one = new ApiClient(a.port(), Fixtures.API_KEY);
            ApiClient two = new ApiClient(b.port(), Fixtures.API_KEY);
            String token = one.post("/api/v1/sessions", ApiClient.login("k-many", "25LZ", "02"))
                    .json()
                    .get("session")
                    .asText();
            // one thread per question, each answering it again and again through both processes in turn
            ExecutorService threads = Executors.newFixedThreadPool(questions.size());
            try {
                List<Future<Integer>> acknowledged = new ArrayList<>();
                for (int q = 0; q < questions.size(); q++) {
                    String question = questions.get(q);
                    int first = q;
                    acknowledged.add(threads.submit(() -> {
                        int oks = 0;
                        for (int round = 0; round < rounds; round++) {
                            ApiClient client = (first + round) % 2 == 0 ? one : two;
                            Reply reply = client.answer(token, question, value(first, round));
                            oks += reply.status() == 200 ? 1 : 0;
                        }
                        return oks;
                    }));
                }
                for (Future<Integer> oks : acknowledged) {
                    assertThat(oks.get()).isEqualTo(rounds);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(TwoServersTest.version(a, token))
                    .as("every acknowledged change stored once, in turn")
                    .isEqualTo(questions.size() * rounds);
            for (ApiClient client : List.of(one, two)) {
                JsonNode state = client.get("/api/v1/sessions/" + token).json();
                for (int q = 0; q < questions.size(); q++) {
                    assertThat(answer(state, questions.get(q)))
                            .as(questions.get(q))
                            .isEqualTo(value(q, rounds - 1));
                }
            }
        }
    }

    private static String value(int question, int round) {
        return Integer.toString(1 + (question + round) % 5);
    }

    private static String answer(JsonNode state, String question) {
        for (JsonNode entry : state.get("questions")) {
            if (entry.get("id").asText().equals(question)) {
                return entry.get("answer").isNull() ? null : entry.get("answer").asText();
            }
        }
        throw new AssertionError("no question " + question);
    }
}
