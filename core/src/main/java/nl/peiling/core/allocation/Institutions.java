package nl.peiling.core.allocation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.core.io.InputProblem;

/**
 * Reads and writes {@code institutions.json} (SPEC section 5): a JSON array of institutions, each
 * {@code {"code", "name", "shortName", "chosen", "excluded", "locations": [{"code", "name"}]}}.
 *
 * <p>Reading is strict: an unknown or repeated property, a value of the wrong type or a missing field is
 * an error naming its path ({@code [2].locations[0].code}), line and column, and every such problem is
 * reported, not just the first. {@code shortName} defaults to {@code name} and {@code excluded} to none;
 * the other fields are required. Whether the plans fit an edition is {@link PlanCheck}'s job.
 */
public final class Institutions {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(1 << 20)
                    .maxNumberLength(100)
                    .build())
            .build();

    private static final List<String> PROPERTIES =
            List.of("code", "name", "shortName", "chosen", "excluded", "locations");
    private static final List<String> LOCATION_PROPERTIES = List.of("code", "name");

    private Institutions() {}

    /**
     * Reads an institutions file.
     *
     * @throws InstitutionsException when the file cannot be read or has problems
     */
    public static List<Institution> read(Path file) {
        requireNonNull(file, "file");
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InstitutionsException(
                    file.toString(), List.of(located("", -1, -1, "cannot read the file: " + describe(e))), e);
        }
        return parse(file.toString(), json);
    }

    /**
     * Reads institutions from JSON bytes.
     *
     * @param file how the file is named in messages
     * @throws InstitutionsException when the JSON has problems
     */
    public static List<Institution> parse(String file, byte[] json) {
        requireNonNull(file, "file");
        requireNonNull(json, "json");
        Reader reader = new Reader();
        try (JsonParser parser = FACTORY.createParser(json)) {
            List<Institution> institutions = reader.document(parser);
            if (!reader.problems.isEmpty()) {
                throw new InstitutionsException(file, reader.problems);
            }
            return institutions;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            reader.problems.add(located(
                    reader.path(),
                    at == null ? -1 : at.getLineNr(),
                    at == null ? -1 : at.getColumnNr(),
                    (e.getOriginalMessage().startsWith("Invalid UTF-8") ? "not UTF-8 text: " : "not valid JSON: ")
                            + e.getOriginalMessage()));
            throw new InstitutionsException(file, reader.problems, e);
        } catch (IOException e) {
            throw new InstitutionsException(file, List.of(located("", -1, -1, describe(e))), e);
        }
    }

    /** The institutions as JSON in the file's format, two-space indented, with a final newline. */
    public static String toJson(List<Institution> institutions) {
        requireNonNull(institutions, "institutions");
        StringWriter text = new StringWriter();
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = FACTORY.createGenerator(text).setPrettyPrinter(pretty)) {
            json.writeStartArray();
            for (Institution institution : institutions) {
                json.writeStartObject();
                json.writeStringField("code", institution.code());
                json.writeStringField("name", institution.name());
                json.writeStringField("shortName", institution.shortName());
                strings(json, "chosen", institution.chosen());
                strings(json, "excluded", institution.excluded());
                json.writeArrayFieldStart("locations");
                for (Location location : institution.locations()) {
                    json.writeStartObject();
                    json.writeStringField("code", location.code());
                    json.writeStringField("name", location.name());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text + "\n";
    }

    /** Writes the institutions as an {@code institutions.json} file. */
    public static void write(List<Institution> institutions, Path file) throws IOException {
        requireNonNull(file, "file");
        AtomicFiles.writeString(file, toJson(institutions));
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    /** A problem at a path of the document, at a line and column from 1 (or -1 when not known). */
    private static InputProblem located(String path, int line, int column, String message) {
        return new InputProblem(null, Math.max(line, 0), Math.max(column, 0), path, null, message);
    }

    /** One reading: the problems found and the path being read. */
    private static final class Reader {
        final List<InputProblem> problems = new ArrayList<>();
        final List<String> path = new ArrayList<>();

        String path() {
            return String.join("", path).replaceFirst("^\\.", "");
        }

        void problem(JsonParser parser, String message) {
            problem(parser.currentTokenLocation(), message);
        }

        void problem(JsonLocation at, String message) {
            problems.add(located(path(), at.getLineNr(), at.getColumnNr(), message));
        }

        List<Institution> document(JsonParser parser) throws IOException {
            List<Institution> institutions = new ArrayList<>();
            JsonToken token = parser.nextToken();
            if (token == null) {
                problems.add(located("", -1, -1, "the file is empty; expected an array of institutions"));
                return institutions;
            }
            if (token != JsonToken.START_ARRAY) {
                problem(parser, "expected an array of institutions, found " + kind(token));
                return institutions;
            }
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                path.add("[" + index + "]");
                Institution institution = institution(parser, token);
                if (institution != null) {
                    institutions.add(institution);
                }
                path.remove(path.size() - 1);
                index++;
            }
            if (parser.nextToken() != null) {
                problem(parser, "unexpected content after the array of institutions");
            }
            return institutions;
        }

        private Institution institution(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                problem(parser, "expected an institution object, found " + kind(token));
                parser.skipChildren();
                return null;
            }
            JsonLocation start = parser.currentTokenLocation();
            String code = null;
            String name = null;
            String shortName = null;
            List<String> chosen = null;
            List<String> excluded = null;
            List<Location> locations = null;
            boolean broken = false;
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String property = parser.currentName();
                JsonLocation nameAt = parser.currentTokenLocation();
                path.add("." + property);
                JsonToken value = parser.nextToken();
                if (!seen.add(property)) {
                    problem(nameAt, "property \"" + property + "\" appears twice");
                    parser.skipChildren();
                    broken = true;
                } else {
                    switch (property) {
                        case "code" -> code = string(parser, value);
                        case "name" -> name = string(parser, value);
                        case "shortName" -> shortName = string(parser, value);
                        case "chosen" -> chosen = strings(parser, value);
                        case "excluded" -> excluded = strings(parser, value);
                        case "locations" -> locations = locations(parser, value);
                        default -> {
                            problem(
                                    nameAt,
                                    "unknown property \"" + property + "\" (known: " + String.join(", ", PROPERTIES)
                                            + ")");
                            parser.skipChildren();
                            broken = true;
                        }
                    }
                }
                path.remove(path.size() - 1);
            }
            broken |= missing(start, "code", code != null || seen.contains("code"));
            broken |= missing(start, "name", name != null || seen.contains("name"));
            broken |= missing(start, "chosen", chosen != null || seen.contains("chosen"));
            broken |= missing(start, "locations", locations != null || seen.contains("locations"));
            if (broken
                    || code == null
                    || name == null
                    || chosen == null
                    || locations == null
                    || seen.contains("shortName") && shortName == null
                    || seen.contains("excluded") && excluded == null) {
                return null;
            }
            return new Institution(
                    code,
                    name,
                    shortName == null ? name : shortName,
                    chosen,
                    excluded == null ? List.of() : excluded,
                    locations);
        }

        private boolean missing(JsonLocation start, String property, boolean present) {
            if (!present) {
                problems.add(located(
                        path(), start.getLineNr(), start.getColumnNr(), "missing property \"" + property + "\""));
                return true;
            }
            return false;
        }

        private List<Location> locations(JsonParser parser, JsonToken token) throws IOException {
            return list(parser, token, "locations", this::location);
        }

        /** Reads an array element by element; null (with the problems noted) when any element is broken. */
        private <T> List<T> list(JsonParser parser, JsonToken token, String what, Element<T> element)
                throws IOException {
            if (token != JsonToken.START_ARRAY) {
                problem(parser, "expected an array of " + what + ", found " + kind(token));
                parser.skipChildren();
                return null;
            }
            List<T> values = new ArrayList<>();
            boolean broken = false;
            int index = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                path.add("[" + index++ + "]");
                T value = element.read(parser, token);
                broken |= value == null;
                if (value != null) {
                    values.add(value);
                }
                path.remove(path.size() - 1);
            }
            return broken ? null : values;
        }

        private Location location(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                problem(parser, "expected a location object {\"code\", \"name\"}, found " + kind(token));
                parser.skipChildren();
                return null;
            }
            JsonLocation start = parser.currentTokenLocation();
            String code = null;
            String name = null;
            boolean broken = false;
            Set<String> seen = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String property = parser.currentName();
                JsonLocation nameAt = parser.currentTokenLocation();
                path.add("." + property);
                JsonToken value = parser.nextToken();
                if (!seen.add(property)) {
                    problem(nameAt, "property \"" + property + "\" appears twice");
                    parser.skipChildren();
                    broken = true;
                } else if (property.equals("code")) {
                    code = string(parser, value);
                } else if (property.equals("name")) {
                    name = string(parser, value);
                } else {
                    problem(
                            nameAt,
                            "unknown property \"" + property + "\" (known: " + String.join(", ", LOCATION_PROPERTIES)
                                    + ")");
                    parser.skipChildren();
                    broken = true;
                }
                path.remove(path.size() - 1);
            }
            broken |= missing(start, "code", seen.contains("code"));
            broken |= missing(start, "name", seen.contains("name"));
            return broken || code == null || name == null ? null : new Location(code, name);
        }

        private String string(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                problem(parser, "expected a string, found " + kind(token));
                parser.skipChildren();
                return null;
            }
            return parser.getText();
        }

        private List<String> strings(JsonParser parser, JsonToken token) throws IOException {
            return list(parser, token, "module ids", this::string);
        }

        /** Reads one array element at the parser's current token; null when it cannot be read. */
        private interface Element<T> {
            T read(JsonParser parser, JsonToken token) throws IOException;
        }

        private static String kind(JsonToken token) {
            if (token == null) {
                return "the end of the file";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true or false";
                case VALUE_NULL -> "null";
                default -> token.toString();
            };
        }
    }
}
