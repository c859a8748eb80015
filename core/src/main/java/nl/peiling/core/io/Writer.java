package nl.peiling.core.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import nl.peiling.core.model.Cluster;
import nl.peiling.core.model.EditionManifest;
import nl.peiling.core.model.LocalizedText;
import nl.peiling.core.model.Module;
import nl.peiling.core.model.MultiQuestion;
import nl.peiling.core.model.NumberQuestion;
import nl.peiling.core.model.Option;
import nl.peiling.core.model.Question;
import nl.peiling.core.model.Scale;
import nl.peiling.core.model.ScalePoint;
import nl.peiling.core.model.ScaleQuestion;
import nl.peiling.core.model.SingleQuestion;
import nl.peiling.core.model.TextQuestion;

/** Writes definitions as JSON in the format's property order; optional properties left out when unset. */
final class Writer {

    private Writer() {}

    /** Writes one document with the body, as pretty JSON ending in a newline. */
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String document(Body body) {
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator json = JsonTree.FACTORY.createGenerator(out)) {
            json.setPrettyPrinter(printer);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    static String module(Module module) {
        return document(json -> {
            json.writeStartObject();
            json.writeStringField("format", Binder.MODULE_FORMAT);
            json.writeStringField("id", module.id());
            json.writeStringField("version", module.version());
            json.writeStringField("kind", module.kind().key());
            text(json, "title", module.title());
            if (!module.scales().isEmpty()) {
                json.writeArrayFieldStart("scales");
                for (Scale scale : module.scales()) {
                    scale(json, scale);
                }
                json.writeEndArray();
            }
            json.writeArrayFieldStart("questions");
            for (Question question : module.questions()) {
                question(json, question);
            }
            json.writeEndArray();
            if (!module.clusters().isEmpty()) {
                json.writeArrayFieldStart("clusters");
                for (Cluster cluster : module.clusters()) {
                    cluster(json, cluster);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    static String manifest(EditionManifest manifest) {
        return document(json -> {
            json.writeStartObject();
            json.writeStringField("format", Binder.EDITION_FORMAT);
            json.writeStringField("edition", manifest.edition());
            if (manifest.previous() != null) {
                json.writeStringField("previous", manifest.previous());
            }
            json.writeStringField("base", manifest.base());
            strings(json, "modules", manifest.modules());
            json.writeObjectFieldStart("rules");
            json.writeNumberField("chosenPerInstitution", manifest.rules().chosenPerInstitution());
            json.writeNumberField("randomPerRespondent", manifest.rules().randomPerRespondent());
            json.writeNumberField("maxMinutes", manifest.rules().maxMinutes());
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private static void scale(JsonGenerator json, Scale scale) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", scale.id());
        json.writeArrayFieldStart("points");
        for (ScalePoint point : scale.points()) {
            json.writeStartObject();
            json.writeNumberField("code", point.code());
            text(json, "label", point.label());
            json.writeEndObject();
        }
        json.writeEndArray();
        integers(json, "negative", scale.negative());
        integers(json, "neutral", scale.neutral());
        integers(json, "positive", scale.positive());
        if (!scale.nonSubstantive().isEmpty()) {
            options(json, "nonSubstantive", scale.nonSubstantive());
        }
        json.writeEndObject();
    }

    private static void question(JsonGenerator json, Question question) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", question.id());
        json.writeStringField("type", question.type().key());
        if (question instanceof ScaleQuestion q) {
            json.writeStringField("scale", q.scale());
        }
        text(json, "text", question.text());
        if (question instanceof SingleQuestion q) {
            options(json, "options", q.options());
        } else if (question instanceof MultiQuestion q) {
            options(json, "options", q.options());
            integer(json, "minSelected", q.minSelected());
            integer(json, "maxSelected", q.maxSelected());
        } else if (question instanceof NumberQuestion q) {
            decimal(json, "min", q.min());
            decimal(json, "max", q.max());
            if (q.unit() != null) {
                text(json, "unit", q.unit());
            }
        } else if (question instanceof TextQuestion q) {
            integer(json, "maxLength", q.maxLength());
        }
        if (question.visibleIf() != null) {
            json.writeStringField("visibleIf", question.visibleIf());
        }
        integer(json, "seconds", question.seconds());
        json.writeEndObject();
    }

    private static void cluster(JsonGenerator json, Cluster cluster) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", cluster.id());
        text(json, "title", cluster.title());
        strings(json, "items", cluster.items());
        if (!cluster.reverse().isEmpty()) {
            strings(json, "reverse", cluster.reverse());
        }
        integer(json, "minAnswered", cluster.minAnswered());
        json.writeEndObject();
    }

    private static void options(JsonGenerator json, String name, List<Option> options) throws IOException {
        json.writeArrayFieldStart(name);
        for (Option option : options) {
            json.writeStartObject();
            json.writeStringField("code", option.code());
            text(json, "label", option.label());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void text(JsonGenerator json, String name, LocalizedText text) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : text.texts().entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void integers(JsonGenerator json, String name, List<Integer> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (int value : values) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    private static void integer(JsonGenerator json, String name, Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value);
        }
    }

    private static void decimal(JsonGenerator json, String name, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeNumberField(name, value);
        }
    }
}
