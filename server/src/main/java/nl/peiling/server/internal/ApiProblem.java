package nl.peiling.server.internal;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.peiling.core.engine.Problem;

/**
 * One problem of a refused request, as the API lists it: a stable code, a message for people, and the
 * question or field it is about when there is one.
 *
 * @param code the stable code, e.g. {@code out-of-range}, {@code unknown-session}
 * @param message what is wrong, naming the value and the rule
 * @param about the question id or request field, or null
 */
record ApiProblem(String code, String message, String about) {

    ApiProblem {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }

    static ApiProblem of(String code, String message) {
        return new ApiProblem(code, message, null);
    }

    static ApiProblem field(String code, String field, String message) {
        return new ApiProblem(code, message, field);
    }

    /** An answer the engine refused. */
    static ApiProblem of(Problem problem) {
        return new ApiProblem(problem.code().code(), problem.message(), problem.question());
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        if (about != null) {
            json.put("field", about);
        }
        return json;
    }
}
