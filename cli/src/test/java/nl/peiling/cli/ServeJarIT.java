package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peiling serve} as users run it, from the jar, on the embedded default: it starts with no setup,
 * stops on SIGTERM, and a respondent's session is still there after a restart.
 */
class ServeJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void serve_onTheEmbeddedDatabase_keepsSessionsAcrossARestart(@TempDir Path dir) throws Exception {
        Path institutions = Files.writeString(dir.resolve("institutions.json"), ServeCommandTest.INSTITUTIONS);
        Path seed = Files.writeString(dir.resolve("seed.txt"), "seed\n");
        Path data = dir.resolve("data");
        String login = "{\"respondent\":\"k1\",\"institution\":\"25LZ\",\"location\":\"01\",\"level\":2,"
                + "\"pathway\":\"BBL\",\"language\":\"en\"}";
        List<String> args = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "target/peiling.jar",
                "serve",
                "--edition",
                "2027",
                "--institutions",
                institutions.toString(),
                "--seed-file",
                seed.toString(),
                "--data",
                data.toString(),
                "--port",
                "0");

        String first;
        Process server = new ProcessBuilder(args)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = port(server);
            String key = Files.readAllLines(data.resolve("api-key")).get(0);
            HttpResponse<String> created = post(port, key, login);
            assertThat(created.statusCode()).isEqualTo(201);
            first = created.body().substring(12, 55);
            assertThat(get(port, "/health").body()).contains("\"database\":\"up\"");
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        Process again = new ProcessBuilder(args)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            int port = port(again);
            String key = Files.readAllLines(data.resolve("api-key")).get(0);
            HttpResponse<String> resumed = post(port, key, login);
            assertThat(resumed.statusCode()).isEqualTo(200);
            assertThat(resumed.body()).startsWith("{\"session\":\"" + first + "\"");
        } finally {
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the first line of serve").isNotNull();
        Matcher matcher = LISTENING.matcher(line);
        assertThat(matcher.find()).as(line).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static HttpResponse<String> post(int port, String key, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sessions"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
