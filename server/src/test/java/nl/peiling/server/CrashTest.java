package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.peiling.core.allocation.Allocator;
import nl.peiling.core.engine.Questionnaire;
import nl.peiling.core.engine.Session;
import nl.peiling.server.ApiClient.Reply;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a server process under load: every answer that got a 200 is in the database, counted
 * one by one; a new process on the same database carries on.
 */
class CrashTest {

    static final int RESPONDENTS = 12;
    static final List<String> QUESTIONS = List.of("opl01", "opl02", "opl03", "opl04", "opl05", "opl06", "opl07");

    @Test
    void kill9_underLoad_losesNoAcknowledgedAnswer() throws Exception {
        String url = TestPostgres.newDatabase();
        Process server = start(url);
        String[] tokens = new String[RESPONDENTS];
        // per respondent: how many of its answers, sent one after another, got a 200
        AtomicInteger[] acknowledged = new AtomicInteger[RESPONDENTS];
        AtomicInteger oks = new AtomicInteger();
        try {
            ApiClient api = new ApiClient(port(server), Fixtures.API_KEY);
            for (int r = 0; r < RESPONDENTS; r++) {
                tokens[r] = api.post("/api/v1/sessions", ApiClient.login("k-crash-" + r, "25LZ", "01"))
                        .json()
                        .get("session")
                        .asText();
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(RESPONDENTS);
            for (int r = 0; r < RESPONDENTS; r++) {
                int respondent = r;
                acknowledged[r] = new AtomicInteger();
                load.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            Reply reply = api.answer(tokens[respondent], question(i), value(i));
                            if (reply.status() != 200) {
                                return;
                            }
                            acknowledged[respondent].incrementAndGet();
                            oks.incrementAndGet();
                        } catch (RuntimeException e) {
                            return; // the server is gone: no acknowledgement
                        }
                    }
                });
            }
            // under load: at least 100 answers acknowledged (at most 20 s on a slow machine), then kill
            for (long until = System.nanoTime() + 20_000_000_000L; oks.get() < 100 && System.nanoTime() < until; ) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }

        int counted = 0;
        Questionnaire questionnaire = Questionnaire.compile(Fixtures.EDITION);
        Allocator allocator = Allocator.of(Fixtures.EDITION, Fixtures.INSTITUTIONS, Fixtures.SEED);
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement select = connection.prepareStatement(
                        "select respondent, institution, state, version from sessions" + " where token = ?")) {
            for (int r = 0; r < RESPONDENTS; r++) {
                select.setString(1, tokens[r]);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    Session stored = questionnaire.resume(
                            row.getString(3), allocator.allocate(row.getString(1), row.getString(2)));
                    int acked = acknowledged[r].get();
                    int committed = row.getInt(4);
                    // every 200 is committed; one more commit may have lost its reply in the kill
                    assertThat(committed).as("respondent " + r).isBetween(acked, acked + 1);
                    counted += acked;
                    for (String question : QUESTIONS) {
                        String expected = null;
                        for (int i = 0; i < committed; i++) {
                            if (question(i).equals(question)) {
                                expected = value(i);
                            }
                        }
                        assertThat(stored.answerOf(question).map(a -> a.cell()).orElse(null))
                                .as(r + "/" + question)
                                .isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(oks.get()).as("answers acknowledged before the kill").isGreaterThanOrEqualTo(100);
        assertThat(counted).isEqualTo(oks.get());

        Process again = start(url);
        try {
            ApiClient api = new ApiClient(port(again), Fixtures.API_KEY);
            Reply state = api.get("/api/v1/sessions/" + tokens[0]);
            assertThat(state.status()).isEqualTo(200);
            assertThat(api.answer(tokens[0], "opl01", "5").status()).isEqualTo(200);
        } finally {
            again.destroyForcibly();
            again.waitFor(20, TimeUnit.SECONDS);
        }
        System.out.printf(
                "kill -9: %d answers acknowledged before the kill, %d of them found committed%n", oks.get(), counted);
    }

    private static String question(int i) {
        return QUESTIONS.get(i % QUESTIONS.size());
    }

    private static String value(int i) {
        return Integer.toString(1 + (i / QUESTIONS.size()) % 5);
    }

    private static Process start(String url) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServeMain.class.getName());
        command.add(url);
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the server process's first line").startsWith("port ");
        return Integer.parseInt(line.substring(5).strip());
    }
}
