package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peiling trend} on two simulated surveys, the earlier aggregated with a definition folder in which
 * question opl01 (an item of cluster opl_opleiding) is reworded, run through the command line.
 */
class TrendCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] FILES = {
        "edition.json",
        "basis.json",
        "burgerschap.json",
        "geldzorgen.json",
        "huisvesting.json",
        "llo.json",
        "nabijheid.json",
        "positie.json",
        "stage.json",
        "welzijn.json"
    };

    @TempDir
    static Path dir;

    static Path previous;
    static Path current;

    @BeforeAll
    static void aggregateTwoEditions() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("definitions"));
        for (String name : FILES) {
            try (InputStream in =
                    TrendCommandTest.class.getResourceAsStream("/nl/peiling/catalog/editions/2027/" + name)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (name.equals("basis.json")) {
                    assertThat(text).contains("\"My programme suits me.\"");
                    text = text.replace("\"My programme suits me.\"", "\"My programme suits me well.\"");
                }
                Files.writeString(folder.resolve(name), text);
            }
        }
        Path a = SimulatedSurvey.write(dir.resolve("a"), 4, 3000, "trend-a", "--noise", "8");
        Path b = SimulatedSurvey.write(dir.resolve("b"), 4, 3000, "trend-b", "--noise", "8");
        previous = aggregate(folder.toString(), a, dir.resolve("previous.json"));
        current = aggregate("2027", b, dir.resolve("current.json"));
    }

    private static Path aggregate(String edition, Path data, Path out) {
        Peiling.Run run = Peiling.execute(
                "aggregate",
                "--edition",
                edition,
                "--responses",
                data.resolve("responses.csv").toString(),
                "--population",
                data.resolve("population.csv").toString(),
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void json_comparisonsWithBhPerFamily_andTheRewordedQuestionNotComparable() throws IOException {
        Peiling.Run run =
                Peiling.execute("trend", "--previous", previous.toString(), "--current", current.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("previous").get("edition").asText()).isEqualTo("2027");
        assertThat(json.get("previous").get("file").asText()).isEqualTo(previous.toString());
        assertThat(json.get("current").get("file").asText()).isEqualTo(current.toString());
        List<JsonNode> all = new ArrayList<>();
        json.get("comparisons").forEach(all::add);
        assertThat(all).isNotEmpty();
        assertThat(all.get(0).fieldNames())
                .toIterable()
                .contains(
                        "key",
                        "kind",
                        "id",
                        "measure",
                        "previous",
                        "current",
                        "difference",
                        "se",
                        "z",
                        "p",
                        "q",
                        "significant",
                        "comparable",
                        "suppressed");

        for (JsonNode c : all) {
            String id = c.get("id").asText();
            boolean broken = id.equals("opl01") || id.equals("opl_opleiding");
            assertThat(c.get("comparable").asBoolean()).as(id).isEqualTo(!broken);
            if (broken) {
                assertThat(c.get("difference").isNull()).isTrue();
                assertThat(c.get("q").isNull()).isTrue();
            }
        }
        // Every family (group × measure): q as Benjamini and Hochberg define it, computed here the slow way:
        // q_i = min over p_j >= p_i of min(1, m·p_j / rank_j).
        Map<String, List<JsonNode>> families = new LinkedHashMap<>();
        for (JsonNode c : all) {
            if (!c.get("p").isNull()) {
                families.computeIfAbsent(c.get("key") + c.get("measure").asText(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        assertThat(families).isNotEmpty();
        families.values().forEach(family -> {
            int m = family.size();
            for (JsonNode c : family) {
                double p = c.get("p").asDouble();
                double q = 1;
                for (JsonNode other : family) {
                    double pj = other.get("p").asDouble();
                    if (pj >= p) {
                        long rank = family.stream()
                                .filter(x -> x.get("p").asDouble() <= pj)
                                .count();
                        q = Math.min(q, m * pj / rank);
                    }
                }
                assertThat(c.get("q").asDouble()).isCloseTo(q, within(1e-12));
                assertThat(c.get("significant").asBoolean()).isEqualTo(q < 0.05);
                double se = c.get("se").asDouble();
                assertThat(c.get("z").asDouble()).isCloseTo(c.get("difference").asDouble() / se, within(1e-9));
            }
        });
    }

    @Test
    void text_changesThatMatterFirst_thenWhatIsNotComparable() {
        Peiling.Run run = Peiling.execute("trend", "--previous", previous.toString(), "--current", current.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .startsWith("Trend 2027 (" + previous + ") -> 2027 (" + current + "): ")
                .contains(" notable, ");
        assertThat(lines.get(2))
                .isEqualTo("Notable changes (q < 0.05 and |d| >= 0.2 for means, >= 2.5 percentage points for shares),"
                        + " largest |z| first:");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo(
                        "Not comparable (wording, scale, options or cluster changed): item opl01, cluster opl_opleiding");
    }

    @Test
    void errors_exitTwoWithOneLine() throws IOException {
        Peiling.Run missing = Peiling.execute(
                "trend", "--previous", dir.resolve("nope.json").toString(), "--current", current.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo("peiling: " + dir.resolve("nope.json") + ": no such file");

        ObjectNode old = (ObjectNode) MAPPER.readTree(previous.toFile());
        old.remove("fingerprints");
        Path file = dir.resolve("old.json");
        MAPPER.writeValue(file.toFile(), old);
        Peiling.Run run = Peiling.execute("trend", "--previous", file.toString(), "--current", current.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim())
                .isEqualTo("peiling: " + file
                        + " has no fingerprints of its questions (written by an older peiling); aggregate it again");

        Peiling.Run bad = Peiling.execute(
                "trend", "--previous", previous.toString(), "--current", current.toString(), "--min-points", "300");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().trim()).isEqualTo("peiling: minimum share difference (3.0) must be >= 0 and <= 1");
    }
}
