package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops under load and comes back: meanwhile clients get 503 with Retry-After and health says
 * unhealthy; then service resumes, and every answer acknowledged with 200 is in the database.
 */
class DatabaseRestartTest {

    static final int RESPONDENTS = 8;

    @Test
    void postgresRestart_duringLoad_givesQuick503s_thenResumes_losingNothingAcknowledged(@TempDir Path folder)
            throws Exception {
        EmbeddedPostgres postgres = TestPostgres.own(folder.resolve("cluster"), 0);
        int port = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (PeilingServer server = PeilingServer.start(Fixtures.config(url))) {
            ApiClient api = new ApiClient(server.port(), Fixtures.API_KEY);
            String[] tokens = new String[RESPONDENTS];
            for (int r = 0; r < RESPONDENTS; r++) {
                tokens[r] = api.post("/api/v1/sessions", ApiClient.login("k-restart-" + r, "25LZ", "01"))
                        .json()
                        .get("session")
                        .asText();
            }
            // the last acknowledged value of each (respondent, question)
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Reply> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger oks = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(RESPONDENTS);
            for (int r = 0; r < RESPONDENTS; r++) {
                int respondent = r;
                load.submit(() -> {
                    int i = 0;
                    while (running.get()) {
                        String question = String.format("opl%02d", 1 + i % 7);
                        String value = Integer.toString(1 + (i / 7) % 5);
                        try {
                            Reply reply = api.answer(tokens[respondent], question, value);
                            if (reply.status() == 200) {
                                acknowledged.put(respondent + "/" + question, value);
                                oks.incrementAndGet();
                            } else {
                                failures.add(reply);
                            }
                        } catch (RuntimeException e) {
                            // a broken connection is not an acknowledgement
                        }
                        i++;
                    }
                });
            }
            for (long until = System.nanoTime() + 20_000_000_000L; oks.get() < 50 && System.nanoTime() < until; ) {
                Thread.sleep(50);
            }
            int beforeStop = oks.get();
            postgres.close();
            Thread.sleep(500);
            Reply health = api.get("/health");
            long started = System.nanoTime();
            Reply during = api.answer(tokens[0], "opl01", "3");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            Thread.sleep(1_000);
            postgres = TestPostgres.own(folder.resolve("cluster"), port);
            for (long until = System.nanoTime() + 20_000_000_000L;
                    oks.get() < beforeStop + 50 && System.nanoTime() < until; ) {
                Thread.sleep(50);
            }
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            int afterRestart = oks.get();

            assertThat(beforeStop).isPositive();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("database").asText()).isEqualTo("down");
            assertThat(during.status()).isEqualTo(503);
            assertThat(during.problem()).isEqualTo("database-unavailable");
            assertThat(during.header("Retry-After")).isEqualTo("5");
            assertThat(millis).as("a quick 503, not a timeout").isLessThan(5_000);
            assertThat(failures)
                    .isNotEmpty()
                    .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(503));
            assertThat(afterRestart).as("service resumed").isGreaterThan(beforeStop);
            assertThat(api.get("/health").status()).isEqualTo(200);
            for (int r = 0; r < RESPONDENTS; r++) {
                var state = api.get("/api/v1/sessions/" + tokens[r]).json();
                for (String question : List.of("opl01", "opl02", "opl03", "opl04", "opl05", "opl06", "opl07")) {
                    String expected = acknowledged.get(r + "/" + question);
                    if (expected != null) {
                        assertThat(ApiTest.answerOf(state, question))
                                .as(r + "/" + question)
                                .isEqualTo(expected);
                    }
                }
            }
        } finally {
            postgres.close();
        }
    }
}
