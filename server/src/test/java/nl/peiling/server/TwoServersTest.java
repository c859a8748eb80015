package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** Two servers on one database behave as one service. */
class TwoServersTest {

    @Test
    void aRespondentAlternatingBetweenServers_seesOneSession_andDoubleLoginsOnBothResumeIt() throws Exception {
        String database = TestPostgres.newDatabase();
        try (PeilingServer a = PeilingServer.start(Fixtures.config(database));
                PeilingServer b = PeilingServer.start(Fixtures.config(database))) {
            ApiClient one = new ApiClient(a.port(), Fixtures.API_KEY);
            ApiClient two = new ApiClient(b.port(), Fixtures.API_KEY);
            assertThat(a.port()).isNotEqualTo(b.port());

            // alternating: log in on one, answer on the other, and so on
            String token = one.post("/api/v1/sessions", ApiClient.login("k-alt", "25LZ", "01"))
                    .json()
                    .get("session")
                    .asText();
            String[] questions = {"opl01", "opl02", "opl03", "opl04", "opl05", "opl06"};
            for (int i = 0; i < questions.length; i++) {
                ApiClient client = i % 2 == 0 ? two : one;
                Reply reply = client.answer(token, questions[i], Integer.toString(1 + i % 5));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.json().get("progress").get("answered").asInt()).isEqualTo(i + 1);
            }
            Reply again = two.post("/api/v1/sessions", ApiClient.login("k-alt", "25LZ", "01"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("session").asText()).isEqualTo(token);
            assertThat(one.finish(token).json().at("/record/opl06").asText()).isEqualTo("1");
            assertThat(two.answer(token, "opl01", "2").status()).isEqualTo(409);

            // simultaneous double logins of the same respondents on both servers: one session each
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Reply>> logins = new ArrayList<>();
                for (int r = 0; r < 20; r++) {
                    String key = "k-race-" + r;
                    for (ApiClient client : List.of(one, two, one, two)) {
                        Callable<Reply> login =
                                () -> client.post("/api/v1/sessions", ApiClient.login(key, "30AB", "01"));
                        logins.add(pool.submit(login));
                    }
                }
                for (int r = 0; r < 20; r++) {
                    Set<String> tokens = new HashSet<>();
                    int created = 0;
                    for (int i = 0; i < 4; i++) {
                        Reply reply = logins.get(r * 4 + i).get();
                        assertThat(reply.status()).isIn(200, 201);
                        created += reply.status() == 201 ? 1 : 0;
                        tokens.add(reply.json().get("session").asText());
                    }
                    assertThat(tokens).as("k-race-" + r).hasSize(1);
                    assertThat(created).as("k-race-" + r).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }

            // concurrent answers of one respondent through both servers: every acknowledged change is counted
            String busy = one.post("/api/v1/sessions", ApiClient.login("k-busy", "25LZ", "02"))
                    .json()
                    .get("session")
                    .asText();
            ExecutorService answers = Executors.newFixedThreadPool(6);
            try {
                List<Future<Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    ApiClient client = i % 2 == 0 ? one : two;
                    String value = Integer.toString(1 + i % 5);
                    replies.add(answers.submit(() -> client.answer(busy, "opl07", value)));
                }
                int acknowledged = 0;
                for (Future<Reply> reply : replies) {
                    acknowledged += reply.get().status() == 200 ? 1 : 0;
                }
                assertThat(acknowledged).isEqualTo(30);
                assertThat(version(a, busy))
                        .as("versioned changes are serialised, none lost")
                        .isEqualTo(30);
            } finally {
                answers.shutdownNow();
            }
        }
    }

    static int version(PeilingServer server, String token) throws Exception {
        try (var connection = server.service().database().connection();
                var select = connection.prepareStatement("select version from sessions where token = ?")) {
            select.setString(1, token);
            try (var rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }
}
