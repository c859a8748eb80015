package nl.peiling.server.internal;

import java.util.List;

/**
 * A request the API refuses, with its HTTP status and problem list; {@code retryAfter} seconds for the
 * 503s, which the client may retry.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<ApiProblem> problems;
    private final int retryAfter;
    private final String allow;

    ApiException(int status, List<ApiProblem> problems, int retryAfter) {
        this(status, problems, retryAfter, null);
    }

    private ApiException(int status, List<ApiProblem> problems, int retryAfter, String allow) {
        super(problems.isEmpty() ? "status " + status : problems.get(0).code(), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an API error needs at least one problem");
        }
        this.status = status;
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
        this.allow = allow;
    }

    ApiException(int status, List<ApiProblem> problems) {
        this(status, problems, 0);
    }

    static ApiException of(int status, String code, String message) {
        return new ApiException(status, List.of(ApiProblem.of(code, message)));
    }

    static ApiException badRequest(String code, String message) {
        return of(400, code, message);
    }

    static ApiException notFound(String message) {
        return of(404, "unknown-session", message);
    }

    static ApiException unavailable(String code, String message, int retryAfter) {
        return new ApiException(503, List.of(ApiProblem.of(code, message)), retryAfter);
    }

    /** 405: the request's method is not one of {@code allowed}. */
    static ApiException methodNotAllowed(String allowed) {
        return new ApiException(
                405,
                List.of(ApiProblem.of("method-not-allowed", "this address allows " + allowed + " only")),
                0,
                allowed);
    }

    /** The methods allowed, for the {@code Allow} header of a 405; null otherwise. */
    String allow() {
        return allow;
    }

    int status() {
        return status;
    }

    List<ApiProblem> problems() {
        return problems;
    }

    /** Seconds for a {@code Retry-After} header, 0 for none. */
    int retryAfter() {
        return retryAfter;
    }
}
