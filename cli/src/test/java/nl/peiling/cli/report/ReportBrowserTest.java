package nl.peiling.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nl.peiling.cli.Peiling;
import nl.peiling.core.allocation.Institution;
import nl.peiling.core.allocation.Institutions;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report in a real browser: headless Chromium renders the report of a simulated institution that
 * excluded a module (and, as every institution, has the reverse-worded les03) to PNGs at 360, 768 and
 * 1200 px, a PDF and its DOM, and measures the page for horizontal overflow at each width. The
 * screenshots, the PDF and the HTML are kept in {@code target/report/} for people to look at. Skipped only when no Chromium is on the PATH ({@code .ci/run} installs Debian's).
 */
class ReportBrowserTest {

    private static final Path KEPT = Path.of("target", "report");
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    static Path dir;

    static Path browser;
    static Path html;
    static String institution;
    static Results results;
    static int ownClusters;
    static int stacks;
    static List<String> excluded;

    @BeforeAll
    static void renderReport() throws IOException {
        Optional<Path> found = findBrowser();
        // Under CI=true (as .ci/run sets, which installs chromium) a missing browser fails; elsewhere it skips.
        assertThat(found.isPresent() || !"true".equals(System.getenv("CI")))
                .as("no chromium, chromium-browser or google-chrome on the PATH, and CI=true: .ci/run installs"
                        + " chromium")
                .isTrue();
        assumeTrue(found.isPresent(), "no chromium, chromium-browser or google-chrome on the PATH");
        browser = found.get();

        Path resultsFile = dir.resolve("results.json");
        Path data = nl.peiling.cli.SimulatedSurvey.write(dir.resolve("data"), 5, 10000, "browser");
        nl.peiling.cli.SimulatedSurvey.aggregate(data, resultsFile, 60);
        results = ResultsFiles.readJson(resultsFile);
        // An institution that excluded a module (every institution has the reverse-worded les03 of the base
        // questionnaire), the one with the most locations: every part of the report is on the page.
        Institution chosen = Institutions.read(data.resolve("institutions.json")).stream()
                .filter(i -> !i.excluded().isEmpty())
                .max(Comparator.comparingInt(i -> i.locations().size()))
                .orElseThrow(() -> new AssertionError("the simulation should have an institution that excludes"));
        institution = chosen.code();
        excluded = chosen.excluded();
        GroupResult own =
                results.group(java.util.Map.of("institution", institution)).orElseThrow();
        ownClusters =
                (int) own.clusters().stream().filter(c -> c.mean() != null).count();
        stacks = (int) own.items().stream()
                .filter(i -> List.of("scale", "grade").contains(i.type()))
                .filter(i -> !i.state().equals("not-administered"))
                .count();

        Files.createDirectories(KEPT);
        html = KEPT.resolve("report.html").toAbsolutePath();
        // No --institutions and no --edition: the results name the institutions and carry the definition.
        run("report", "--results", resultsFile.toString(), "--institution", institution, "--out", html.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {360, 768, 1200})
    void screenshot_atEachWidth_showsTheBarsInTheirColours(int width) throws IOException {
        Path png = KEPT.resolve("report-" + width + ".png").toAbsolutePath();
        Files.deleteIfExists(png);

        chromium(
                "screenshot-" + width,
                "--screenshot=" + png,
                "--window-size=" + width + ",3000",
                "--hide-scrollbars",
                html.toUri().toString());

        assertThat(png).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(3000);
        long inked = 0;
        long own = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (!near(rgb, 0xFFFFFF, 6)) {
                    inked++;
                }
                if (near(rgb, 0x0072B2, 4)) {
                    own++;
                }
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertThat(inked).as("pixels that are not white").isGreaterThan(pixels / 30);
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat(own).as("pixels of the own institution's blue").isGreaterThan(pixels / 1000);
    }

    /**
     * The page at a width, measured by the browser: a copy of the report with a small script that writes
     * the document's scroll width and the elements reaching past the viewport into the DOM it dumps (the
     * report itself has no scripts). Wide tables scroll inside their own box; the page never does.
     */
    @ParameterizedTest
    @ValueSource(ints = {360, 768, 1200})
    void page_atEachWidth_hasNoHorizontalOverflow(int width) throws IOException {
        String page = Files.readString(html);
        // The report in an iframe of the width (headless Chromium keeps its window at least 500 px wide);
        // srcdoc gives the frame the host's origin, so the host's script can measure inside it.
        String measure = "function measure(f){var d=f.contentDocument,w=f.contentWindow.innerWidth,out=[];"
                + "d.querySelectorAll('body *').forEach(function(e){"
                + "if(e.closest('.table-scroll')&&!e.classList.contains('table-scroll'))return;"
                + "var r=e.getBoundingClientRect();if(r.right>w+1||r.left<-1)"
                + "out.push(e.tagName+'.'+(e.getAttribute('class')||'')+' '+Math.round(r.left)+'..'+Math.round(r.right));});"
                + "var b=document.body;b.setAttribute('data-viewport',w);"
                + "b.setAttribute('data-scroll-width',d.documentElement.scrollWidth);"
                + "b.setAttribute('data-overflowing',out.slice(0,10).join(' | '));}";
        String host = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>" + measure + "</script></head>"
                + "<body style=\"margin:0\"><iframe onload=\"measure(this)\" style=\"border:0;width:" + width
                + "px;height:900px\" srcdoc=\"" + page.replace("&", "&amp;").replace("\"", "&quot;")
                + "\"></iframe></body></html>";
        Path probed = dir.resolve("probe-" + width + ".html");
        Files.writeString(probed, host);

        String dom = chromium(
                "probe-" + width,
                "--window-size=1200,1000",
                "--dump-dom",
                probed.toUri().toString());

        Matcher body = Pattern.compile(
                        "<body style=\"margin:0\" data-viewport=\"(\\d+)\" data-scroll-width=\"(\\d+)\" data-overflowing=\"([^\"]*)\"")
                .matcher(dom);
        assertThat(body.find()).as("the probe ran").isTrue();
        assertThat(Integer.parseInt(body.group(1))).as("viewport").isEqualTo(width);
        assertThat(body.group(3))
                .as("elements past the edge at " + width + " px")
                .isEmpty();
        assertThat(Integer.parseInt(body.group(2)))
                .as("scroll width at " + width + " px")
                .isLessThanOrEqualTo(width);
    }

    @Test
    void pdf_isPrintedOnSeveralA4Pages() throws IOException {
        Path pdf = KEPT.resolve("report.pdf").toAbsolutePath();
        Files.deleteIfExists(pdf);

        chromium(
                "pdf",
                "--print-to-pdf=" + pdf,
                "--no-pdf-header-footer",
                html.toUri().toString());

        assertThat(pdf).isRegularFile();
        byte[] bytes = Files.readAllBytes(pdf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-");
        assertThat(bytes.length).as("PDF size in bytes").isGreaterThan(100_000);
        assertThat(count(text, "/Type\\s*/Page(?![s\\w])")).as("pages").isGreaterThan(5);
        // A4 is 595 × 842 points.
        assertThat(text).containsPattern("/MediaBox\\s*\\[\\s*0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?\\s*\\]");
    }

    @Test
    void dom_hasEveryPartOfTheIssue() throws IOException {
        String dom = chromium("dom", "--dump-dom", html.toUri().toString());
        String name = results.institutions().stream()
                .filter(i -> i.code().equals(institution))
                .findFirst()
                .orElseThrow()
                .name();

        // Names, not codes, and no survey's name in the title.
        assertThat(dom)
                .contains("<h1>Uitkomsten 2027: " + name + "</h1>")
                .doesNotContain("JOB-monitor", "Uitkomsten van " + institution);
        // The parts.
        assertThat(dom)
                .contains(
                        "Respons",
                        "Responsbarometer",
                        "Opvallend",
                        "Verschil met landelijk per thema",
                        "Thema's",
                        "Vragen",
                        "Per locatie",
                        "Landelijk",
                        "Hele instelling");
        // An excluded module is not administered, never "too few responses".
        assertThat(count(dom, "<p class=\"missing module-missing\" data-state=\"not-administered\">niet afgenomen</p>"))
                .isEqualTo(excluded.size());
        assertThat(count(dom, "<text[^>]*class=\"missing\"[^>]*>niet afgenomen</text>"))
                .isPositive();
        // The reverse-worded question: agreeing is unfavourable.
        assertThat(dom)
                .contains("<figure class=\"chart-figure item reversed\">", "omgekeerd gesteld: eens is ongunstig");
        // Notable: significant and material, each with its effect size; words say better and worse.
        assertThat(dom)
                .contains("effectgrootte |d| van minstens 0,2")
                .doesNotContain("significant hoger", "significant lager");
        assertThat(count(dom, "<li>[^<]*\\(d = [−+]?[0-9],[0-9]{2}\\)</li>")).isEqualTo((int)
                results.benchmarks().stream()
                        .filter(b ->
                                b.institution().equals(institution) && b.kind().equals("cluster"))
                        .filter(Report::notable)
                        .count());
        // Flat and case-mix adjusted side by side.
        assertThat(dom).contains("Verschil met landelijk</th>", "Verschil met verwacht</th>");
        // Every question type but open text.
        assertThat(count(dom, "<figure class=\"chart-figure item choice\">")).isPositive();
        assertThat(count(dom, "<figure class=\"chart-figure item number\">")).isPositive();
        // Response rate beside the required net, reached as a mark.
        assertThat(dom).contains("Responspercentage", "Vereiste netto gehaald").containsPattern("✓ gehaald|nog niet");

        assertThat(count(dom, "<svg[^>]*class=\"chart mean-chart\""))
                .as("cluster charts")
                .isEqualTo(9);
        assertThat(count(dom, "<svg[^>]*class=\"chart stack-chart\""))
                .as("item charts")
                .isEqualTo(stacks);
        assertThat(count(dom, "<svg[^>]*class=\"chart barometer-chart\"")).isEqualTo(1);
        assertThat(count(dom, "<svg[^>]*class=\"chart difference-chart\"")).isEqualTo(1);
        assertThat(count(dom, "<svg[^>]*role=\"img\""))
                .as("every chart is an image")
                .isEqualTo(9 + stacks + 2);
        assertThat(count(dom, "<title id=\"[^\"]+-title\">")).isEqualTo(9 + stacks + 2);
        assertThat(count(dom, "<rect[^>]*class=\"bar own\"")).isEqualTo(ownClusters);
        assertThat(count(dom, "<rect[^>]*class=\"bar national\"")).isEqualTo(34);
        assertThat(count(dom, "<line[^>]*class=\"whisker-line\"")).isGreaterThanOrEqualTo(ownClusters + 34);
        assertThat(count(dom, "<rect[^>]*class=\"segment positive\"")).isGreaterThan(stacks);
        assertThat(count(dom, "<table class=\"figures group-table stack\"")).isPositive();
    }

    private static String chromium(String name, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile-" + name)));
        command.addAll(List.of(arguments));
        Path out = dir.resolve(name + ".out");
        Path log = KEPT.resolve("chromium-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for chromium", e);
        }
        assertThat(process.exitValue())
                .as("chromium exit code; log in " + log.toAbsolutePath())
                .isZero();
        return Files.readString(out);
    }

    private static Optional<Path> findBrowser() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : BROWSERS) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(String... args) {
        Peiling.Run run = Peiling.execute(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
    }

    private static boolean near(int rgb, int colour, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xFF) - ((colour >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
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
