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
                .startsWith("Report (institution " + code + ", nl): 34 clusters, 178 questions, ")
                .contains("Written: " + out);
        String html = Files.readString(out);
        assertThat(html)
                .startsWith("<!DOCTYPE html><html lang=\"nl\">")
                .contains("<title>Uitkomsten 2027: Simulatiecollege 1</title>")
                .contains("Respons per locatie", "Per locatie", "Hele instelling", "De opleiding", "Landelijk");
        assertThat(count(html, "<svg[^>]*class=\"chart mean-chart\""))
                .as("a cluster chart per module")
                .isEqualTo(9);
        long administered = read.groups().get(1).items().stream()
                .filter(i -> List.of("scale", "grade").contains(i.type()))
                .filter(i -> !i.state().equals("not-administered"))
                .count();
        assertThat(count(html, "<svg[^>]*class=\"chart stack-chart\""))
                .as("a chart per scale or grade item of the modules the institution got")
                .isEqualTo((int) administered);
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
        assertThat(count(html, "<table class=\"figures case-mix stack\"><thead>"))
                .isEqualTo(1);
        assertThat(html).contains("<th class=\"number\">Difference from national</th>", "Difference from expected");
        var words = nl.peiling.cli.report.Words.in(Language.EN);
        for (var benchmark : mixed) {
            assertThat(html)
                    .contains("<td class=\"number\" data-label=\"Expected\">"
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
                        expected.add(title + " " + Math.abs(b.cohensD()));
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
            // Better first, then worse; within each the largest effect first, with its effect size.
            Matcher listed = Pattern.compile(
                            "<li>([^<]*): [0-9]\\.[0-9]{2} against [0-9]\\.[0-9]{2} national \\(d = ([^)]*)\\)</li>")
                    .matcher(html);
            List<String> shown = new java.util.ArrayList<>();
            List<Double> sizes = new java.util.ArrayList<>();
            while (listed.find()) {
                shown.add(listed.group(1));
                sizes.add(Double.parseDouble(listed.group(2).replace("−", "-").replace("+", "")));
            }
            assertThat(shown)
                    .as(code + " (" + smallButSignificant + " significant below d 0.2)")
                    .containsExactlyInAnyOrderElementsOf(expected.stream()
                            .map(e -> e.substring(0, e.lastIndexOf(' ')))
                            .toList());
            List<Double> better = sizes.stream().filter(d -> d > 0).toList();
            List<Double> worse = sizes.stream().filter(d -> d < 0).toList();
            assertThat(sizes).as("better before worse").isEqualTo(concat(better, worse));
            assertThat(better).isSortedAccordingTo(java.util.Comparator.comparingDouble(d -> -Math.abs(d)));
            assertThat(worse).isSortedAccordingTo(java.util.Comparator.comparingDouble(d -> -Math.abs(d)));
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
                        "Results 2027: national report",
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
        long notShown = thin.clusters().stream().filter(c -> c.mean() == null).count();
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
        assertThat(count(html, "<text[^>]*class=\"missing\"[^>]*>te weinig respons</text>"))
                .isGreaterThanOrEqualTo((int) suppressed);
        assertThat(count(html, "class=\"bar own\"")).isEqualTo(34 - (int) notShown);
        // and in the table of the institution and its locations, a cell that says so
        assertThat(
                        count(
                                html,
                                "<td class=\"number\" data-state=\"suppressed-n\"[^>]*><span class=\"missing\">te weinig respons</span></td>"))
                .isGreaterThanOrEqualTo((int) suppressed);
        // Differences from the nation may truly be 0,00; every other figure of a withheld group is words.
        String figures = html.replaceAll("<text[^>]*class=\"tick\"[^>]*>[^<]*</text>", "")
                .replaceAll("(?s)<svg[^>]*class=\"chart difference-chart\".*?</svg>", "")
                .replaceAll("(?s)<table class=\"figures case-mix stack\">.*?</table>", "");
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

    @Test
    void report_namesInstitutions_fromTheResults_withoutTheInstitutionsFile() throws IOException {
        Results read = ResultsFiles.readJson(results);
        assertThat(read.institutions())
                .as("aggregate --institutions records the names")
                .hasSize(4);
        String code = read.groups().get(1).key().get("institution");
        Path out = dir.resolve("named.html");

        Peiling.Run run = Peiling.execute(
                "report", "--results", results.toString(), "--institution", code, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html)
                .contains("<title>Uitkomsten 2027: Simulatiecollege 1</title>", ">SC1<")
                .doesNotContain("Uitkomsten van " + code);
    }

    @Test
    void report_ofADefinitionFolder_needsNoEditionOption() throws IOException {
        nl.peiling.core.model.Edition shipped =
                nl.peiling.core.catalog.Catalog.load().edition("2027");
        nl.peiling.core.model.EditionManifest manifest = shipped.manifest();
        nl.peiling.core.model.Edition own = new nl.peiling.core.model.Edition(
                new nl.peiling.core.model.EditionManifest(
                        "2099", null, manifest.base(), manifest.modules(), manifest.rules()),
                shipped.base(),
                shipped.optional());
        Path folder = dir.resolve("definition-2099");
        nl.peiling.core.io.Definitions.writeEdition(own, folder);
        Path survey = dir.resolve("survey-2099");
        assertThat(Peiling.execute(
                                "simulate",
                                "--edition",
                                folder.toString(),
                                "--institutions",
                                "2",
                                "--students",
                                "1500",
                                "--seed",
                                "folder",
                                "--out",
                                survey.toString())
                        .exitCode())
                .isZero();
        Path folderResults = dir.resolve("results-2099.json");
        assertThat(Peiling.execute(
                                "aggregate",
                                "--edition",
                                folder.toString(),
                                "--responses",
                                survey.resolve("responses.csv").toString(),
                                "--out",
                                folderResults.toString())
                        .exitCode())
                .isZero();
        Path out = dir.resolve("report-2099.html");

        Peiling.Run run = Peiling.execute("report", "--results", folderResults.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out))
                .contains("<title>Uitkomsten 2099: landelijk rapport</title>", "Basisvragenlijst");
    }

    @Test
    void report_ofOldResultsWithoutDefinition_ofAnUnshippedEdition_namesTheOptionToAdd() throws IOException {
        Results read = ResultsFiles.readJson(results);
        Results old = copy(read, "2099", read.fingerprints(), null);
        Path file = dir.resolve("old-2099.json");
        ResultsFiles.writeJson(old, file);

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                file.toString(),
                "--out",
                dir.resolve("old.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().trim())
                .isEqualTo("peiling: " + file + " carries no definition (written by an older peiling) and edition"
                        + " \"2099\" is not shipped: add --edition with the definition folder it was aggregated"
                        + " with, or aggregate it again");
    }

    @Test
    void report_withPrevious_showsTheChangePerThemeAndQuestion_andWhyAQuestionCannotBeCompared() throws IOException {
        Path earlierData = SimulatedSurvey.write(dir.resolve("earlier"), 4, 6000, "report-previous");
        Results earlier =
                ResultsFiles.readJson(SimulatedSurvey.aggregate(earlierData, dir.resolve("earlier.json"), 60));
        // les01 was worded differently then: its fingerprint differs, so it cannot be compared.
        java.util.Map<String, String> items =
                new java.util.LinkedHashMap<>(earlier.fingerprints().items());
        items.put("les01", "sha256:reworded");
        Results reworded = copy(
                earlier,
                earlier.edition(),
                new nl.peiling.stats.scores.Fingerprints(
                        items, earlier.fingerprints().clusters()),
                earlier.definitions());
        Path previous = dir.resolve("previous.json");
        ResultsFiles.writeJson(reworded, previous);
        Results read = ResultsFiles.readJson(results);
        String code = read.groups().get(1).key().get("institution");
        Path out = dir.resolve("trend.html");

        Peiling.Run run = Peiling.execute(
                "report",
                "--results",
                results.toString(),
                "--institution",
                code,
                "--previous",
                previous.toString(),
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<section id=\"trend\" class=\"trend\"><h2>Ontwikkeling sinds 2027</h2>");
        String trend = html.substring(html.indexOf("<section id=\"trend\""), html.indexOf("<section id=\"items\""));
        assertThat(count(trend, "<tr class=\"theme\">")).isEqualTo(34);
        assertThat(trend)
                .contains(
                        "niet vergelijkbaar: vraag of schaal gewijzigd",
                        "niet vergelijkbaar: vragen van het thema gewijzigd");
        var comparisons = nl.peiling.stats.trend.Trends.standard()
                .compare(reworded, "previous.json", read, "results.json")
                .comparisons()
                .stream()
                .filter(c -> c.key().equals(java.util.Map.of("institution", code))
                        && c.measure().equals("mean"))
                .filter(c -> c.kind().equals("cluster") && c.comparable() && c.difference() != null)
                .toList();
        assertThat(comparisons).isNotEmpty();
        var words = nl.peiling.cli.report.Words.in(Language.NL);
        for (var c : comparisons) {
            String change = (c.difference() > 0 ? "+" : c.difference() < 0 ? "−" : "")
                    + words.decimal(Math.abs(c.difference()), 2);
            assertThat(trend).contains(words.decimal(c.previous(), 2), words.decimal(c.current(), 2));
            if (Boolean.TRUE.equals(c.significant()) && c.difference() != 0) {
                assertThat(trend).contains(change + " " + (c.difference() > 0 ? "▲" : "▼"));
            }
        }
    }

    /** The results with another edition id, fingerprints and definition. */
    private static Results copy(
            Results results,
            String edition,
            nl.peiling.stats.scores.Fingerprints fingerprints,
            java.util.Map<String, String> definitions) {
        return new Results(
                edition,
                results.input(),
                results.weighted(),
                results.minN(),
                results.groupings(),
                results.groups(),
                results.benchmarks(),
                results.caseMixFactors(),
                fingerprints,
                results.response(),
                results.institutions(),
                definitions);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
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
