package nl.peiling.stats.scores;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes results to a streaming {@link JsonGenerator}, field by field in each record's component order,
 * without reflection: the results file's layout, which {@link ResultsFiles#readJson} reads back through
 * the records. Numbers go through the generator's own {@code writeNumber}, so a double prints as {@code
 * Double.toString} does and the file is the same byte for byte as Jackson databind writes the records
 * (a test holds it to that).
 */
final class ResultsJson {

    private ResultsJson() {}

    /** Writes the results as one JSON object. */
    static void write(Results results, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("edition", results.edition());
        out.writeFieldName("input");
        input(results.input(), out);
        out.writeBooleanField("weighted", results.weighted());
        out.writeNumberField("minN", results.minN());
        out.writeFieldName("groupings");
        strings(results.groupings(), out);
        out.writeArrayFieldStart("groups");
        for (GroupResult group : results.groups()) {
            group(group, out);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("benchmarks");
        for (BenchmarkFigures benchmark : results.benchmarks()) {
            benchmark(benchmark, out);
        }
        out.writeEndArray();
        out.writeFieldName("caseMixFactors");
        strings(results.caseMixFactors(), out);
        out.writeFieldName("fingerprints");
        fingerprints(results.fingerprints(), out);
        out.writeArrayFieldStart("response");
        for (ResponseFigures row : results.response()) {
            response(row, out);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("institutions");
        for (InstitutionNames names : results.institutions()) {
            out.writeStartObject();
            out.writeStringField("code", names.code());
            out.writeStringField("name", names.name());
            out.writeStringField("shortName", names.shortName());
            out.writeFieldName("locations");
            texts(names.locations(), out);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeFieldName("definitions");
        texts(results.definitions(), out);
        out.writeEndObject();
    }

    private static void response(ResponseFigures row, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("institution", row.institution());
        out.writeStringField("location", row.location());
        out.writeNumberField("population", row.population());
        out.writeNumberField("responses", row.responses());
        out.writeNumberField("net", row.net());
        out.writeNumberField("gross", row.gross());
        out.writeNumberField("percentOfNet", row.percentOfNet());
        out.writeBooleanField("reached", row.reached());
        number(out, "responseRate", row.responseRate());
        out.writeEndObject();
    }

    private static void texts(Map<String, String> texts, JsonGenerator out) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, String> entry : texts.entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
    }

    private static void input(Results.Input input, JsonGenerator out) throws IOException {
        if (input == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeNumberField("rows", input.rows());
        out.writeNumberField("accepted", input.accepted());
        out.writeNumberField("rejected", input.rejected());
        out.writeEndObject();
    }

    private static void group(GroupResult group, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeFieldName("key");
        out.writeStartObject();
        for (Map.Entry<String, String> entry : group.key().entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        number(out, "n", group.n());
        number(out, "population", group.population());
        out.writeBooleanField("suppressed", group.suppressed());
        out.writeArrayFieldStart("items");
        for (ItemFigures item : group.items()) {
            item(item, out);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("clusters");
        for (ClusterFigures cluster : group.clusters()) {
            cluster(cluster, out);
        }
        out.writeEndArray();
        out.writeStringField("suppressedBecause", group.suppressedBecause());
        out.writeEndObject();
    }

    private static void item(ItemFigures item, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", item.id());
        out.writeStringField("type", item.type());
        number(out, "n", item.n());
        number(out, "mean", item.mean());
        number(out, "sd", item.sd());
        number(out, "se", item.se());
        number(out, "ciLow", item.ciLow());
        number(out, "ciHigh", item.ciHigh());
        out.writeBooleanField("suppressed", item.suppressed());
        number(out, "positive", item.positive());
        number(out, "neutral", item.neutral());
        number(out, "negative", item.negative());
        out.writeFieldName("distribution");
        if (item.distribution() == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            for (Map.Entry<String, Double> entry : item.distribution().entrySet()) {
                number(out, entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        }
        out.writeFieldName("nonSubstantive");
        if (item.nonSubstantive() == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            for (Map.Entry<String, Long> entry : item.nonSubstantive().entrySet()) {
                number(out, entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
        }
        number(out, "nEffective", item.nEffective());
        number(out, "positiveSe", item.positiveSe());
        number(out, "positiveLow", item.positiveLow());
        number(out, "positiveHigh", item.positiveHigh());
        out.writeStringField("suppressedBecause", item.suppressedBecause());
        out.writeStringField("state", item.state());
        out.writeEndObject();
    }

    private static void cluster(ClusterFigures cluster, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", cluster.id());
        number(out, "n", cluster.n());
        number(out, "mean", cluster.mean());
        number(out, "sd", cluster.sd());
        number(out, "se", cluster.se());
        number(out, "ciLow", cluster.ciLow());
        number(out, "ciHigh", cluster.ciHigh());
        out.writeBooleanField("suppressed", cluster.suppressed());
        number(out, "alpha", cluster.alpha());
        number(out, "nEffective", cluster.nEffective());
        out.writeStringField("suppressedBecause", cluster.suppressedBecause());
        out.writeStringField("state", cluster.state());
        out.writeEndObject();
    }

    private static void benchmark(BenchmarkFigures benchmark, JsonGenerator out) throws IOException {
        out.writeStartObject();
        out.writeStringField("institution", benchmark.institution());
        out.writeStringField("kind", benchmark.kind());
        out.writeStringField("id", benchmark.id());
        number(out, "n", benchmark.n());
        number(out, "own", benchmark.own());
        number(out, "rest", benchmark.rest());
        number(out, "national", benchmark.national());
        number(out, "difference", benchmark.difference());
        number(out, "p", benchmark.p());
        bool(out, "significant", benchmark.significant());
        number(out, "cohensD", benchmark.cohensD());
        out.writeBooleanField("suppressed", benchmark.suppressed());
        out.writeFieldName("caseMix");
        caseMix(benchmark.caseMix(), out);
        out.writeStringField("suppressedBecause", benchmark.suppressedBecause());
        out.writeEndObject();
    }

    private static void caseMix(CaseMix caseMix, JsonGenerator out) throws IOException {
        if (caseMix == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeNumberField("coverage", caseMix.coverage());
        out.writeNumberField("own", caseMix.own());
        out.writeNumberField("expected", caseMix.expected());
        out.writeNumberField("difference", caseMix.difference());
        out.writeNumberField("se", caseMix.se());
        number(out, "z", caseMix.z());
        number(out, "p", caseMix.p());
        bool(out, "significant", caseMix.significant());
        out.writeEndObject();
    }

    private static void fingerprints(Fingerprints fingerprints, JsonGenerator out) throws IOException {
        if (fingerprints == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeObjectFieldStart("items");
        for (Map.Entry<String, String> entry : fingerprints.items().entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        out.writeObjectFieldStart("clusters");
        for (Map.Entry<String, Fingerprints.ClusterDefinition> entry :
                fingerprints.clusters().entrySet()) {
            Fingerprints.ClusterDefinition cluster = entry.getValue();
            out.writeFieldName(entry.getKey());
            if (cluster == null) {
                out.writeNull();
                continue;
            }
            out.writeStartObject();
            out.writeFieldName("items");
            strings(cluster.items(), out);
            out.writeFieldName("reverse");
            strings(cluster.reverse(), out);
            out.writeNumberField("minAnswered", cluster.minAnswered());
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void strings(List<String> values, JsonGenerator out) throws IOException {
        out.writeStartArray();
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static void number(JsonGenerator out, String name, Double value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(value.doubleValue());
        }
    }

    private static void number(JsonGenerator out, String name, Long value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeNumber(value.longValue());
        }
    }

    private static void bool(JsonGenerator out, String name, Boolean value) throws IOException {
        out.writeFieldName(name);
        if (value == null) {
            out.writeNull();
        } else {
            out.writeBoolean(value);
        }
    }
}
