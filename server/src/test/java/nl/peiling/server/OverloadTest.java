package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/** More requests than the server works on at once: the rest get a quick 503 with Retry-After, not a timeout. */
class OverloadTest {

    @Test
    void overload_gives503WithRetryAfter_quickly_andHealthStillAnswers() throws Exception {
        ServerConfig config = Fixtures.config().withLimits(1, Duration.ofMillis(20));
        try (PeilingServer server = PeilingServer.start(config)) {
            ApiClient api = new ApiClient(server.port(), Fixtures.API_KEY);
            List<String> tokens = new ArrayList<>();
            for (int r = 0; r < 24; r++) {
                Reply login = api.post("/api/v1/sessions", ApiClient.login("k-busy-" + r, "25LZ", "01"));
                if (login.status() == 201) {
                    tokens.add(login.json().get("session").asText());
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(24);
            List<Future<Reply>> replies = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            try {
                for (int round = 0; round < 4; round++) {
                    for (String token : tokens) {
                        replies.add(pool.submit(() -> {
                            long start = System.nanoTime();
                            Reply reply = api.answer(token, "opl01", "4");
                            synchronized (millis) {
                                millis.add((System.nanoTime() - start) / 1_000_000);
                            }
                            return reply;
                        }));
                    }
                }
                int ok = 0;
                int overloaded = 0;
                for (Future<Reply> future : replies) {
                    Reply reply = future.get();
                    if (reply.status() == 200) {
                        ok++;
                    } else {
                        assertThat(reply.status()).isEqualTo(503);
                        assertThat(reply.problem()).isEqualTo("overloaded");
                        assertThat(reply.header("Retry-After")).isEqualTo("2");
                        overloaded++;
                    }
                }
                assertThat(ok).isPositive();
                assertThat(overloaded).isPositive();
                assertThat(ok + overloaded).isEqualTo(replies.size());
                assertThat(millis).allSatisfy(m -> assertThat(m).isLessThan(10_000));
                assertThat(api.get("/health").status()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
