package nl.peiling.server.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API (SPEC section 10): routes, the API key, request bodies, the overload gate and
 * the problem replies. Every failure becomes a JSON problem list; nothing of a stack trace reaches a
 * client, and nothing of a respondent (key, token, answer) reaches the log.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String PREFIX = "/api/v1/";

    private final SessionService service;
    private final PageHandler pages;
    private final PageLinks links;
    private final byte[] apiKey;
    private final Semaphore active;
    private final long queueWaitNanos;

    ApiHandler(
            SessionService service,
            PageHandler pages,
            PageLinks links,
            String apiKey,
            int maxActive,
            Duration queueWait) {
        this.service = service;
        this.pages = pages;
        this.links = links;
        this.apiKey = apiKey.getBytes(UTF_8);
        this.active = new Semaphore(maxActive, true);
        this.queueWaitNanos = queueWait.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            if (path.equals("/health")) {
                // Health answers even under overload: it is how the survey owner sees it.
                requireMethod(method, "GET");
                reply(response, callback, service.health());
                return true;
            }
            boolean page = !path.startsWith(PREFIX) && pages.owns(path);
            if (!path.startsWith(PREFIX) && !page) {
                throw ApiException.of(404, "not-found", "there is nothing at " + Bodies.shorten(path));
            }
            if (!active.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS)) {
                throw ApiException.unavailable("overloaded", "the service is busy; try again in a few seconds", 2);
            }
            try {
                if (page) {
                    pages.handle(request, response, callback, method, path);
                } else {
                    route(request, response, callback, method, path.substring(PREFIX.length()));
                }
            } finally {
                active.release();
            }
        } catch (ApiException e) {
            problems(request, response, callback, e);
        } catch (SQLException e) {
            LOG.warn("database unavailable: {} (SQL state {})", e.getClass().getSimpleName(), e.getSQLState());
            problems(
                    request,
                    response,
                    callback,
                    ApiException.unavailable(
                            "database-unavailable",
                            "the database cannot be reached; nothing was changed; try again in a few seconds",
                            5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems(request, response, callback, ApiException.unavailable("overloaded", "the service is stopping", 5));
        } catch (RuntimeException | IOException e) {
            // The message may hold request values; the log gets the type and place only.
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.error("internal error {} at {}", e.getClass().getName(), at);
            problems(
                    request,
                    response,
                    callback,
                    new ApiException(
                            500, List.of(ApiProblem.of("internal", "an internal error; nothing was changed"))));
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback, String method, String rest)
            throws SQLException, IOException {
        String[] parts = rest.split("/", -1);
        if (rest.equals("sessions")) {
            requireMethod(method, "POST");
            requireKey(request);
            reply(response, callback, service.login(body(request)));
        } else if (parts.length == 2 && parts[0].equals("sessions")) {
            requireMethod(method, "GET");
            reply(response, callback, service.read(parts[1]));
        } else if (parts.length == 4 && parts[0].equals("sessions") && parts[2].equals("answers")) {
            String question = parts[3];
            switch (method) {
                case "PUT" -> reply(response, callback, service.answer(parts[1], question, body(request)));
                case "DELETE" -> reply(response, callback, service.clear(parts[1], question));
                default -> throw notAllowed("PUT, DELETE");
            }
        } else if (parts.length == 3 && parts[0].equals("sessions") && parts[2].equals("finish")) {
            requireMethod(method, "POST");
            reply(response, callback, service.finish(parts[1]));
        } else if (rest.equals("invitations")) {
            requireMethod(method, "POST");
            requireKey(request);
            reply(response, callback, links.invitation(body(request)));
        } else if (rest.equals("coordinators")) {
            requireMethod(method, "GET");
            requireKey(request);
            reply(response, callback, links.coordinators());
        } else if (rest.equals("responses.csv")) {
            requireMethod(method, "GET");
            requireKey(request);
            export(response, callback);
        } else if (rest.equals("barometer")) {
            requireMethod(method, "GET");
            requireKey(request);
            reply(response, callback, service.barometer());
        } else if (rest.equals("notice")) {
            requireKey(request);
            switch (method) {
                case "PUT" -> reply(response, callback, service.setNotice(body(request)));
                case "DELETE" -> reply(response, callback, service.clearNotice());
                default -> throw notAllowed("PUT, DELETE");
            }
        } else {
            throw ApiException.of(404, "not-found", "there is nothing at " + Bodies.shorten(PREFIX + rest));
        }
    }

    private void export(Response response, Callback callback) throws SQLException, IOException {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/csv; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"responses.csv\"");
        OutputStream stream = Content.Sink.asOutputStream(response);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(stream, UTF_8), 64 * 1024)) {
            service.export(out);
        } catch (SQLException | IOException | RuntimeException e) {
            // The status is sent already: abort, so the client sees a broken transfer, not a short file.
            LOG.warn("export aborted: {}", e.getClass().getSimpleName());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private void requireKey(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String prefix = "Bearer ";
        boolean ok = header != null
                && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(
                        header.substring(prefix.length()).strip().getBytes(UTF_8), apiKey);
        if (!ok) {
            throw ApiException.of(
                    401, "unauthorized", "this request needs the API key as 'Authorization: Bearer <key>'");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(allowed);
        }
    }

    private static ApiException notAllowed(String allowed) {
        return ApiException.methodNotAllowed(allowed);
    }

    private static JsonNode body(Request request) throws IOException {
        long length = request.getLength();
        if (length > Bodies.MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(Bodies.MAX_BYTES + 1);
        }
        if (bytes.length > Bodies.MAX_BYTES) {
            throw tooLarge();
        }
        return Bodies.object(bytes);
    }

    private static ApiException tooLarge() {
        return ApiException.of(413, "too-large", "the body must be at most " + Bodies.MAX_BYTES + " bytes");
    }

    private static void reply(Response response, Callback callback, SessionService.Reply reply)
            throws JsonProcessingException {
        send(response, callback, reply.status(), reply.body(), 0);
    }

    /** A refusal: a page for people on the pages' paths, else the API's problem list. */
    private void problems(Request request, Response response, Callback callback, ApiException e) {
        if (pages.owns(Request.getPathInContext(request))) {
            pages.refuse(response, callback, e);
        } else {
            apiProblems(request, response, callback, e);
        }
    }

    private static void apiProblems(Request request, Response response, Callback callback, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        e.problems().forEach(p -> problems.add(p.json()));
        body.put("problems", problems);
        if (e.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.status() == 413 || !request.consumeAvailable()) {
            // The rest of the body is not read (too large, or refused before reading it, as under overload,
            // and not all arrived yet): the connection cannot carry another request, and says so.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (e.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, e.allow());
        }
        try {
            send(response, callback, e.status(), body, e.retryAfter());
        } catch (JsonProcessingException impossible) {
            callback.failed(impossible);
        }
    }

    private static void send(Response response, Callback callback, int status, Object body, int retryAfter)
            throws JsonProcessingException {
        byte[] bytes = Bodies.JSON.writeValueAsBytes(body);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (retryAfter > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(retryAfter));
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** The problem body of an error Jetty itself answers (a malformed request line, a too large header). */
    static byte[] jettyError(int status, String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", status == 404 ? "not-found" : "bad-request");
        problem.put("message", message == null ? "HTTP " + status : message);
        try {
            return Bodies.JSON.writeValueAsBytes(Map.of("problems", List.of(problem)));
        } catch (JsonProcessingException e) {
            return "{\"problems\":[{\"code\":\"bad-request\",\"message\":\"bad request\"}]}".getBytes(UTF_8);
        }
    }
}
