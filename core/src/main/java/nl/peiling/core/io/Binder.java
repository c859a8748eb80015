package nl.peiling.core.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import nl.peiling.core.io.JsonTree.Kind;
import nl.peiling.core.io.JsonTree.Node;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.GradeQuestion;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.ModuleKind;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.QuestionType;
import nl.peiling.core.model.Rules;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;
import nl.peiling.core.validation.Paths;
import nl.peiling.core.validation.Violation;
import nl.peiling.core.validation.ViolationCode;

/**
 * Turns a {@link JsonTree} into model records, strictly: every unknown property, wrong type and missing
 * field becomes a violation, and reading goes on so that all of them are found. An element whose
 * required parts cannot be read is left out and the binding is marked {@linkplain #broken() broken}.
 * Every path it reads is remembered with its position, so later violations can be placed in the file.
 */
final class Binder {

    static final String MODULE_FORMAT = "peiling.module/1";
    static final String EDITION_FORMAT = "peiling.edition/1";

    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, int[]> positions = new HashMap<>();
    private final Set<String> unreadableIds = new LinkedHashSet<>();
    private boolean broken;

    List<Violation> violations() {
        return violations;
    }

    Map<String, int[]> positions() {
        return positions;
    }

    /** Whether a required part could not be read, so the result is incomplete or absent. */
    boolean broken() {
        return broken;
    }

    /** The ids of questions, scales and clusters that were left out because they could not be read. */
    Set<String> unreadableIds() {
        return unreadableIds;
    }

    /** Marks the binding as failed, for a document that could not even be parsed. */
    void fail() {
        broken = true;
    }

    /** The module id of a module document, if it has a string id; used to name its path. */
    static Optional<String> moduleId(Node root) {
        Node id = root.fields.get("id");
        return id != null && id.kind == Kind.STRING && !id.text().isEmpty() ? Optional.of(id.text()) : Optional.empty();
    }

    /**
     * Reads a module. Header fields that cannot be read get placeholders (the file name as id, an empty
     * title), and questions, scales and clusters that cannot be read are left out with their ids noted in
     * {@link #unreadableIds()}, so that the rest of the module can still be checked.
     */
    Module module(Node root, String path, String fallbackId) {
        Obj doc = object(root, path);
        if (doc == null) {
            return null;
        }
        format(doc, MODULE_FORMAT);
        String id = doc.string("id", true);
        String version = doc.string("version", true);
        String kindName = doc.string("kind", true);
        ModuleKind kind = null;
        if (kindName != null) {
            kind = ModuleKind.fromKey(kindName).orElse(null);
            if (kind == null) {
                invalid(Paths.property(path, "kind"), "kind \"" + kindName + "\" is not base or optional");
            }
        }
        LocalizedText title = doc.text("title", true);
        List<Scale> scales = doc.list("scales", false, this::scale, true);
        List<Question> questions = doc.list("questions", true, this::question, true);
        List<Cluster> clusters = doc.list("clusters", false, this::cluster, true);
        doc.finish();
        return new Module(
                id != null ? id : fallbackId,
                version != null ? version : "?",
                kind != null ? kind : ModuleKind.OPTIONAL,
                title != null ? title : new LocalizedText(Map.of(LocalizedText.DUTCH, "?", LocalizedText.ENGLISH, "?")),
                orEmpty(scales),
                orEmpty(questions),
                orEmpty(clusters));
    }

    EditionManifest manifest(Node root) {
        String path = Paths.EDITION;
        Obj doc = object(root, path);
        if (doc == null) {
            return null;
        }
        format(doc, EDITION_FORMAT);
        String edition = doc.string("edition", true);
        String previous = doc.string("previous", false);
        String base = doc.string("base", true);
        List<String> modules = doc.list("modules", true, (node, p) -> string(node, p), false);
        Rules rules = doc.nested("rules", true, (node, p) -> {
            Obj r = object(node, p);
            if (r == null) {
                return null;
            }
            Integer chosen = r.integer("chosenPerInstitution", true);
            Integer random = r.integer("randomPerRespondent", true);
            Integer minutes = r.integer("maxMinutes", true);
            r.finish();
            return chosen == null || random == null || minutes == null ? null : new Rules(chosen, random, minutes);
        });
        doc.finish();
        if (edition == null || base == null || modules == null || rules == null) {
            broken = true;
            return null;
        }
        return new EditionManifest(edition, previous, base, modules, rules);
    }

    private void format(Obj doc, String expected) {
        String format = doc.string("format", true);
        if (format != null && !format.equals(expected)) {
            violations.add(Violation.error(
                    ViolationCode.UNSUPPORTED_FORMAT,
                    Paths.property(doc.path, "format"),
                    "format \"" + format + "\" is not supported (expected \"" + expected + "\")"));
            broken = true;
        }
    }

    private Scale scale(Node node, String path) {
        Obj s = object(node, path);
        if (s == null) {
            return null;
        }
        String id = s.string("id", true);
        List<ScalePoint> points = s.list("points", true, this::point, false);
        List<Integer> negative = s.list("negative", true, this::integer, false);
        List<Integer> neutral = s.list("neutral", true, this::integer, false);
        List<Integer> positive = s.list("positive", true, this::integer, false);
        List<Option> nonSubstantive = s.list("nonSubstantive", false, this::option, false);
        s.finish();
        if (id == null || points == null || negative == null || neutral == null || positive == null) {
            return null;
        }
        return new Scale(id, points, negative, neutral, positive, orEmpty(nonSubstantive));
    }

    private ScalePoint point(Node node, String path) {
        Obj p = object(node, path);
        if (p == null) {
            return null;
        }
        Integer code = p.integer("code", true);
        LocalizedText label = p.text("label", true);
        p.finish();
        return code == null || label == null ? null : new ScalePoint(code, label);
    }

    private Option option(Node node, String path) {
        Obj o = object(node, path);
        if (o == null) {
            return null;
        }
        String code = o.string("code", true);
        LocalizedText label = o.text("label", true);
        o.finish();
        return code == null || label == null ? null : new Option(code, label);
    }

    private Question question(Node node, String path) {
        Obj q = object(node, path);
        if (q == null) {
            return null;
        }
        String id = q.string("id", true);
        String typeName = q.string("type", true);
        LocalizedText text = q.text("text", true);
        String visibleIf = q.string("visibleIf", false);
        Integer seconds = q.integer("seconds", false);
        QuestionType type =
                typeName == null ? null : QuestionType.fromKey(typeName).orElse(null);
        if (typeName != null && type == null) {
            invalid(
                    Paths.property(path, "type"),
                    "type \"" + typeName + "\" is not one of scale, single, multi, number, grade, text");
        }
        if (type == null) {
            // Without a type the allowed properties are unknown, so they are not reported one by one.
            broken = true;
            return null;
        }
        Question question = switch (type) {
            case SCALE -> {
                String scale = q.string("scale", true);
                yield id == null || text == null || scale == null
                        ? null
                        : new ScaleQuestion(id, text, scale, visibleIf, seconds);
            }
            case SINGLE -> {
                List<Option> options = q.list("options", true, this::option, false);
                yield id == null || text == null || options == null
                        ? null
                        : new SingleQuestion(id, text, options, visibleIf, seconds);
            }
            case MULTI -> {
                List<Option> options = q.list("options", true, this::option, false);
                Integer minSelected = q.integer("minSelected", false);
                Integer maxSelected = q.integer("maxSelected", false);
                yield id == null || text == null || options == null
                        ? null
                        : new MultiQuestion(id, text, options, minSelected, maxSelected, visibleIf, seconds);
            }
            case NUMBER -> {
                BigDecimal min = q.decimal("min");
                BigDecimal max = q.decimal("max");
                LocalizedText unit = q.text("unit", false);
                yield id == null || text == null
                        ? null
                        : new NumberQuestion(id, text, min, max, unit, visibleIf, seconds);
            }
            case GRADE -> id == null || text == null ? null : new GradeQuestion(id, text, visibleIf, seconds);
            case TEXT -> {
                Integer maxLength = q.integer("maxLength", false);
                yield id == null || text == null ? null : new TextQuestion(id, text, maxLength, visibleIf, seconds);
            }
        };
        q.finish();
        if (question == null) {
            broken = true;
        }
        return question;
    }

    private Cluster cluster(Node node, String path) {
        Obj c = object(node, path);
        if (c == null) {
            return null;
        }
        String id = c.string("id", true);
        LocalizedText title = c.text("title", true);
        List<String> items = c.list("items", true, this::string, false);
        List<String> reverse = c.list("reverse", false, this::string, false);
        Integer minAnswered = c.integer("minAnswered", false);
        c.finish();
        if (id == null || title == null || items == null) {
            return null;
        }
        return new Cluster(id, title, items, orEmpty(reverse), minAnswered);
    }

    private LocalizedText localized(Node node, String path) {
        if (node.kind != Kind.OBJECT) {
            wrongType(path, node, "an object of language to text, like {\"nl\": \"...\", \"en\": \"...\"}");
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Node> entry : node.fields.entrySet()) {
            String language = entry.getKey();
            String languagePath = Paths.property(path, language);
            remember(languagePath, entry.getValue());
            if (!language.matches("[a-z]{2,3}")) {
                violations.add(Violation.error(
                        ViolationCode.UNKNOWN_PROPERTY,
                        languagePath,
                        "\"" + language + "\" is not a language code (two or three lower-case letters, like nl)"));
            }
            String text = string(entry.getValue(), languagePath);
            if (text == null) {
                complete = false;
            } else {
                texts.put(language, text);
            }
        }
        return complete ? new LocalizedText(texts) : null;
    }

    private String string(Node node, String path) {
        remember(path, node);
        if (node.kind != Kind.STRING) {
            wrongType(path, node, Kind.STRING.description);
            return null;
        }
        return node.text();
    }

    private Integer integer(Node node, String path) {
        remember(path, node);
        if (node.kind != Kind.INTEGER) {
            wrongType(path, node, Kind.INTEGER.description);
            return null;
        }
        BigDecimal value = node.number();
        if (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            invalid(path, "value " + value.toPlainString() + " is out of range for a whole number");
            return null;
        }
        return value.intValue();
    }

    private BigDecimal decimal(Node node, String path) {
        remember(path, node);
        if (node.kind != Kind.INTEGER && node.kind != Kind.DECIMAL) {
            wrongType(path, node, Kind.DECIMAL.description);
            return null;
        }
        return node.number();
    }

    private Obj object(Node node, String path) {
        remember(path, node);
        if (node.kind != Kind.OBJECT) {
            wrongType(path, node, Kind.OBJECT.description);
            return null;
        }
        return new Obj(node, path);
    }

    private void remember(String path, Node node) {
        positions.putIfAbsent(path, new int[] {node.line, node.column});
    }

    private void wrongType(String path, Node node, String expected) {
        violations.add(Violation.error(
                ViolationCode.WRONG_TYPE,
                path,
                "expected " + expected + ", found " + node.kind.description + " " + node.show()));
        broken = true;
    }

    private void invalid(String path, String message) {
        violations.add(Violation.error(ViolationCode.INVALID_VALUE, path, message));
        broken = true;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** One JSON object being read; remembers which properties were asked for. */
    private final class Obj {
        final Node node;
        final String path;
        final Set<String> known = new LinkedHashSet<>();

        Obj(Node node, String path) {
            this.node = node;
            this.path = path;
        }

        Node get(String name, boolean required) {
            known.add(name);
            Node value = node.fields.get(name);
            if (value == null && required) {
                violations.add(Violation.error(
                        ViolationCode.MISSING_FIELD,
                        Paths.property(path, name),
                        "required property \"" + name + "\" is missing"));
                positions.putIfAbsent(Paths.property(path, name), new int[] {node.line, node.column});
                broken = true;
            }
            return value;
        }

        String string(String name, boolean required) {
            Node value = get(name, required);
            return value == null ? null : Binder.this.string(value, Paths.property(path, name));
        }

        Integer integer(String name, boolean required) {
            Node value = get(name, required);
            return value == null ? null : Binder.this.integer(value, Paths.property(path, name));
        }

        BigDecimal decimal(String name) {
            Node value = get(name, false);
            return value == null ? null : Binder.this.decimal(value, Paths.property(path, name));
        }

        LocalizedText text(String name, boolean required) {
            Node value = get(name, required);
            return value == null ? null : localized(value, Paths.property(path, name));
        }

        <T> T nested(String name, boolean required, BiFunction<Node, String, T> reader) {
            Node value = get(name, required);
            return value == null ? null : reader.apply(value, Paths.property(path, name));
        }

        /**
         * Reads a list; elements that cannot be read are left out. With {@code byId}, elements are named
         * by their {@code id} property (see {@link Paths#names}).
         */
        <T> List<T> list(String name, boolean required, BiFunction<Node, String, T> reader, boolean byId) {
            Node value = get(name, required);
            if (value == null) {
                return null;
            }
            String listPath = Paths.property(path, name);
            remember(listPath, value);
            if (value.kind != Kind.ARRAY) {
                wrongType(listPath, value, Kind.ARRAY.description);
                return null;
            }
            List<String> names = Paths.names(value.elements, element -> byId ? idOf(element) : null);
            List<T> result = new ArrayList<>(value.elements.size());
            for (int i = 0; i < value.elements.size(); i++) {
                T element = reader.apply(value.elements.get(i), Paths.element(listPath, names.get(i)));
                if (element == null) {
                    broken = true;
                    String id = byId ? idOf(value.elements.get(i)) : null;
                    if (id != null) {
                        unreadableIds.add(id);
                    }
                } else {
                    result.add(element);
                }
            }
            return result;
        }

        /** Reports every property that was not asked for, suggesting the nearest known name. */
        void finish() {
            node.fields.forEach((name, value) -> {
                if (!known.contains(name)) {
                    String propertyPath = Paths.property(path, name);
                    int[] at = node.names.get(name);
                    positions.putIfAbsent(propertyPath, at);
                    violations.add(Violation.error(ViolationCode.UNKNOWN_PROPERTY, propertyPath, unknownMessage(name)));
                }
            });
        }

        private String unknownMessage(String name) {
            String message = "unknown property \"" + name + "\" (known: " + String.join(", ", known) + ")";
            String nearest = null;
            int best = 3;
            for (String candidate : known) {
                int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
                if (distance < best) {
                    best = distance;
                    nearest = candidate;
                }
            }
            return nearest == null ? message : message + "; did you mean \"" + nearest + "\"?";
        }
    }

    private static String idOf(Node element) {
        Node id = element.fields.get("id");
        return id != null && id.kind == Kind.STRING ? id.text() : null;
    }

    /** The Levenshtein distance, for "did you mean" suggestions on short property names. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
