package nl.peiling.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.peiling.core.validation.ValidationReport;
import nl.peiling.core.validation.Violation;
import nl.peiling.core.validation.ViolationCode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests of the JSON Schemas of the definition format ({@code nl/peiling/core/schema/*.schema.json}): they
 * are valid draft 2020-12, they accept every definition file of the repository, and they agree with the
 * strict reader ({@link Binder}) on which properties exist, which are required and which JSON types they
 * have.
 */
class SchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private static final String MODULE_RESOURCE = "/nl/peiling/core/schema/module.schema.json";
    private static final String EDITION_RESOURCE = "/nl/peiling/core/schema/edition.schema.json";

    private static final JsonNode MODULE_SCHEMA_JSON = resource(MODULE_RESOURCE);
    private static final JsonNode EDITION_SCHEMA_JSON = resource(EDITION_RESOURCE);
    private static final Schema MODULE_SCHEMA = REGISTRY.getSchema(MODULE_SCHEMA_JSON);
    private static final Schema EDITION_SCHEMA = REGISTRY.getSchema(EDITION_SCHEMA_JSON);

    /** The shipped 2027 edition, valid. */
    private static final Path CATALOG_2027 =
            Path.of("../modules-catalog/src/main/resources/nl/peiling/catalog/editions/2027");

    /**
     * The violation codes that the schema is responsible for: the shape of a file. The other codes
     * (references, clusters, routing, budget, trends, duplicates) are left to the validator.
     */
    private static final Set<ViolationCode> SHAPE_CODES = Set.of(
            ViolationCode.JSON_SYNTAX,
            ViolationCode.UNKNOWN_PROPERTY,
            ViolationCode.WRONG_TYPE,
            ViolationCode.MISSING_FIELD,
            ViolationCode.UNSUPPORTED_FORMAT,
            ViolationCode.INVALID_VALUE,
            ViolationCode.INVALID_ID,
            ViolationCode.MISSING_TRANSLATION);

    /**
     * A valid module that uses every property of the format at least once, and every question type.
     */
    private static final String SAMPLE_MODULE = """
            {
              "format": "peiling.module/1",
              "id": "voorbeeld",
              "version": "2027.1",
              "kind": "optional",
              "title": {"nl": "Voorbeeld", "en": "Example"},
              "scales": [
                {
                  "id": "eens3",
                  "points": [
                    {"code": 1, "label": {"nl": "Oneens", "en": "Disagree"}},
                    {"code": 2, "label": {"nl": "Neutraal", "en": "Neutral"}},
                    {"code": 3, "label": {"nl": "Eens", "en": "Agree"}}
                  ],
                  "negative": [1],
                  "neutral": [2],
                  "positive": [3],
                  "nonSubstantive": [{"code": "nvt", "label": {"nl": "Niet van toepassing", "en": "Not applicable"}}]
                }
              ],
              "questions": [
                {
                  "id": "vb01",
                  "type": "single",
                  "text": {"nl": "Werk je naast je opleiding?", "en": "Do you work besides your studies?"},
                  "options": [
                    {"code": "ja", "label": {"nl": "Ja", "en": "Yes"}},
                    {"code": "nee", "label": {"nl": "Nee", "en": "No"}}
                  ],
                  "seconds": 9
                },
                {
                  "id": "vb02",
                  "type": "scale",
                  "scale": "eens3",
                  "text": {"nl": "Mijn werk past bij mijn opleiding.", "en": "My job suits my studies."},
                  "visibleIf": "vb01 = 'ja'"
                },
                {
                  "id": "vb03",
                  "type": "scale",
                  "scale": "eens3",
                  "text": {"nl": "Mijn werk kost te veel tijd.", "en": "My job takes too much time."},
                  "visibleIf": "vb01 in ('ja', 'nee')"
                },
                {
                  "id": "vb04",
                  "type": "multi",
                  "text": {"nl": "Waar werk je?", "en": "Where do you work?"},
                  "options": [
                    {"code": "winkel", "label": {"nl": "Winkel", "en": "Shop"}},
                    {"code": "horeca", "label": {"nl": "Horeca", "en": "Hospitality"}},
                    {"code": "anders", "label": {"nl": "Anders", "en": "Elsewhere"}}
                  ],
                  "minSelected": 1,
                  "maxSelected": 2
                },
                {
                  "id": "vb05",
                  "type": "number",
                  "text": {"nl": "Hoeveel uur werk je per week?", "en": "How many hours a week do you work?"},
                  "min": 0,
                  "max": 99.5,
                  "unit": {"nl": "uur", "en": "hours"},
                  "visibleIf": "vb04 = 'winkel'"
                },
                {
                  "id": "vb06",
                  "type": "grade",
                  "text": {"nl": "Welk cijfer geef je je werk?", "en": "What mark do you give your job?"},
                  "visibleIf": "vb05 >= 1.5 and not answered(vb04)"
                },
                {
                  "id": "vb07",
                  "type": "text",
                  "text": {"nl": "Wat kan beter?", "en": "What could be better?"},
                  "maxLength": 500,
                  "visibleIf": "vb06 < 6 or (vb01 != 'ja')"
                }
              ],
              "clusters": [
                {
                  "id": "vb_werk",
                  "title": {"nl": "Werk naast de opleiding", "en": "Work besides studies"},
                  "items": ["vb02", "vb03"],
                  "reverse": ["vb03"],
                  "minAnswered": 1
                }
              ]
            }
            """;

    // ------------------------------------------------------------------------------- the schemas

    @Test
    void schemas_areValidDraft202012() {
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        for (JsonNode schema : List.of(MODULE_SCHEMA_JSON, EDITION_SCHEMA_JSON)) {
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(describe(metaSchema.validate(schema)))
                    .as("meta-schema errors of %s", schema.path("$id").asText())
                    .isEmpty();
        }
        assertThat(MODULE_SCHEMA_JSON.path("$id").asText()).isEqualTo("https://peiling.nl/schema/module-1.json");
        assertThat(EDITION_SCHEMA_JSON.path("$id").asText()).isEqualTo("https://peiling.nl/schema/edition-1.json");
    }

    @Test
    void metaSchema_rejectsABrokenSchema() {
        // Guards the test above: the meta-schema check must be able to fail at all.
        Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
        ObjectNode broken = MODULE_SCHEMA_JSON.deepCopy();
        broken.put("additionalProperties", "no");
        ((ObjectNode) broken.path("$defs").path("id")).put("maxLength", -1);

        assertThat(metaSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void schemas_describeEveryPropertyAndCloseEveryObject() {
        for (JsonNode schema : List.of(MODULE_SCHEMA_JSON, EDITION_SCHEMA_JSON)) {
            List<String> problems = new ArrayList<>();
            assertThat(schema.path("title").isTextual()).isTrue();
            assertThat(schema.path("description").asText()).contains("validator");
            check(schema, "", problems);
            assertThat(problems)
                    .as("problems in %s", schema.path("$id").asText())
                    .isEmpty();
        }
    }

    /** Collects subschemas without a description and object schemas that allow unknown properties. */
    private static void check(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            for (String keyword : List.of("properties", "patternProperties", "$defs")) {
                node.path(keyword).properties().forEach(entry -> {
                    if (!entry.getValue().path("description").isTextual()) {
                        problems.add(pointer + "/" + keyword + "/" + entry.getKey() + " has no description");
                    }
                });
            }
            if (node.path("type").asText().equals("object")
                    && !node.path("additionalProperties").equals(BooleanNode.FALSE)
                    && !node.path("unevaluatedProperties").equals(BooleanNode.FALSE)) {
                problems.add(pointer + " is an object schema that allows unknown properties");
            }
            node.properties().forEach(entry -> {
                // The condition of an if is a test, not a documented property.
                if (!entry.getKey().equals("if")) {
                    check(entry.getValue(), pointer + "/" + entry.getKey(), problems);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i, problems);
            }
        }
    }

    @Test
    void schemas_allowExactlyThePropertiesTheBinderReads() {
        // The table mirrors Binder: the properties each object may have, the required ones marked with *.
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put(
                "module", Set.of("format*", "id*", "version*", "kind*", "title*", "scales", "questions*", "clusters"));
        expected.put("scale", Set.of("id*", "points*", "negative*", "neutral*", "positive*", "nonSubstantive"));
        expected.put("point", Set.of("code*", "label*"));
        expected.put("option", Set.of("code*", "label*"));
        expected.put("cluster", Set.of("id*", "title*", "items*", "reverse", "minAnswered"));
        expected.put("text", Set.of("nl*", "en"));
        Set<String> common = Set.of("id*", "type*", "text*", "visibleIf", "seconds");
        expected.put("question:scale", union(common, Set.of("scale*")));
        expected.put("question:single", union(common, Set.of("options*")));
        expected.put("question:multi", union(common, Set.of("options*", "minSelected", "maxSelected")));
        expected.put("question:number", union(common, Set.of("min", "max", "unit")));
        expected.put("question:grade", common);
        expected.put("question:text", union(common, Set.of("maxLength")));
        expected.put("edition", Set.of("format*", "edition*", "previous", "base*", "modules*", "rules*"));
        expected.put("rules", Set.of("chosenPerInstitution*", "randomPerRespondent*", "maxMinutes*"));

        Map<String, Set<String>> actual = new TreeMap<>();
        JsonNode defs = MODULE_SCHEMA_JSON.path("$defs");
        actual.put("module", properties(MODULE_SCHEMA_JSON));
        for (String name : List.of("scale", "point", "option", "cluster", "text")) {
            actual.put(name, properties(defs.path(name)));
        }
        JsonNode question = defs.path("question");
        for (JsonNode branch : question.path("allOf")) {
            String type = branch.path("if")
                    .path("properties")
                    .path("type")
                    .path("const")
                    .asText();
            JsonNode then = MODULE_SCHEMA_JSON.at(
                    branch.path("then").path("$ref").asText().substring(1));
            actual.put("question:" + type, union(properties(question), properties(then)));
        }
        actual.put("edition", properties(EDITION_SCHEMA_JSON));
        actual.put("rules", properties(EDITION_SCHEMA_JSON.path("$defs").path("rules")));

        assertThat(actual).isEqualTo(expected);
        assertThat(question.path("properties").path("type").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("scale", "single", "multi", "number", "grade", "text");
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            names.add(required.contains(name) ? name + "*" : name);
        }
        return names;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    // -------------------------------------------------------------------- the repository's files

    @Test
    void definitionFiles_inTheRepository_matchTheirSchema() throws IOException {
        List<Path> files = definitionFiles();
        Map<Path, List<String>> failures = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> errors;
            try {
                JsonNode document = MAPPER.readTree(file.toFile());
                errors = describe(schemaFor(file).validate(document));
            } catch (IOException e) {
                errors = List.of("not readable JSON: " + e.getMessage());
            }
            if (!errors.isEmpty()) {
                failures.put(file, errors);
            }
        }

        assertThat(files)
                .as("the walk finds the shipped catalog")
                .anyMatch(f -> f.endsWith(Path.of("2027", "edition.json")))
                .anyMatch(f -> f.endsWith(Path.of("2027", "huisvesting.json")));
        assertThat(failures)
                .as(
                        "%d of %d definition files do not match their schema:%n%s",
                        failures.size(),
                        files.size(),
                        failures.entrySet().stream()
                                .map(e -> "  " + e.getKey().normalize() + " (" + schemaName(e.getKey()) + "):\n"
                                        + e.getValue().stream()
                                                .map(m -> "    " + m)
                                                .collect(Collectors.joining("\n")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /**
     * The definition files of the repository: in the shipped catalog, in {@code core/src/test/resources}
     * and in every {@code examples} folder, the {@code *.json} files that are definitions (named
     * {@code edition.json}, beside an {@code edition.json}, or with a {@code "format"} of peiling). Folders
     * named {@code invalid} (deliberately broken fixtures) and Jazzer seed corpora (folders named
     * {@code <FuzzTest>Inputs}, arbitrary bytes by design) are skipped, as are build output and hidden
     * folders.
     */
    private static List<Path> definitionFiles() throws IOException {
        Path root = Path.of(System.getProperty("peiling.root", ".."))
                .toAbsolutePath()
                .normalize();
        List<Path> folders = new ArrayList<>();
        folders.add(root.resolve("modules-catalog/src/main/resources"));
        folders.add(root.resolve("core/src/test/resources"));
        walk(root, 8, (path, isFolder) -> {
            if (isFolder && path.getFileName().toString().equals("examples")) {
                folders.add(path);
            }
        });
        Set<Path> files = new LinkedHashSet<>();
        for (Path folder : folders) {
            List<Path> found = new ArrayList<>();
            walk(folder, Integer.MAX_VALUE, (path, isFolder) -> {
                if (!isFolder && path.getFileName().toString().endsWith(".json")) {
                    found.add(path);
                }
            });
            found.stream().sorted().filter(SchemaTest::isDefinition).forEach(files::add);
        }
        return List.copyOf(files);
    }

    /**
     * Visits the files and folders under {@code start}, leaving out skipped folders. Folders that vanish
     * or cannot be read while walking are passed over, because other builds may be writing beside it.
     */
    private static void walk(Path start, int depth, java.util.function.BiConsumer<Path, Boolean> visitor)
            throws IOException {
        if (!Files.isDirectory(start)) {
            return;
        }
        Files.walkFileTree(start, Set.of(), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (!folder.equals(start) && skipped(folder.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                visitor.accept(folder, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                visitor.accept(file, attributes.isDirectory());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean skipped(String folderName) {
        return folderName.equals("invalid")
                || folderName.endsWith("Inputs")
                || folderName.equals("target")
                || folderName.equals("node_modules")
                || folderName.startsWith(".");
    }

    private static boolean isDefinition(Path file) {
        if (file.getFileName().toString().equals(Definitions.EDITION_FILE)
                || Files.exists(file.resolveSibling(Definitions.EDITION_FILE))) {
            return true;
        }
        try {
            JsonNode format = MAPPER.readTree(file.toFile()).path("format");
            return format.isTextual() && format.asText().startsWith("peiling.");
        } catch (IOException e) {
            return false;
        }
    }

    private static Schema schemaFor(Path file) {
        return file.getFileName().toString().equals(Definitions.EDITION_FILE) ? EDITION_SCHEMA : MODULE_SCHEMA;
    }

    private static String schemaName(Path file) {
        return schemaFor(file) == EDITION_SCHEMA ? "edition schema" : "module schema";
    }

    // ------------------------------------------------------------------------------ valid, invalid

    @Test
    void sampleModule_withEveryProperty_isValidForSchemaAndReader() throws IOException {
        JsonNode sample = MAPPER.readTree(SAMPLE_MODULE);

        assertThat(describe(MODULE_SCHEMA.validate(sample))).isEmpty();
        assertThat(Definitions.standard()
                        .readModule("sample.json", SAMPLE_MODULE.getBytes(StandardCharsets.UTF_8))
                        .questions())
                .hasSize(7);
    }

    static Stream<Arguments> invalidModules() {
        return Stream.of(
                invalid("unknown property at the top", "/titel", set("", "titel", text("Titel"))),
                invalid(
                        "misspelt visibleIf",
                        "/questions/1/visibleif",
                        set("/questions/1", "visibleif", "vb01 = 'ja'")),
                invalid(
                        "unknown property of a point",
                        "/scales/0/points/0/value",
                        set("/scales/0/points/0", "value", 1)),
                invalid("seconds as a string", "/questions/0/seconds", set("/questions/0", "seconds", "9")),
                invalid("title as a plain string", "/title", set("", "title", "Voorbeeld")),
                invalid(
                        "point code with a fraction",
                        "/scales/0/points/0/code",
                        set("/scales/0/points/0", "code", DecimalNode.valueOf(new BigDecimal("1.5")))),
                invalid("questions missing", "", drop("/questions")),
                invalid("scale question without its scale", "/questions/1", drop("/questions/1/scale")),
                invalid("option without a label", "/questions/0/options/1", drop("/questions/0/options/1/label")),
                invalid("text without Dutch", "/title", drop("/title/nl")),
                invalid("language code in capitals", "/title/NL", set("/title", "NL", "Voorbeeld")),
                invalid("id with a capital", "/id", set("", "id", "Voorbeeld")),
                invalid("id starting with a digit", "/questions/0/id", set("/questions/0", "id", "1vb")),
                invalid("id of 41 characters", "/clusters/0/id", set("/clusters/0", "id", "c".repeat(41))),
                invalid(
                        "grade question with options",
                        "/questions/5/options",
                        copy("/questions/0/options", "/questions/5")),
                invalid(
                        "scale question with options",
                        "/questions/1/options",
                        copy("/questions/0/options", "/questions/1")),
                invalid("text question with min", "/questions/6/min", set("/questions/6", "min", 0)),
                invalid("unknown question type", "/questions/5/type", set("/questions/5", "type", "rapportcijfer")),
                invalid("unknown kind", "/kind", set("", "kind", "basis")),
                invalid("other format version", "/format", set("", "format", "peiling.module/2")),
                invalid(
                        "single question without options",
                        "/questions/0/options",
                        set("/questions/0", "options", NODES.arrayNode())),
                invalid("seconds zero", "/questions/0/seconds", set("/questions/0", "seconds", 0)),
                invalid("cluster without items", "/clusters/0/items", set("/clusters/0", "items", NODES.arrayNode())),
                invalid(
                        "visibleIf null",
                        "/questions/1/visibleIf",
                        set("/questions/1", "visibleIf", NullNode.getInstance())));
    }

    private static Arguments invalid(String name, String at, UnaryOperator<JsonNode> change) {
        return Arguments.of(Named.of(name, change), at);
    }

    /** Sets a property of the object at {@code pointer}. */
    private static UnaryOperator<JsonNode> set(String pointer, String name, JsonNode value) {
        return d -> put(d, pointer, name, value);
    }

    private static UnaryOperator<JsonNode> set(String pointer, String name, String value) {
        return set(pointer, name, TextNode.valueOf(value));
    }

    private static UnaryOperator<JsonNode> set(String pointer, String name, int value) {
        return set(pointer, name, IntNode.valueOf(value));
    }

    /** Copies the property at {@code from} into the object at {@code to}, under the same name. */
    private static UnaryOperator<JsonNode> copy(String from, String to) {
        String name = JsonPointer.compile(from).last().getMatchingProperty();
        return d -> put(d, to, name, d.at(from).deepCopy());
    }

    /** Removes the property or element at {@code pointer}. */
    private static UnaryOperator<JsonNode> drop(String pointer) {
        return d -> remove(d, pointer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidModules")
    void invalidModule_isRejectedBySchemaAndReader(UnaryOperator<JsonNode> change, String at) throws IOException {
        JsonNode document = change.apply(MAPPER.readTree(SAMPLE_MODULE));

        List<Error> errors = MODULE_SCHEMA.validate(document);

        assertThat(errors).isNotEmpty();
        assertThat(errors)
                .as("errors %s", describe(errors))
                .anyMatch(e -> e.getInstanceLocation().toString().equals(at)
                        || (e.getInstanceLocation() + "/" + e.getProperty()).equals(at));
        assertThat(shapeErrors(readModule(document))).as("reader's violations").isNotEmpty();
    }

    static Stream<Arguments> invalidEditions() {
        return Stream.of(
                invalid("unknown rule", "/rules/maxMinuten", set("/rules", "maxMinuten", 25)),
                invalid("rules missing", "", drop("/rules")),
                invalid("modules as a string", "/modules", set("", "modules", "llo")),
                invalid("maxMinutes zero", "/rules/maxMinutes", set("/rules", "maxMinutes", 0)),
                invalid("base not an id", "/base", set("", "base", "Basis")),
                invalid("previous as a number", "/previous", set("", "previous", 2025)),
                invalid("module format in an edition file", "/format", set("", "format", "peiling.module/1")),
                invalid(
                        "$schema is not a property",
                        "/$schema",
                        set("", "$schema", "https://peiling.nl/schema/edition-1.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEditions")
    void invalidEdition_isRejectedBySchemaAndReader(UnaryOperator<JsonNode> change, String at) throws IOException {
        JsonNode document = change.apply(
                MAPPER.readTree(CATALOG_2027.resolve(Definitions.EDITION_FILE).toFile()));

        List<Error> errors = EDITION_SCHEMA.validate(document);

        assertThat(errors)
                .as("errors %s", describe(errors))
                .anyMatch(e -> e.getInstanceLocation().toString().equals(at)
                        || (e.getInstanceLocation() + "/" + e.getProperty()).equals(at));
        assertThat(readEdition(document).errors()).as("reader's violations").isNotEmpty();
    }

    // ---------------------------------------------------------------- agreement with the reader

    @Test
    void everyMutationOfTheSampleModule_getsTheSameVerdictFromSchemaAndReader() throws IOException {
        Agreement agreement = agreement(MAPPER.readTree(SAMPLE_MODULE), MODULE_SCHEMA, SchemaTest::readModule);

        assertThat(agreement.disagreements).isEmpty();
        assertThat(agreement.rejected).isGreaterThan(300);
        assertThat(agreement.accepted).isGreaterThan(50);
    }

    @Test
    void everyMutationOfTheEditionFile_getsTheSameVerdictFromSchemaAndReader() throws IOException {
        JsonNode edition =
                MAPPER.readTree(CATALOG_2027.resolve(Definitions.EDITION_FILE).toFile());

        Agreement agreement = agreement(edition, EDITION_SCHEMA, SchemaTest::readEdition);

        assertThat(agreement.disagreements).isEmpty();
        assertThat(agreement.rejected).isGreaterThan(40);
        assertThat(agreement.accepted).isGreaterThan(5);
    }

    /** The outcome of checking all mutations of one document. */
    private static final class Agreement {
        final List<String> disagreements = new ArrayList<>();
        int accepted;
        int rejected;
    }

    /**
     * Applies every small mutation to the document (remove a property or element, replace a value by one
     * of another JSON type or by null, add an unknown property to an object) and compares the schema's
     * verdict with the reader's violations of the {@linkplain #SHAPE_CODES shape codes}.
     */
    private static Agreement agreement(
            JsonNode document, Schema schema, java.util.function.Function<JsonNode, ValidationReport> reader) {
        assertThat(describe(schema.validate(document))).isEmpty();
        assertThat(shapeErrors(reader.apply(document))).isEmpty();
        Agreement agreement = new Agreement();
        for (Map.Entry<String, UnaryOperator<JsonNode>> mutation :
                mutations(document).entrySet()) {
            JsonNode mutated = mutation.getValue().apply(document);
            List<String> schemaErrors = describe(schema.validate(mutated));
            List<Violation> readerErrors = shapeErrors(reader.apply(mutated));
            if (schemaErrors.isEmpty() != readerErrors.isEmpty()) {
                agreement.disagreements.add(String.format(
                        Locale.ROOT,
                        "%s: schema %s, reader %s",
                        mutation.getKey(),
                        schemaErrors.isEmpty() ? "accepts" : "rejects " + schemaErrors,
                        readerErrors.isEmpty() ? "accepts" : "rejects " + readerErrors));
            } else if (schemaErrors.isEmpty()) {
                agreement.accepted++;
            } else {
                agreement.rejected++;
            }
        }
        return agreement;
    }

    private static Map<String, UnaryOperator<JsonNode>> mutations(JsonNode document) {
        Map<String, UnaryOperator<JsonNode>> mutations = new LinkedHashMap<>();
        collect(document, "", mutations);
        return mutations;
    }

    private static void collect(JsonNode node, String pointer, Map<String, UnaryOperator<JsonNode>> mutations) {
        if (!pointer.isEmpty()) {
            mutations.put("remove " + pointer, d -> remove(d, pointer));
            mutations.put("null at " + pointer, d -> replace(d, pointer, NullNode.getInstance()));
            JsonNode other = otherType(node);
            String otherName = other.getNodeType().name().toLowerCase(Locale.ROOT);
            mutations.put(otherName + " at " + pointer, d -> replace(d, pointer, other));
            if (node.isIntegralNumber()) {
                JsonNode fraction = DecimalNode.valueOf(new BigDecimal("7.5"));
                mutations.put("fraction at " + pointer, d -> replace(d, pointer, fraction));
            }
            if (!node.isBoolean()) {
                mutations.put("boolean at " + pointer, d -> replace(d, pointer, BooleanNode.TRUE));
            }
        }
        if (node.isObject()) {
            String where = pointer.isEmpty() ? "/" : pointer;
            mutations.put("unknown property in " + where, d -> put(d, pointer, "extra", BooleanNode.TRUE));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), pointer + "/" + field.getKey(), mutations);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, mutations);
            }
        }
    }

    /** A value of another JSON type than the node's. */
    private static JsonNode otherType(JsonNode node) {
        if (node.isTextual()) {
            return IntNode.valueOf(7);
        }
        if (node.isNumber()) {
            return TextNode.valueOf(node.asText());
        }
        if (node.isObject()) {
            return NODES.arrayNode();
        }
        return node.isArray() ? NODES.objectNode() : TextNode.valueOf("x");
    }

    // ------------------------------------------------------------------------------------ helpers

    private static ValidationReport readModule(JsonNode document) {
        try {
            Definitions.standard().readModule("module.json", bytes(document));
            return ValidationReport.empty();
        } catch (DefinitionException e) {
            return e.report();
        }
    }

    /** Reads the 2027 catalog folder with this document as its edition file. */
    private static ValidationReport readEdition(JsonNode document) {
        Map<String, byte[]> files = new LinkedHashMap<>(CatalogFiles.FILES);
        files.put(Definitions.EDITION_FILE, bytes(document));
        try {
            Definitions.standard().readEdition("catalog:2027", files);
            return ValidationReport.empty();
        } catch (DefinitionException e) {
            return e.report();
        }
    }

    /** The files of the 2027 catalog folder, read once. */
    private static final class CatalogFiles {
        static final Map<String, byte[]> FILES = read();

        private static Map<String, byte[]> read() {
            try (Stream<Path> list = Files.list(CATALOG_2027)) {
                Map<String, byte[]> files = new TreeMap<>();
                for (Path file :
                        list.filter(f -> f.toString().endsWith(".json")).toList()) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Violation> shapeErrors(ValidationReport report) {
        return report.errors().stream()
                .filter(v -> SHAPE_CODES.contains(v.code()))
                .toList();
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream()
                .map(e -> (e.getInstanceLocation().toString().isEmpty() ? "/" : e.getInstanceLocation()) + ": "
                        + e.getMessage())
                .toList();
    }

    private static JsonNode text(String dutch) {
        return NODES.objectNode().put("nl", dutch);
    }

    /** A copy of the document with a property of the object at {@code pointer} set. */
    private static JsonNode put(JsonNode document, String pointer, String name, JsonNode value) {
        JsonNode copy = document.deepCopy();
        ((ObjectNode) copy.at(pointer)).set(name, value);
        return copy;
    }

    /** A copy of the document with the value at {@code pointer} replaced. */
    private static JsonNode replace(JsonNode document, String pointer, JsonNode value) {
        JsonNode copy = document.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), value);
        }
        return copy;
    }

    /** A copy of the document without the property or element at {@code pointer}. */
    private static JsonNode remove(JsonNode document, String pointer) {
        JsonNode copy = document.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.remove(at.last().getMatchingProperty());
        } else {
            ((ArrayNode) parent).remove(at.last().getMatchingIndex());
        }
        return copy;
    }

    private static JsonNode resource(String name) {
        try (InputStream in = SchemaTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + name + " is not on the class path");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
