package nl.peiling.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * respondent, until the time is up. Prints answers acknowledged per second, the p50/p99 latency of the
 * answers and its own CPU time.
 *
 * <p>Without a rate every respondent sends its next answer as soon as the last one is acknowledged (a
 * closed loop: it measures the most answers per second, and the latency is then the respondents' number
 * divided by the rate, by Little's law). With a rate (answers per second in all), each respondent sends
 * one answer per respondents/rate seconds, as people pause between questions do; the latency of an
 * answer is counted from when it was due, so a slow reply that delays the next answer counts in full. Loopback only, bounded: at most 1,000 respondents at once and 300 seconds.
 *
 * <p>The client is lean on purpose, because it shares the machine's cores with the server and the
 * database: one HTTP/1.1 keep-alive connection per respondent thread over a plain socket, and replies read
 * with Jackson's streaming parser only as far as the next unanswered visible question.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar nl.peiling.benchmarks.ServeLoad \
 *     http://127.0.0.1:8080 API_KEY_FILE INSTITUTION LOCATION [respondents=200] [seconds=30] [rate=0]
 * </pre>
 *
 * See {@code benchmarks/serve-load.sh}, which starts PostgreSQL, measures pgbench's simple-update rate
 * on it as the ceiling, starts {@code peiling serve} and runs this; docs/serve.md#load.
 */
public final class ServeLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private ServeLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println(
                    "usage: ServeLoad URL API_KEY_FILE INSTITUTION LOCATION [respondents] [seconds] [answers/s]");
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
        int rate = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        if (respondents < 1 || respondents > 1_000 || seconds < 1 || seconds > 300 || rate < 0 || rate > 100_000) {
            throw new IllegalArgumentException("respondents (" + respondents + ") must be 1 to 1000, seconds ("
                    + seconds + ") 1 to 300 and the rate (" + rate + ") 0 to 100000");
        }
        long interval = rate == 0 ? 0 : respondents * 1_000_000_000L / rate;
        Edition edition = Catalog.load().find("2027").orElseThrow();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        long run = System.currentTimeMillis();
        long warmupEnd =
                System.nanoTime() + Duration.ofSeconds(Math.min(5, seconds / 5)).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        Counters counters = new Counters();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < respondents; t++) {
            long[] own = new long[1 << 14];
            latencies.add(own);
            int thread = t;
            Thread worker = new Thread(() -> {
                try (Worker respondent =
                        new Worker(address, key, institution, location, edition, counters, own, interval)) {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        respondent.respondent("load-" + run + "-" + thread + "-" + n, warmupEnd, end);
                    }
                }
            });
            worker.start();
            threads.add(worker);
        }
        // The CPU time of the measured window only: the JVM's start and its compilers' warm-up do not count.
        LockSupport.parkNanos(warmupEnd - System.nanoTime());
        double cpuAtStart = cpuSeconds();
        long answersAtStart = counters.allAnswers.get();
        LockSupport.parkNanos(end - System.nanoTime());
        double cpuMeasured = cpuSeconds() - cpuAtStart;
        long answersMeasured = counters.allAnswers.get() - answersAtStart;
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
                "%d concurrent respondents, %s, %d s measured (after %d s warm-up); requests sent: %d%n"
                        + "answers acknowledged: %d (%.0f per second); respondents finished: %d%n"
                        + "answer latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "503 overloaded: %d; other errors: %d%n"
                        + "answers in the whole run: %d; load generator CPU: %.3f ms per answer%n",
                respondents,
                rate == 0
                        ? "each answering as soon as the last answer is acknowledged"
                        : "paced at " + rate + " answers/s",
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
                counters.errors.get(),
                counters.allAnswers.get(),
                cpuMeasured * 1000 / Math.max(1, answersMeasured));
    }

    /** The CPU time (user and system) of this process so far. */
    private static double cpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
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
        final AtomicLong allAnswers = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        final AtomicLong overloaded = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
    }

    /** A reply: the status and the body's bytes. */
    private record Reply(int status, byte[] body) {}

    /** One simulated respondent at a time on one thread, on its own keep-alive connection. */
    private static final class Worker implements AutoCloseable {
        private final InetSocketAddress address;
        private final String key;
        private final String institution;
        private final String location;
        private final Edition edition;
        private final Counters counters;
        private final long[] latencies;
        /** Nanoseconds between a respondent's answers, or 0 for as soon as possible. */
        private final long interval;
        /** When the next answer is due (paced only). */
        private long due;

        private final Map<String, String> cells = new HashMap<>();
        private int recorded;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(
                InetSocketAddress address,
                String key,
                String institution,
                String location,
                Edition edition,
                Counters counters,
                long[] latencies,
                long interval) {
            this.address = address;
            this.key = key;
            this.institution = institution;
            this.location = location;
            this.edition = edition;
            this.counters = counters;
            this.latencies = latencies;
            this.interval = interval;
            this.due = interval == 0
                    ? 0
                    : System.nanoTime() + ThreadLocalRandom.current().nextLong(interval);
        }

        void respondent(String respondent, long warmupEnd, long end) {
            try {
                String login = JSON.writeValueAsString(Map.of(
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
                Reply created = send("POST", "/api/v1/sessions", login, true);
                if (created.status() != 201 && created.status() != 200) {
                    count(created.status());
                    pause();
                    return;
                }
                String token = JSON.readTree(created.body()).get("session").asText();
                String next = next(created.body());
                while (System.nanoTime() < end) {
                    if (next == null) {
                        Reply finished = send("POST", "/api/v1/sessions/" + token + "/finish", "", false);
                        if (finished.status() == 200) {
                            counters.finished.incrementAndGet();
                        }
                        return;
                    }
                    String body = "{\"value\":\"" + cell(next) + "\"}";
                    long start = System.nanoTime();
                    if (interval > 0) {
                        while (start < due) {
                            LockSupport.parkNanos(due - start);
                            start = System.nanoTime();
                        }
                        start = due;
                        due += interval;
                    }
                    Reply answered = send("PUT", "/api/v1/sessions/" + token + "/answers/" + next, body, false);
                    long took = System.nanoTime() - start;
                    if (answered.status() == 200) {
                        counters.allAnswers.incrementAndGet();
                        if (start >= warmupEnd && System.nanoTime() < end) {
                            counters.acknowledged.incrementAndGet();
                            if (recorded < latencies.length) {
                                latencies[recorded++] = Math.max(1, took);
                            }
                        }
                        next = next(answered.body());
                    } else {
                        count(answered.status());
                        pause();
                        if (answered.status() != 503) {
                            return;
                        }
                    }
                }
            } catch (IOException e) {
                counters.errors.incrementAndGet();
                disconnect();
                pause();
            }
        }

        /** The first visible unanswered question of a state, read only as far as needed; null when none. */
        private static String next(byte[] state) throws IOException {
            try (JsonParser parser = FACTORY.createParser(state)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new IOException("the state is not a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    if (!field.equals("questions")) {
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String id = null;
                        boolean visible = false;
                        boolean unanswered = false;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            JsonToken value = parser.nextToken();
                            switch (name) {
                                case "id" -> id = parser.getText();
                                case "visible" -> visible = value == JsonToken.VALUE_TRUE;
                                case "answer" -> unanswered = value == JsonToken.VALUE_NULL;
                                default -> parser.skipChildren();
                            }
                        }
                        if (visible && unanswered) {
                            return id;
                        }
                    }
                    return null;
                }
            }
            throw new IOException("the state has no questions");
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

        /** Sends one request on the connection (opening it when needed) and reads the whole reply. */
        private Reply send(String method, String path, String body, boolean vendor) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(address, 5_000);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(200)
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                    .append(content.length)
                    .append("\r\n");
            if (vendor) {
                head.append("Authorization: Bearer ").append(key).append("\r\n");
            }
            head.append("\r\n");
            counters.requests.incrementAndGet();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return read();
        }

        /** Reads a reply with a Content-Length or chunked body; closes the connection when the server asks. */
        private Reply read() throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 reply: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().strip(), 16);
                        size > 0;
                        size = Integer.parseInt(line().strip(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                line();
                body = all.toByteArray();
            } else {
                body = length < 0 ? new byte[0] : in.readNBytes(length);
            }
            if (close) {
                disconnect();
            }
            return new Reply(code, body);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void disconnect() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }

        @Override
        public void close() {
            disconnect();
        }

        /** A valid answer: the middle point or the first option, the lowest number, a pass mark, a short text. */
        private String cell(String id) {
            return cells.computeIfAbsent(id, this::validCell);
        }

        private String validCell(String id) {
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
