package nl.peiling.stats.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {

    @TempDir
    Path dir;

    private Aggregation aggregation() {
        TestEdition.Csv csv = TestEdition.handExample().row("r1", "X", "01", 2, "BOL", "basis", "q1=9");
        return Aggregator.of(TestEdition.EDITION).withMinN(2).aggregate(csv.write(dir.resolve("responses.csv")));
    }

    @Test
    void json_roundTripsExactlyAndHasTheContractKeys() throws IOException {
        Results results = aggregation().results();
        Path file = dir.resolve("results.json");
        ResultsFiles.writeJson(results, file);
        assertThat(ResultsFiles.readJson(file)).isEqualTo(results);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.fieldNames()).toIterable().contains("input", "groups", "benchmarks");
        assertThat(json.get("input").fieldNames()).toIterable().containsExactly("rows", "accepted", "rejected");
        JsonNode item = json.get("groups").get(0).get("items").get(0);
        assertThat(item.fieldNames())
                .toIterable()
                .contains(
                        "id",
                        "n",
                        "mean",
                        "sd",
                        "se",
                        "ciLow",
                        "ciHigh",
                        "suppressed",
                        "positive",
                        "neutral",
                        "negative",
                        "distribution",
                        "nonSubstantive",
                        "nEffective",
                        "positiveSe",
                        "positiveLow",
                        "positiveHigh",
                        "suppressedBecause");
        JsonNode cluster = json.get("groups").get(0).get("clusters").get(0);
        assertThat(cluster.fieldNames())
                .toIterable()
                .contains(
                        "id",
                        "n",
                        "mean",
                        "sd",
                        "se",
                        "ciLow",
                        "ciHigh",
                        "suppressed",
                        "alpha",
                        "nEffective",
                        "suppressedBecause");
        JsonNode benchmark = json.get("benchmarks").get(0);
        assertThat(benchmark.fieldNames())
                .toIterable()
                .contains("institution", "id", "own", "rest", "national", "difference", "p", "significant", "cohensD");
        assertThat(json.get("groups").get(0).get("key").size())
                .as("national key {}")
                .isZero();
    }

    @Test
    void tidyCsv_oneRowPerGroupAndFigure() throws IOException {
        Results results = aggregation().results();
        Path file = dir.resolve("results.csv");
        ResultsFiles.writeCsv(results, file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ResultsFiles.CSV_COLUMNS));
        int perGroup = results.national().items().size()
                + results.national().clusters().size();
        assertThat(lines).hasSize(1 + results.groups().size() * perGroup);
        double se = results.national().item("q1").orElseThrow().se();
        assertThat(se).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-15));
        ItemFigures q1 = results.national().item("q1").orElseThrow();
        // Positive answers 1, 0, 1, 0, 0: se = √(p(1 − p)/(n − 1)) = √0.06 without weights.
        assertThat(q1.positiveSe()).isCloseTo(Math.sqrt(0.06), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(lines.get(1))
                .isEqualTo(",,,,item,q1,scale,5,3.0," + Math.sqrt(2.5) + "," + se + "," + (3 - 1.96 * se) + ","
                        + (3 + 1.96 * se) + ",0.4,0.2,0.4,,false,5.0," + q1.positiveSe() + "," + q1.positiveLow()
                        + "," + q1.positiveHigh() + ",");
        assertThat(lines).anyMatch(l -> l.startsWith("Y,,,,item,q1,scale,2,"));
        assertThat(lines).anyMatch(l -> l.equals("X,02,,,item,q1,scale,,,,,,,,,,,true,,,,,n"));
        ClusterFigures c1 = results.national().cluster("c1").orElseThrow();
        assertThat(lines)
                .contains(",,,,cluster,c1,,4," + c1.mean() + "," + c1.sd() + "," + c1.se() + "," + c1.ciLow() + ","
                        + c1.ciHigh() + ",,,," + c1.alpha() + ",false,4.0,,,,");
    }

    @Test
    void rejectsFile_quotesWhereNeeded() throws IOException {
        Aggregation aggregation = aggregation();
        Path file = dir.resolve("rejects.csv");
        ResultsFiles.writeRejects(aggregation.rejects(), file);
        assertThat(Files.readAllLines(file))
                .containsExactly("line,respondent,reason,column,value", "7,r1,unknown-code,q1,9");
        assertThat(Files.readString(file)).endsWith(",9\n");
        assertThat(ResultsFiles.csv("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        // A special character first in the value is found too.
        assertThat(ResultsFiles.csv(",a")).isEqualTo("\",a\"");
        assertThat(ResultsFiles.csv("\"a")).isEqualTo("\"\"\"a\"");
        assertThat(ResultsFiles.csv("\na")).isEqualTo("\"\na\"");
        assertThat(ResultsFiles.csv("\ra")).isEqualTo("\"\ra\"");
        assertThat(ResultsFiles.csv("plain")).isEqualTo("plain");
        assertThat(ResultsFiles.csv(null)).isEmpty();
    }

    @Test
    void jsonAndCsv_atOnce_areTheFilesWrittenOneByOne() throws IOException {
        Results results = aggregation().results();
        ResultsFiles.writeJson(results, dir.resolve("one.json"));
        ResultsFiles.writeCsv(results, dir.resolve("one.csv"));

        ResultsFiles.writeJsonAndCsv(results, dir.resolve("both.json"), dir.resolve("both.csv"));
        ResultsFiles.writeJsonAndCsv(results, null, dir.resolve("only.csv"));

        assertThat(Files.mismatch(dir.resolve("both.json"), dir.resolve("one.json")))
                .isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("both.csv"), dir.resolve("one.csv")))
                .isEqualTo(-1L);
        assertThat(Files.mismatch(dir.resolve("only.csv"), dir.resolve("one.csv")))
                .isEqualTo(-1L);
        assertThat(dir.resolve("only.json")).doesNotExist();
    }

    @Test
    void jsonAndCsv_csvThatCannotBeWritten_throwsItsIoError_afterTheJson() throws IOException {
        Results results = aggregation().results();
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file, not a folder");

        assertThatThrownBy(() ->
                        ResultsFiles.writeJsonAndCsv(results, dir.resolve("fine.json"), blocked.resolve("results.csv")))
                .isInstanceOf(IOException.class);
        assertThat(ResultsFiles.readJson(dir.resolve("fine.json"))).isEqualTo(results);
    }
}
