package nl.peiling.server.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.peiling.core.engine.ResponseLayout;

/**
 * Request bodies: JSON objects of at most {@link #MAX_BYTES} bytes and {@link #MAX_DEPTH} levels, read
 * strictly (no duplicate keys, nothing after the object); anything else is a 4xx with a problem, never an
 * exception that escapes.
 */
final class Bodies {

    /** The largest request body accepted. */
    static final int MAX_BYTES = 64 * 1024;
    /** The deepest nesting accepted; the API's bodies are flat. */
    static final int MAX_DEPTH = 16;

    static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_BYTES)
                            .maxNumberLength(100)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule().addSerializer(new QuestionStates.Writer()))
            .build();

    private Bodies() {}

    /** The JSON object of a body. */
    static JsonNode object(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("malformed-json", "the request needs a JSON object as its body");
        }
        JsonNode node;
        try (JsonParser parser = JSON.createParser(body)) {
            node = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("malformed-json", "the body has more after its JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest(
                    "too-deep", "the body's JSON nests deeper than " + MAX_DEPTH + " levels or has a too long value");
        } catch (IOException e) {
            throw ApiException.badRequest("malformed-json", "the body is not valid JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("malformed-json", "the body must be a JSON object");
        }
        return node;
    }

    /** A required string field; a problem (and null) when it is missing or not a string. */
    static String field(JsonNode body, String name, List<ApiProblem> problems) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            problems.add(ApiProblem.field("missing-field", name, name + " is required"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(ApiProblem.field("malformed", name, name + " must be a string, not " + kind(node)));
            return null;
        }
        return node.textValue();
    }

    /** A required string field of at most {@code maxLength} characters, or a 422. */
    static String text(JsonNode body, String name, int maxLength) {
        List<ApiProblem> problems = new ArrayList<>();
        String text = field(body, name, problems);
        if (text != null && text.length() > maxLength) {
            problems.add(ApiProblem.field(
                    "too-long",
                    name,
                    String.format(
                            Locale.ROOT, "%s (%d characters) must have at most %d", name, text.length(), maxLength)));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(422, problems);
        }
        return text;
    }

    /** The level: a whole number 1 to 4 (or its text); a problem (and 0) otherwise. */
    static int level(JsonNode body, List<ApiProblem> problems) {
        JsonNode node = body.get("level");
        if (node == null || node.isNull()) {
            problems.add(ApiProblem.field("missing-field", "level", "level is required"));
            return 0;
        }
        int level;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            level = node.intValue();
        } else if (node.isTextual() && node.textValue().matches("[0-9]{1,2}")) {
            level = Integer.parseInt(node.textValue());
        } else {
            problems.add(ApiProblem.field(
                    "malformed", "level", "level must be a whole number 1 to 4, not " + shorten(node.toString())));
            return 0;
        }
        if (!ResponseLayout.isLevel(level)) {
            problems.add(ApiProblem.field(
                    "out-of-range",
                    "level",
                    "level (" + level + ") must be between " + ResponseLayout.MIN_LEVEL + " and "
                            + ResponseLayout.MAX_LEVEL));
            return 0;
        }
        return level;
    }

    /** A value as shown in a message: at most 60 characters. */
    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException json
                ? String.valueOf(json.getOriginalMessage())
                : String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return shorten(end < 0 ? message : message.substring(0, end));
    }
}
