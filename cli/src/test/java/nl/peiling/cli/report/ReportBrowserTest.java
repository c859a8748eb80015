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
import nl.peiling.stats.scores.ClusterFigures;
import nl.peiling.stats.scores.GroupResult;
import nl.peiling.stats.scores.Results;
import nl.peiling.stats.scores.ResultsFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: headless Chromium renders a report of simulated results to a PNG, a PDF
 * and its DOM. The screenshot, the PDF and the HTML are kept in {@code target/report/} for people to
 * look at. Skipped only when no Chromium is on the PATH ({@code .ci/run} installs Debian's).
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
    static int ownClusters;

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

        Path results = dir.resolve("results.json");
        Path data = nl.peiling.cli.SimulatedSurvey.write(dir.resolve("data"), 5, 10000, "browser");
        nl.peiling.cli.SimulatedSurvey.aggregate(data, results, 60);
        // The institution with the most locations among those with a withheld cluster: every part of the
        // report, "te weinig respons" included, is on the page.
        Results read = ResultsFiles.readJson(results);
        GroupResult chosen = read.groups().stream()
                .filter(g -> g.key().size() == 1 && !g.suppressed())
                .filter(g -> g.clusters().stream().anyMatch(ClusterFigures::suppressed))
                .max(Comparator.comparingLong(g -> locations(read, g.key().get("institution"))))
                .orElseThrow(() -> new AssertionError("the simulated results should have a withheld cluster"));
        institution = chosen.key().get("institution");
        ownClusters =
                (int) chosen.clusters().stream().filter(c -> !c.suppressed()).count();

        Files.createDirectories(KEPT);
        html = KEPT.resolve("report.html").toAbsolutePath();
        run(
                "report",
                "--results",
                results.toString(),
                "--institution",
                institution,
                "--institutions",
                data.resolve("institutions.json").toString(),
                "--out",
                html.toString());
    }

    @Test
    void screenshot_isNotBlank_andShowsTheBarsInTheirColours() throws IOException {
        Path png = KEPT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        chromium(
                "screenshot",
                "--screenshot=" + png,
                "--window-size=1200,3000",
                "--hide-scrollbars",
                html.toUri().toString());

        assertThat(png).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(3000);
        long inked = 0;
        long own = 0;
        long national = 0;
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
                if (near(rgb, 0xE69F00, 4)) {
                    national++;
                }
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertThat(inked).as("pixels that are not white").isGreaterThan(pixels / 20);
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(50);
        assertThat(own).as("pixels of the own institution's blue bars").isGreaterThan(20_000);
        assertThat(national).as("pixels of the national orange hatching").isGreaterThan(5_000);
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
    void dom_hasTheChartsBarsAndLabels() throws IOException {
        String dom = chromium("dom", "--dump-dom", html.toUri().toString());

        assertThat(dom)
                .contains(
                        "<h1>JOB-monitor 2027: ",
                        "Respons",
                        "Responsbarometer",
                        "Thema's",
                        "Vragen",
                        "Per locatie",
                        "De opleiding",
                        "Landelijk",
                        "Hele instelling",
                        "te weinig respons");
        assertThat(count(dom, "<svg[^>]*class=\"chart mean-chart\""))
                .as("cluster charts")
                .isEqualTo(9);
        assertThat(count(dom, "<svg[^>]*class=\"chart stack-chart\""))
                .as("item charts")
                .isEqualTo(155);
        assertThat(count(dom, "<svg[^>]*class=\"chart barometer-chart\"")).isEqualTo(1);
        assertThat(count(dom, "<svg[^>]*role=\"img\""))
                .as("every chart is an image")
                .isEqualTo(9 + 155 + 1);
        assertThat(count(dom, "<title id=\"[^\"]+-title\">")).isEqualTo(9 + 155 + 1);
        assertThat(count(dom, "<rect[^>]*class=\"bar own\"")).isEqualTo(ownClusters);
        assertThat(count(dom, "<rect[^>]*class=\"bar national\"")).isEqualTo(34);
        assertThat(count(dom, "<line[^>]*class=\"whisker-line\"")).isEqualTo(ownClusters + 34);
        assertThat(count(dom, "<rect[^>]*class=\"segment positive\"")).isGreaterThan(155);
        assertThat(count(dom, "<text[^>]*class=\"suppressed\"[^>]*>te weinig respons</text>"))
                .isPositive();
        assertThat(count(dom, "<table class=\"figures group-table\"")).isPositive();
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

    private static long locations(Results results, String institution) {
        return results.groups().stream()
                .filter(g -> g.key().size() == 2 && institution.equals(g.key().get("institution")))
                .count();
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
