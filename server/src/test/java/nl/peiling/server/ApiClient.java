package nl.peiling.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small client of the JSON API for the tests. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A reply: status, headers and body. */
    record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        /** The first problem's code. */
        String problem() {
            return json().path("problems").path(0).path("code").asText();
        }
    }

    private final URI base;
    private final String apiKey;

    ApiClient(int port, String apiKey) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.apiKey = apiKey;
    }

    ApiClient withKey(String key) {
        return new ApiClient(base.getPort(), key);
    }

    static ObjectNode login(String respondent, String institution, String location) {
        return JSON.createObjectNode()
                .put("respondent", respondent)
                .put("institution", institution)
                .put("location", location)
                .put("level", 4)
                .put("pathway", "BOL")
                .put("language", "nl");
    }

    Reply post(String path, Object body) {
        return send("POST", path, body == null ? "" : write(body), true);
    }

    Reply get(String path) {
        return send("GET", path, null, true);
    }

    Reply answer(String token, String question, String value) {
        return send(
                "PUT",
                "/api/v1/sessions/" + token + "/answers/" + question,
                write(JSON.createObjectNode().put("value", value)),
                false);
    }

    Reply clear(String token, String question) {
        return send("DELETE", "/api/v1/sessions/" + token + "/answers/" + question, null, false);
    }

    Reply finish(String token) {
        return send("POST", "/api/v1/sessions/" + token + "/finish", "", false);
    }

    Reply send(String method, String path, String body, boolean withKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (withKey && apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
