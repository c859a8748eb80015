package nl.peiling.server.internal;

import static j2html.TagCreator.h1;
import static j2html.TagCreator.p;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.model.Edition;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of the pages: the respondent's ({@code /}, {@code /start}, {@code /s/…}), the
 * coordinator's ({@code /c/…}) and their style sheet and script ({@code /assets/…}). It runs inside the
 * {@link ApiHandler}'s overload gate; its failures are HTML pages for people, never a stack trace.
 */
final class PageHandler {

    private static final String HTML_TYPE = "text/html; charset=utf-8";
    /** No inline script or style, no framing, nothing fetched from elsewhere. */
    private static final String POLICY = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final RespondentPages respondents;
    private final CoordinatorPages coordinators;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    PageHandler(SessionService service, PageKeys keys, List<Institution> institutions, Edition edition) {
        this.respondents = new RespondentPages(service, keys, institutions, edition);
        this.coordinators = new CoordinatorPages(service, keys, institutions);
        assets.put("/assets/peiling.css", resource("peiling.css"));
        assets.put("/assets/peiling.js", resource("peiling.js"));
    }

    /** Whether the path is one of the pages'. */
    boolean owns(String path) {
        return path.equals("/")
                || path.equals("/start")
                || path.startsWith("/s/")
                || path.startsWith("/c/")
                || assets.containsKey(path);
    }

    /** Answers a page request; refusals of the service become pages. */
    void handle(Request request, Response response, Callback callback, String method, String path)
            throws SQLException, IOException {
        PageReply reply;
        try {
            reply = route(request, method, path);
        } catch (ApiException e) {
            reply = failure(e);
        }
        send(response, callback, reply);
    }

    private PageReply route(Request request, String method, String path) throws SQLException, IOException {
        Form query = Form.parse(request.getHttpURI().getQuery());
        if (assets.containsKey(path)) {
            allow(method, "GET");
            String type = path.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            return new PageReply(200, type, assets.get(path), null, null);
        }
        if (path.equals("/")) {
            allow(method, "GET");
            return respondents.start(query);
        }
        if (path.equals("/start")) {
            allow(method, "POST");
            return respondents.begin(form(request));
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts[0].equals("s") && parts.length == 2) {
            allow(method, "GET");
            return respondents.resume(parts[1]);
        }
        if (parts[0].equals("s") && parts.length == 3 && parts[2].equals("done")) {
            allow(method, "GET");
            return respondents.done(parts[1]);
        }
        if (parts[0].equals("s") && parts.length == 3 && parts[2].matches("[1-9][0-9]{0,3}")) {
            int page = Integer.parseInt(parts[2]);
            switch (method) {
                case "GET":
                    return respondents.page(parts[1], page);
                case "POST":
                    return respondents.submit(parts[1], page, form(request));
                default:
                    throw ApiException.methodNotAllowed("GET, POST");
            }
        }
        if (parts[0].equals("c") && parts.length >= 3) {
            allow(method, "GET");
            String rest =
                    parts.length == 3 ? "" : String.join("/", List.of(parts).subList(3, parts.length));
            return coordinators.route(parts[1], parts[2], rest, query, Origin.of(request));
        }
        throw ApiException.of(404, "not-found", "there is nothing at this address");
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiException.methodNotAllowed(allowed);
        }
    }

    /** A refusal as a page: an unknown session, a busy service, anything else with its message. */
    PageReply failure(ApiException e) {
        PageFrame frame = new PageFrame("nl", false, null);
        String heading;
        String text;
        if (e.status() == 404 && e.problems().get(0).code().equals("unknown-session")) {
            heading = PageWords.UNKNOWN_SESSION_HEADING.in("nl");
            text = PageWords.UNKNOWN_SESSION.in("nl") + " / " + PageWords.UNKNOWN_SESSION.in("en");
        } else if (e.status() == 503) {
            heading = PageWords.UNAVAILABLE_HEADING.in("nl");
            text = PageWords.UNAVAILABLE.in("nl") + " / " + PageWords.UNAVAILABLE.in("en");
        } else {
            heading = "HTTP " + e.status();
            text = e.problems().get(0).message();
        }
        PageReply page = PageReply.html(e.status(), frame.render(heading, false, h1(heading), p(text)));
        return new PageReply(page.status(), page.type(), page.body(), null, e.retryAfter() > 0 ? e.retryAfter() : null);
    }

    /** Sends a refusal that reached the gate (overload, an unavailable database) as a page. */
    void refuse(Response response, Callback callback, ApiException e) {
        send(response, callback, failure(e));
    }

    private static void send(Response response, Callback callback, PageReply reply) {
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", POLICY);
        if (reply.retryAfter() != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, reply.retryAfter().toString());
        }
        if (reply.location() != null) {
            response.getHeaders().put(HttpHeader.LOCATION, reply.location());
            response.write(true, ByteBuffer.allocate(0), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.type());
        if (reply.type().startsWith("text/csv") || reply.type().startsWith("image/svg")) {
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "inline");
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private static Form form(Request request) throws IOException {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(Bodies.MAX_BYTES + 1);
        }
        if (bytes.length > Bodies.MAX_BYTES) {
            throw ApiException.of(413, "too-large", "the form must be at most " + Bodies.MAX_BYTES + " bytes");
        }
        return Form.parse(new String(bytes, UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PageHandler.class.getResourceAsStream("/nl/peiling/server/pages/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page's reply: HTML (or CSV, SVG) with a status, or a 303 redirect after a POST or to where the
     * student left off.
     */
    record PageReply(int status, String type, byte[] body, String location, Integer retryAfter) {

        static PageReply html(int status, String html) {
            return new PageReply(status, HTML_TYPE, html.getBytes(UTF_8), null, null);
        }

        static PageReply redirect(String location) {
            return new PageReply(303, HTML_TYPE, new byte[0], location, null);
        }
    }

    /** The scheme and host a request came to, for absolute links in QR codes. */
    record Origin(String base) {

        static Origin of(Request request) {
            return new Origin(request.getHttpURI().getScheme() + "://"
                    + request.getHttpURI().getAuthority());
        }
    }

    /** A query string or an {@code application/x-www-form-urlencoded} body: names to values, in order. */
    record Form(Map<String, List<String>> fields) {

        static Form parse(String encoded) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            if (encoded != null && !encoded.isEmpty()) {
                for (String pair : encoded.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                    String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                    fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
                }
            }
            return new Form(fields);
        }

        private static String decode(String text) {
            try {
                return URLDecoder.decode(text, UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed", "the form holds a malformed %-escape");
            }
        }

        /** The first value of the field, or null. */
        String first(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** Every value of the field, in order; empty when absent. */
        List<String> all(String name) {
            return fields.getOrDefault(name, List.of());
        }
    }
}
