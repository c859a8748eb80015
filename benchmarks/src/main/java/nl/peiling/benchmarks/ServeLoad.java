package nl.peiling.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import nl.peiling.core.catalog.Catalog;
import nl.peiling.core.model.Edition;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;

/**
 * A load test of a running {@code peiling serve} on this machine: N concurrent respondents each log in,
 * answer every visible question in turn with a valid answer, finish, and start over as the next
 * respondent, until the time is up. Prints answers acknowledged per second and the p50/p99 latency of the
 * answers. Loopback only, bounded: at most 1,000 respondents at once and 300 seconds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.ServeLoad \
 *     http://127.0.0.1:8080 API_KEY_FILE INSTITUTION LOCATION [respondents=200] [seconds=30]
 * </pre>
 *
 * See {@code benchmarks/serve-load.sh}, which starts PostgreSQL, measures pgbench's simple-update rate
 * on it as the ceiling, starts {@code peiling serve} and runs this; docs/serve.md#load.
 */
public final class ServeLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ServeLoad URL API_KEY_FILE INSTITUTION LOCATION [respondents] [seconds]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load test runs against this machine only, not " + base.getHost());
        }
        String key = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)
                .get(0)
                .strip();
        String institution = args[2];
        String location = args[3];
        int respondents = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        if (respondents < 1 || respondents > 1_000 || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException(
                    "respondents (" + respondents + ") must be 1 to 1000 and seconds (" + seconds + ") 1 to 300");
        }
        Edition edition = Catalog.load().find("2027").orElseThrow();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        long run = System.currentTimeMillis();
        long warmupEnd =
                System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds / 5)).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        Counters counters = new Counters();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < respondents; t++) {
            long[] own = new long[1 << 16];
            latencies.add(own);
            int thread = t;
            Thread worker = new Thread(() -> {
                Worker respondent = new Worker(http, base, key, institution, location, edition, counters, own);
                for (int n = 0; System.nanoTime() < end; n++) {
                    respondent.respondent("load-" + run + "-" + thread + "-" + n, warmupEnd, end);
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream()
                .flatMapToLong(a -> Arrays.stream(a, 0, (int) Math.min(a.length, countOf(a))))
                .filter(v -> v > 0)
                .sorted()
                .toArray();
        long answers = counters.acknowledged.get();
        System.out.printf(
                Locale.ROOT,
                "%d concurrent respondents, %d s measured (after %d s warm-up); requests sent: %d%n"
                        + "answers acknowledged: %d (%.0f per second); respondents finished: %d%n"
                        + "answer latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "503 overloaded: %d; other errors: %d%n",
                respondents,
                seconds,
                Math.min(5, seconds / 5),
                counters.requests.get(),
                answers,
                answers / (double) seconds,
                counters.finished.get(),
                percentile(all, 0.50),
                percentile(all, 0.99),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6,
                counters.overloaded.get(),
                counters.errors.get());
    }

    private static long countOf(long[] latencies) {
        int n = 0;
        while (n < latencies.length && latencies[n] != 0) {
            n++;
        }
        return n;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static final class Counters {
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        final AtomicLong overloaded = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
    }

    /** One simulated respondent at a time on one thread. */
    private static final class Worker {
        private final HttpClient http;
        private final URI base;
        private final String key;
        private final String institution;
        private final String location;
        private final Edition edition;
        private final Counters counters;
        private final long[] latencies;
        private int recorded;

        Worker(
                HttpClient http,
                URI base,
                String key,
                String institution,
                String location,
                Edition edition,
                Counters counters,
                long[] latencies) {
            this.http = http;
            this.base = base;
            this.key = key;
            this.institution = institution;
            this.location = location;
            this.edition = edition;
            this.counters = counters;
            this.latencies = latencies;
        }

        void respondent(String respondent, long warmupEnd, long end) {
            try {
                String login = JSON.writeValueAsString(java.util.Map.of(
                        "respondent",
                        respondent,
                        "institution",
                        institution,
                        "location",
                        location,
                        "level",
                        3,
                        "pathway",
                        "BOL",
                        "language",
                        "nl"));
                HttpResponse<String> created = send("POST", "/api/v1/sessions", login, true);
                if (created.statusCode() != 201 && created.statusCode() != 200) {
                    count(created.statusCode());
                    pause();
                    return;
                }
                JsonNode state = JSON.readTree(created.body());
                String token = state.get("session").asText();
                while (System.nanoTime() < end) {
                    JsonNode next = null;
                    for (JsonNode question : state.get("questions")) {
                        if (question.get("visible").asBoolean()
                                && question.get("answer").isNull()) {
                            next = question;
                            break;
                        }
                    }
                    if (next == null) {
                        HttpResponse<String> finished =
                                send("POST", "/api/v1/sessions/" + token + "/finish", "", false);
                        if (finished.statusCode() == 200) {
                            counters.finished.incrementAndGet();
                        }
                        return;
                    }
                    String body = JSON.writeValueAsString(
                            java.util.Map.of("value", cell(next.get("id").asText())));
                    long start = System.nanoTime();
                    HttpResponse<String> answered = send(
                            "PUT",
                            "/api/v1/sessions/" + token + "/answers/"
                                    + next.get("id").asText(),
                            body,
                            false);
                    long took = System.nanoTime() - start;
                    if (answered.statusCode() == 200) {
                        if (start >= warmupEnd && System.nanoTime() < end) {
                            counters.acknowledged.incrementAndGet();
                            if (recorded < latencies.length) {
                                latencies[recorded++] = Math.max(1, took);
                            }
                        }
                        state = JSON.readTree(answered.body());
                    } else {
                        count(answered.statusCode());
                        pause();
                        if (answered.statusCode() != 503) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                counters.errors.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void count(int status) {
            (status == 503 ? counters.overloaded : counters.errors).incrementAndGet();
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private HttpResponse<String> send(String method, String path, String body, boolean vendor)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (vendor) {
                request.header("Authorization", "Bearer " + key);
            }
            counters.requests.incrementAndGet();
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** A valid answer: the middle point or the first option, the lowest number, a pass mark, a short text. */
        private String cell(String id) {
            Question question = edition.question(id).orElseThrow();
            Module module = edition.moduleOf(id).orElseThrow();
            return switch (question.type()) {
                case SCALE -> {
                    var points = module.scale(((ScaleQuestion) question).scale())
                            .orElseThrow()
                            .points();
                    yield Integer.toString(points.get(points.size() / 2).code());
                }
                case SINGLE -> ((SingleQuestion) question).options().get(0).code();
                case MULTI -> {
                    MultiQuestion multi = (MultiQuestion) question;
                    int n = Math.max(1, multi.minSelected() == null ? 1 : multi.minSelected());
                    yield multi.options().stream().limit(n).map(Option::code).collect(Collectors.joining("|"));
                }
                case NUMBER -> {
                    NumberQuestion number = (NumberQuestion) question;
                    yield number.min() != null ? number.min().toPlainString() : "1";
                }
                case GRADE -> "7";
                case TEXT -> "prima";
            };
        }
    }
}
