package nl.peiling.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A JSON document as a small tree that keeps the line and column of every value and property name,
 * so that violations can point into the file. Reading is bounded by {@link #CONSTRAINTS}.
 */
final class JsonTree {

    /** The largest exponent, positive or negative, of a number in a definition file. */
    static final int MAX_SCALE = 1000;

    /** Limits on what a definition file may contain. */
    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxDocumentLength(16L * 1024 * 1024)
            .maxStringLength(1024 * 1024)
            .maxNumberLength(100)
            .maxNameLength(1000)
            .build();

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** The kinds of JSON value. */
    enum Kind {
        OBJECT("an object"),
        ARRAY("an array"),
        STRING("a string"),
        INTEGER("a whole number"),
        DECIMAL("a number"),
        BOOLEAN("true or false"),
        NULL("null");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** A value with its position; object properties keep their order and the position of their name. */
    static final class Node {
        final Kind kind;
        final int line;
        final int column;
        final Object scalar;
        final Map<String, Node> fields;
        final Map<String, int[]> names;
        final List<Node> elements;

        private Node(Kind kind, int line, int column, Object scalar) {
            this.kind = kind;
            this.line = line;
            this.column = column;
            this.scalar = scalar;
            this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : Map.of();
            this.names = kind == Kind.OBJECT ? new LinkedHashMap<>() : Map.of();
            this.elements = kind == Kind.ARRAY ? new ArrayList<>() : List.of();
        }

        String text() {
            return (String) scalar;
        }

        BigDecimal number() {
            return (BigDecimal) scalar;
        }

        /** A short rendering for messages. */
        String show() {
            return switch (kind) {
                case OBJECT -> "{...}";
                case ARRAY -> "[...]";
                case STRING -> '"' + abbreviate(text()) + '"';
                case INTEGER, DECIMAL -> number().toPlainString();
                case BOOLEAN -> scalar.toString();
                case NULL -> "null";
            };
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    private JsonTree() {}

    /**
     * Reads one JSON document. A property that repeats is reported to {@code duplicates} (with the node
     * of the repeat) and the first one is kept.
     *
     * @throws IOException for malformed JSON or a document beyond the limits
     */
    static Node read(byte[] bytes, BiConsumer<String, Node> duplicates) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "empty document");
            }
            Node root = value(parser, token, duplicates);
            if (parser.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(
                        parser, "content after the end of the document");
            }
            return root;
        }
    }

    private static Node value(JsonParser parser, JsonToken token, BiConsumer<String, Node> duplicates)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                Node object = new Node(Kind.OBJECT, line, column, null);
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    Node child = value(parser, parser.nextToken(), duplicates);
                    if (object.fields.containsKey(name)) {
                        duplicates.accept(name, child);
                    } else {
                        object.fields.put(name, child);
                        object.names.put(name, new int[] {nameAt.getLineNr(), nameAt.getColumnNr()});
                    }
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + next);
                }
                return object;
            }
            case START_ARRAY -> {
                Node array = new Node(Kind.ARRAY, line, column, null);
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected end of input");
                    }
                    array.elements.add(value(parser, next, duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return new Node(Kind.STRING, line, column, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new Node(Kind.INTEGER, line, column, parser.getDecimalValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                BigDecimal value = parser.getDecimalValue();
                // 1e999999 is short to write but huge to print (toPlainString), and messages print numbers.
                if (Math.abs((long) value.scale()) > MAX_SCALE) {
                    String rule = "its exponent is beyond +-" + MAX_SCALE;
                    throw new com.fasterxml.jackson.core.JsonParseException(
                            parser, "number " + parser.getText() + " is out of range: " + rule);
                }
                return new Node(Kind.DECIMAL, line, column, value);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(Kind.BOOLEAN, line, column, token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new Node(Kind.NULL, line, column, null);
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        }
    }
}
