package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.peiling.core.io.AtomicFiles;
import nl.peiling.stats.responses.Reject;

/**
 * Results on disk: the results JSON (keys in a fixed order), a tidy CSV with one row per group × item
 * or cluster for spreadsheets and R, and the rejects file. Files are written to a temporary file and
 * moved into place, so a failed run never leaves half a file. The JSON is written by a streaming
 * generator straight to the file (see {@link ResultsJson}) and read back through the records by Jackson
 * databind.
 */
public final class ResultsFiles {

    /** The writer's factory: a streaming generator, no object mapper. */
    private static final JsonFactory JSON = new JsonFactory();

    /** Buffer of the file streams: few system calls for files of tens of megabytes. */

    /** The columns of the tidy CSV. */
    public static final List<String> CSV_COLUMNS = List.of(
            "institution",
            "location",
            "level",
            "pathway",
            "kind",
            "id",
            "type",
            "n",
            "mean",
            "sd",
            "se",
            "ciLow",
            "ciHigh",
            "positive",
            "neutral",
            "negative",
            "alpha",
            "suppressed",
            "nEffective",
            "positiveSe",
            "positiveLow",
            "positiveHigh",
            "suppressedBecause",
            "state");

    /** The columns of the rejects file. */
    public static final List<String> REJECT_COLUMNS = List.of("line", "respondent", "reason", "column", "value");

    private ResultsFiles() {}

    /** The results as JSON, as {@link #writeJson} writes them to a file. */
    public static String toJson(Results results) {
        requireNonNull(results, "results");
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            json(results, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results as JSON", e);
        }
        return text.toString();
    }

    /** Writes the results JSON to a stream, which it leaves open. */
    public static void writeJson(Results results, OutputStream stream) throws IOException {
        requireNonNull(results, "results");
        requireNonNull(stream, "stream");
        try (JsonGenerator out =
                JSON.createGenerator(stream, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json(results, out);
        }
    }

    private static void json(Results results, JsonGenerator out) throws IOException {
        out.useDefaultPrettyPrinter();
        ResultsJson.write(results, out);
        out.writeRaw('\n');
    }

    /**
     * Reads results written by {@link #writeJson}.
     *
     * @throws IOException when the file cannot be read or is not a results file
     */
    public static Results readJson(Path file) throws IOException {
        try {
            return Reading.MAPPER.readValue(file.toFile(), Results.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a peiling results file: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the results JSON. */
    public static void writeJson(Results results, Path file) throws IOException {
        requireNonNull(results, "results");
        AtomicFiles.writeBytes(file, out -> writeJson(results, out));
    }

    /** Writes the tidy CSV: one row per group × item (with a mean or shares) and group × cluster. */
    public static void writeCsv(Results results, Path file) throws IOException {
        requireNonNull(results, "results");
        AtomicFiles.write(file, out -> {
            out.write(String.join(",", CSV_COLUMNS));
            out.write("\n");
            for (GroupResult group : results.groups()) {
                Map<String, String> key = group.key();
                String prefix = String.join(
                        ",",
                        csv(key.get("institution")),
                        csv(key.get("location")),
                        csv(key.get("level")),
                        csv(key.get("pathway")));
                for (ItemFigures item : group.items()) {
                    out.write(String.join(
                            ",",
                            prefix,
                            "item",
                            csv(item.id()),
                            item.type(),
                            number(item.n()),
                            number(item.mean()),
                            number(item.sd()),
                            number(item.se()),
                            number(item.ciLow()),
                            number(item.ciHigh()),
                            number(item.positive()),
                            number(item.neutral()),
                            number(item.negative()),
                            "",
                            Boolean.toString(item.suppressed()),
                            number(item.nEffective()),
                            number(item.positiveSe()),
                            number(item.positiveLow()),
                            number(item.positiveHigh()),
                            csv(item.suppressedBecause()),
                            item.state()));
                    out.write("\n");
                }
                for (ClusterFigures cluster : group.clusters()) {
                    out.write(String.join(
                            ",",
                            prefix,
                            "cluster",
                            csv(cluster.id()),
                            "",
                            number(cluster.n()),
                            number(cluster.mean()),
                            number(cluster.sd()),
                            number(cluster.se()),
                            number(cluster.ciLow()),
                            number(cluster.ciHigh()),
                            "",
                            "",
                            "",
                            number(cluster.alpha()),
                            Boolean.toString(cluster.suppressed()),
                            number(cluster.nEffective()),
                            "",
                            "",
                            "",
                            csv(cluster.suppressedBecause()),
                            cluster.state()));
                    out.write("\n");
                }
            }
        });
    }

    /** Writes the rejects file {@code line,respondent,reason,column,value}. */
    public static void writeRejects(List<Reject> rejects, Path file) throws IOException {
        requireNonNull(rejects, "rejects");
        AtomicFiles.write(file, out -> {
            out.write(String.join(",", REJECT_COLUMNS));
            out.write("\n");
            for (Reject reject : rejects) {
                out.write(String.join(
                        ",",
                        Long.toString(reject.line()),
                        csv(reject.respondent()),
                        reject.reason().code(),
                        csv(reject.column()),
                        csv(reject.value())));
                out.write("\n");
            }
        });
    }

    /** A value for a CSV cell: quoted when it holds a comma, quote or line break; "" for null. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String number(Number value) {
        if (value == null) {
            return "";
        }
        // Double.toString is the shortest text that reads back to the same double.
        return value.toString();
    }

    /** The mapper that reads results; made on the first read, since writing needs none. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
