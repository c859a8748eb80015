package nl.peiling.stats.scores;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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

    /**
     * The writer's factory: a streaming generator, no object mapper. Doubles are written by Jackson's
     * shortest-representation writer (Schubfach): the shortest decimal that reads back to the same double,
     * the same text on every Java version (JDK 17's {@code Double.toString} sometimes prints a longer one,
     * and differs from JDK 19's), and faster.
     */
    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

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
            "suppressedBecause");

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

    /**
     * Writes the results JSON and the tidy CSV at the same time, the CSV on a second thread; either path
     * may be null, to write only the other file.
     *
     * @throws IOException when either file cannot be written (the other is then still written or left)
     */
    public static void writeJsonAndCsv(Results results, Path json, Path csv) throws IOException {
        requireNonNull(results, "results");
        if (json == null || csv == null) {
            if (json != null) {
                writeJson(results, json);
            }
            if (csv != null) {
                writeCsv(results, csv);
            }
            return;
        }
        FutureTask<Void> table = new FutureTask<>(() -> {
            writeCsv(results, csv);
            return null;
        });
        new Thread(table, "peiling-results-csv").start();
        try {
            writeJson(results, json);
        } finally {
            await(table);
        }
    }

    private static void await(FutureTask<Void> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the results CSV was written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("writing the results CSV failed", cause);
        }
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
                            csv(item.suppressedBecause())));
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
                            csv(cluster.suppressedBecause())));
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

    private static String number(Double value) {
        // The JSON's writer: the shortest text that reads back to the same double, on every Java version.
        return value == null ? "" : NumberOutput.toString(value.doubleValue(), true);
    }

    private static String number(Long value) {
        return value == null ? "" : value.toString();
    }

    /** The mapper that reads results; made on the first read, since writing needs none. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
