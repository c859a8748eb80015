package nl.peiling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.peiling.core.model.Language;
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code peiling report} on simulated results: 4 institutions, 6000 students, aggregated with a minimum of
 * 60 respondents so that some locations and optional-module clusters are suppressed.
 */
class ReportCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path data;
    static Path results;

    @BeforeAll
    static void simulateAndAggregate() {
        results = dir.resolve("results.json");
        data = SimulatedSurvey.write(dir.resolve("data"), 4, 6000, "report-test");
        SimulatedSurvey.aggregate(data, results, 60);
    }

    @Test
    void report_forAnInstitution_writesTheHtmlWithItsNameChartsAndLocations() throws IOException {
        Results read = ResultsFiles.readJson(results);
        String code = read.groups().get(1).key().get("institution");
        Path out = dir.resolve("institution.html");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                code,
                "--institutions",
                data.resolve("institutions.json").toString(),
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Report (institution " + code + ", nl): 34 clusters, 155 questions, ")
                .contains("Written: " + out);
        String html = Files.readString(out);
        assertThat(html)
                .startsWith("<!DOCTYPE html><html lang=\"nl\">")
                .contains("<title>JOB-monitor 2027: Simulatiecollege 1</title>")
                .contains("Respons per locatie", "Per locatie", "Hele instelling", "De opleiding", "Landelijk");
        assertThat(count(html, "<svg[^>]*class=\"chart mean-chart\""))
                .as("a cluster chart per module")
                .isEqualTo(9);
        assertThat(count(html, "<svg[^>]*class=\"chart stack-chart\""))
                .as("a chart per scale or grade item")
                .isEqualTo(155);
        assertThat(count(html, "class=\"bar own\"")).isPositive();
        assertThat(Files.isReadable(out)).isTrue();
    }

    @Test
    void report_forAnInstitution_showsTheCaseMixComparisonBesideTheFlatOne() throws IOException {
        Results read = ResultsFiles.readJson(results);
        String code = read.groups().get(1).key().get("institution");
        List<nl.peiling.stats.scores.BenchmarkFigures> mixed = read.benchmarks().stream()
                .filter(b -> b.institution().equals(code) && b.kind().equals("cluster") && b.caseMix() != null)
                .toList();
        assertThat(mixed).as("clusters of %s with a case-mix comparison", code).isNotEmpty();
        Path out = dir.resolve("case-mix.html");
        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                code,
                "--lang",
                "en",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<h3>Compared with students of the same level and pathway</h3>");
        assertThat(count(html, "<table class=\"case-mix\"><thead>")).isEqualTo(1);
        var words = nl.peiling.cli.report.Words.in(Language.EN);
        for (var benchmark : mixed) {
            assertThat(html)
                    .contains("<td class=\"number\">"
                            + words.decimal(benchmark.caseMix().expected(), 2) + "</td>");
        }
    }

    @Test
    void report_atAGlance_listsSignificantThemesWithCohensDOfAtLeastTwoTenthsOnly() throws IOException {
        Results read = ResultsFiles.readJson(results);
        var edition = nl.peiling.core.catalog.Catalog.load().edition("2027");
        for (GroupResult group : read.groups().subList(1, 5)) {
            String code = group.key().get("institution");
            List<String> expected = new java.util.ArrayList<>();
            long smallButSignificant = 0;
            for (var b : read.benchmarks()) {
                if (b.institution().equals(code)
                        && b.kind().equals("cluster")
                        && Boolean.TRUE.equals(b.significant())) {
                    String title = edition.clusters().stream()
                            .filter(c -> c.id().equals(b.id()))
                            .findFirst()
                            .orElseThrow()
                            .title()
                            .in("en");
                    if (Math.abs(b.cohensD()) >= 0.2) {
                        expected.add(title);
                    } else {
                        smallButSignificant++;
                    }
                }
            }
            Path out = dir.resolve("glance-" + code + ".html");
            Peiling.Run run = Peiling.execute(
                    "report",
                    "--results",
                    results.toString(),
                    "--institution",
                    code,
                    "--lang",
                    "en",
                    "--out",
                    out.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            String html = Files.readString(out);
            Matcher listed = Pattern.compile("<div class=\"(?:higher|lower)\"><dt>[^<]*</dt><dd>([^<]*)</dd>")
                    .matcher(html);
            List<String> shown = new java.util.ArrayList<>();
            while (listed.find()) {
                shown.addAll(List.of(listed.group(1).split(" · ")));
            }
            assertThat(shown)
                    .as(code + " (" + smallButSignificant + " significant below d 0.2)")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void report_national_hasNoOwnBarsAndTheInstitutionsAsGroups() throws IOException {
        Path out = dir.resolve("national.html");

        Peiling.Run run = Peiling.execute(
                "report", "--results", results.toString(), "--out", out.toString(), "--lang", "en", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("scope").asText()).isEqualTo("national");
        assertThat(json.get("language").asText()).isEqualTo("en");
        assertThat(json.get("groups").asInt()).isEqualTo(4);
        String html = Files.readString(out);
        assertThat(html)
                .contains(
                        "<html lang=\"en\">",
                        "JOB monitor 2027: national report",
                        "By institution",
                        "The programme",
                        "Response barometer");
        assertThat(count(html, "class=\"bar own\"")).isZero();
        assertThat(count(html, "class=\"bar national\"")).isEqualTo(34);
    }

    @Test
    void report_suppressedFigures_sayTooFewResponsesNeverZero() throws IOException {
        Results read = ResultsFiles.readJson(results);
        GroupResult thin = read.groups().stream()
                .filter(g -> g.key().size() == 1 && !g.suppressed())
                .filter(g -> g.clusters().stream().anyMatch(ClusterFigures::suppressed))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the simulated results should have a suppressed cluster"));
        long suppressed =
                thin.clusters().stream().filter(ClusterFigures::suppressed).count();
        Path out = dir.resolve("thin.html");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                thin.key().get("institution"),
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(count(html, "<text[^>]*class=\"suppressed\"[^>]*>te weinig respons</text>"))
                .isGreaterThanOrEqualTo((int) suppressed);
        assertThat(count(html, "class=\"bar own\"")).isEqualTo(34 - (int) suppressed);
        // and in the table of the institution and its locations, a cell that says so
        assertThat(count(html, "<td class=\"number\"><span class=\"suppressed\">te weinig respons</span></td>"))
                .isGreaterThanOrEqualTo((int) suppressed);
        String figures = html.replaceAll("<text[^>]*class=\"tick\"[^>]*>[^<]*</text>", "");
        assertThat(figures).as("no zero stands in for a withheld figure").doesNotContain(">0,00<", ">0%<", ">0<");
    }

    @Test
    void report_isSelfContained_noScriptsLinksOrAddressesOutsideThePage() throws IOException {
        Path out = dir.resolve("self-contained.html");
        Peiling.Run run = Peiling.execute("report", "--results", results.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        String html = Files.readString(out);
        assertThat(html).doesNotContain("<script", "<link", "<img", "src=", "@import", "url(http", "@font-face");
        List<String> addresses = Pattern.compile("https?://[^\"' )]+")
                .matcher(html)
                .results()
                .map(m -> m.group())
                .distinct()
                .toList();
        assertThat(addresses).containsOnly("http://www.w3.org/2000/svg");
        assertThat(html).contains("<style>", "@page { size: A4;");
    }

    @Test
    void report_namesFromTheInstitutionsFile_areEscaped() throws IOException {
        Results read = ResultsFiles.readJson(results);
        String code = read.groups().get(1).key().get("institution");
        Path names = dir.resolve("names.json");
        Files.writeString(
                names,
                "[{\"code\": \"" + code + "\", \"name\": \"<b>Bold</b> & Co\", \"shortName\": \"B&C\","
                        + " \"chosen\": [], \"locations\": [{\"code\": \"01\", \"name\": \"<i>Oost</i>\"}]}]");
        Path out = dir.resolve("escaped.html");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                code,
                "--institutions",
                names.toString(),
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html)
                .doesNotContain("<b>Bold</b>", "<i>Oost</i>")
                .contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co", "&lt;i&gt;Oost&lt;/i&gt; (01)", ">B&amp;C<");
    }

    @Test
    void report_unknownInstitution_exitsTwoNamingTheKnownOnes() throws IOException {
        Results read = ResultsFiles.readJson(results);
        List<String> known = read.groups().stream()
                .filter(g -> g.key().size() == 1)
                .map(g -> g.key().get("institution"))
                .sorted()
                .toList();

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                "99ZZ",
                "--out",
                dir.resolve("unknown.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim())
                .isEqualTo("peiling: institution \"99ZZ\" is not in the results; the results have" + " figures of "
                        + String.join(", ", known));
        assertThat(dir.resolve("unknown.html")).doesNotExist();
    }

    @Test
    void report_missingResultsFile_exitsTwoWithOneLine() {
        Path missing = dir.resolve("nope.json");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                missing.toString(),
                "--out",
                dir.resolve("x.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim()).isEqualTo("peiling: " + missing + ": no such file");
    }

    @Test
    void report_notAResultsFile_exitsTwo() throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.json"), "{\"hello\": 1}");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                bogus.toString(),
                "--out",
                dir.resolve("y.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("peiling: " + bogus + " is not a peiling results file");
    }

    @Test
    void report_badLanguage_exitsTwo() {
        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--out",
                dir.resolve("z.html").toString(),
                "--lang",
                "fr");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--lang").contains("fr");
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
