package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.peiling.server.internal.Invitation;
import nl.peiling.server.internal.PageKeys;
import nl.peiling.stats.sampling.Barometer;
import nl.peiling.stats.sampling.BarometerRow;
import nl.peiling.stats.sampling.CountedResponses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The respondent and coordinator pages in a real browser (Debian's headless Chromium): the student's whole
 * flow in nl and en at 360 and 1200 px, with and without JavaScript, a test link, the notice, and the
 * coordinator page against the barometer of the exported responses. Every page kind passes axe-core at
 * both widths without horizontal scrolling at 360 px; screenshots are kept in {@code target/screenshots/}.
 */
class PagesBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<script>window.pwned=1</script><b>vet</b> & \"quotes\"";

    static PeilingServer server;
    static ApiClient api;
    static PageKeys keys;
    static Browser browser;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        Browser.requireInstalled();
        server = PeilingServer.start(Fixtures.config());
        api = new ApiClient(server.port(), Fixtures.API_KEY);
        keys = new PageKeys(Fixtures.SEED);
        browser = Browser.start(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void student_inDutch_onAPhone() throws Exception {
        studentFlow(browser, "nl", 360, true, "nl-360");
    }

    @Test
    void student_inEnglish_onALaptop() throws Exception {
        studentFlow(browser, "en", 1200, true, "en-1200");
    }

    @Test
    void student_withoutJavaScript() throws Exception {
        try (Browser plain = Browser.start(false)) {
            studentFlow(plain, "nl", 360, false, "nojs-360");
        }
    }

    /**
     * A scanner opens the link first; the student opens it, chooses an institution by its short name,
     * answers, sees a routed question appear and disappear, leaves, resumes on the same page with the
     * answers kept, writes a hostile text, and finishes.
     */
    private void studentFlow(Browser b, String language, int width, boolean javascript, String name) throws Exception {
        String respondent = "pseudo-" + name;
        Invitation invitation = new Invitation(
                respondent,
                language,
                false,
                List.of(
                        new Invitation.Enrolment("25LZ", "01", 4, "BOL"),
                        new Invitation.Enrolment("30AB", "01", 3, "BBL")));
        String link = address(invitation.path(keys));

        // The school's scanner: a GET, twice, starts nothing.
        for (int i = 0; i < 2; i++) {
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(sessionsOf(respondent)).isZero();

        b.width(width);
        b.driver.get(link);
        assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo(language);
        assertThat(b.driver.findElement(By.id("privacy")).isDisplayed()).isTrue();
        checkBoth(b, "start-" + name, width, javascript);
        // Enrolled at two institutions: chosen by short name.
        b.driver.findElement(By.cssSelector("label[for='e1']")).click();
        press(b, By.cssSelector("button.primary"));
        assertThat(b.driver.getCurrentUrl()).matches(".*/s/[A-Za-z0-9_-]{43}/\\d+");
        String token = b.driver.getCurrentUrl().replaceAll(".*/s/([A-Za-z0-9_-]{43})/.*", "$1");
        assertThat(api.get("/api/v1/sessions/" + token).json().path("language").asText())
                .isEqualTo(language);
        assertThat(sessionsOf(respondent)).isEqualTo(1);
        checkBoth(b, "page-" + name, width, javascript);

        b.driver.findElement(By.cssSelector("label[for='in-opl01-3']")).click();
        nextUntil(b, () -> present(b, "q-bpv00"));
        // bpv00 = ja shows the internship questions, nee hides them.
        choose(b, "bpv00", "ja", javascript);
        assertThat(b.driver.findElement(By.id("q-bpv01")).isDisplayed()).isTrue();
        b.screenshot("routed-" + name + "-" + width);
        choose(b, "bpv00", "nee", javascript);
        if (!javascript) {
            submit(b, "prev");
        }
        assertThat(b.driver.findElement(By.id("q-bpv01")).isDisplayed()).isFalse();
        choose(b, "bpv00", "ja", javascript);
        assertThat(b.driver.findElement(By.id("q-bpv01")).isDisplayed()).isTrue();
        b.driver.findElement(By.cssSelector("label[for='in-bpv01-3']")).click();
        checkBoth(b, "routing-" + name, width, javascript);

        // Leaves, and opens the link again: the same session, on the same page, answers kept.
        if (!javascript) {
            submit(b, "next");
        } else {
            waitFor(b, () -> "4".equals(answer(token, "bpv01")));
        }
        b.driver.get("about:blank");
        b.driver.get(link);
        b.driver.findElement(By.cssSelector("label[for='e1']")).click();
        press(b, By.cssSelector("button.primary"));
        assertThat(b.driver.getCurrentUrl()).contains("/s/" + token + "/");
        if (javascript) {
            assertThat(present(b, "q-bpv00")).isTrue();
            assertThat(b.driver
                            .findElement(By.cssSelector("#q-bpv00 input[value='ja']"))
                            .isSelected())
                    .isTrue();
        }
        assertThat(answer(token, "bpv00")).isEqualTo("ja");
        assertThat(answer(token, "opl01")).isEqualTo("4");
        assertThat(sessionsOf(respondent)).isEqualTo(1);

        nextUntil(b, () -> present(b, "q-alg02"));
        b.driver.findElement(By.id("in-alg02")).sendKeys(HOSTILE);
        // Stored, and shown back as the text it is: no element made of it, no script run.
        submit(b, "prev");
        nextUntil(b, () -> present(b, "q-alg02"));
        assertThat(b.driver.findElement(By.id("in-alg02")).getAttribute("value"))
                .isEqualTo(HOSTILE);
        assertThat(b.driver.findElements(By.cssSelector("main b, main script"))).isEmpty();
        if (javascript) {
            assertThat(b.driver.executeScript("return window.pwned === undefined"))
                    .isEqualTo(true);
        }
        b.driver.findElement(By.cssSelector("label[for='in-alg01-6']")).click();

        // A refused answer (a comma in a number) comes back with its message, tied to its field.
        nextUntil(b, () -> present(b, "q-st08"));
        WebElement number = b.driver.findElement(By.id("in-st08"));
        number.sendKeys("12,5");
        submit(b, "next");
        assertThat(b.driver.findElement(By.id("err-st08")).isDisplayed()).isTrue();
        assertThat(b.driver.findElement(By.id("err-st08")).getText()).isNotBlank();
        assertThat(b.driver.findElement(By.id("in-st08")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(b.driver.findElement(By.id("in-st08")).getAttribute("aria-describedby"))
                .contains("err-st08");
        assertThat(b.driver.findElement(By.id("in-st08")).getAttribute("value")).isEqualTo("12,5");
        assertThat(b.driver.findElements(By.cssSelector(".error-summary a[href='#q-st08']")))
                .hasSize(1);
        checkBoth(b, "error-" + name, width, javascript);
        b.driver.findElement(By.id("in-st08")).clear();
        b.driver.findElement(By.id("in-st08")).sendKeys("12.5");
        submit(b, "next");
        assertThat(answer(token, "st08")).isEqualTo("12.5");
        nextUntil(
                b,
                () -> !b.driver
                        .findElements(By.cssSelector("button[value='finish']"))
                        .isEmpty());
        submit(b, "finish");
        assertThat(b.driver.getCurrentUrl()).endsWith("/done");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        checkBoth(b, "done-" + name, width, javascript);
        JsonNode state = api.get("/api/v1/sessions/" + token).json();
        assertThat(state.path("finished").asBoolean()).isTrue();
        assertThat(answer(token, "alg02")).isEqualTo(HOSTILE);
        assertThat(answer(token, "bpv01")).isEqualTo("4");
        assertThat(answer(token, "alg01")).isEqualTo("7");
    }

    @Test
    void testLink_marksEveryPage_andNeverCounts() throws Exception {
        String coordinator = address("/c/30AB/" + keys.coordinatorKey("30AB"));
        browser.width(360);
        browser.driver.get(coordinator);
        String link = browser.driver.findElement(By.cssSelector("a.test-link")).getAttribute("href");
        assertThat(link).isEqualTo(address(Invitation.test("30AB", "01").path(keys)));
        browser.driver.get(link);
        assertTestMark();
        press(browser, By.cssSelector("button.primary"));
        String token = browser.driver.getCurrentUrl().replaceAll(".*/s/([A-Za-z0-9_-]{43})/.*", "$1");
        assertTestMark();
        browser.check("test-page", 360);
        browser.driver.findElement(By.cssSelector("label[for='in-opl01-0']")).click();
        nextUntil(
                browser,
                () -> !browser.driver
                        .findElements(By.cssSelector("button[value='finish']"))
                        .isEmpty());
        assertTestMark();
        submit(browser, "finish");
        assertTestMark();
        assertThat(api.get("/api/v1/sessions/" + token).json().path("test").asBoolean())
                .isTrue();
        assertThat(api.get("/api/v1/sessions/" + token).json().path("finished").asBoolean())
                .isTrue();
        // Never in the export: no row of the 30AB test respondent.
        String export = api.get("/api/v1/responses.csv").body();
        assertThat(export).doesNotContain("test-");
        // A second start from the same link is another trial session.
        browser.driver.get(link);
        press(browser, By.cssSelector("button.primary"));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(token);
    }

    private static void assertTestMark() {
        assertThat(browser.driver.findElement(By.cssSelector(".test-mark")).isDisplayed())
                .isTrue();
    }

    @Test
    void notice_showsOnEveryPage_escaped() throws Exception {
        String text = "Storing bekend <b>we zijn ermee bezig</b>";
        assertThat(api.send("PUT", "/api/v1/notice", "{\"text\": " + JSON.writeValueAsString(text) + "}", true)
                        .status())
                .isEqualTo(200);
        try {
            Invitation invitation = new Invitation(
                    "pseudo-notice", "nl", false, List.of(new Invitation.Enrolment("25LZ", "02", 2, "BBL")));
            browser.width(360);
            // Each process reads the notice at most every 3 seconds.
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> {
                d.get(address(invitation.path(keys)));
                return !d.findElements(By.cssSelector(".notice")).isEmpty();
            });
            assertNotice(text);
            browser.check("notice-start", 360);
            press(browser, By.cssSelector("button.primary"));
            assertNotice(text);
            submit(browser, "next");
            assertNotice(text);
            browser.driver.get(address("/c/25LZ/" + keys.coordinatorKey("25LZ")));
            assertNotice(text);
        } finally {
            api.send("DELETE", "/api/v1/notice", null, true);
        }
    }

    private static void assertNotice(String text) {
        WebElement notice = browser.driver.findElement(By.cssSelector(".notice"));
        assertThat(notice.getText()).contains(text);
        assertThat(notice.findElements(By.tagName("b"))).isEmpty();
    }

    @Test
    void coordinatorPage_equalsTheBarometerOfTheExport_andItsQrCodesDecodeToTheLinks() throws Exception {
        // Some finished real sessions and a finished test session, through the API.
        for (int i = 0; i < 7; i++) {
            String location = i < 4 ? "01" : "02";
            JsonNode login = api.post("/api/v1/sessions", ApiClient.login("pseudo-coord-" + i, "25LZ", location))
                    .json();
            String token = login.path("session").asText();
            api.answer(token, "opl01", "3");
            if (i != 6) {
                api.finish(token);
            }
        }
        var test = ApiClient.login("pseudo-coord-test", "25LZ", "01");
        test.put("test", true);
        api.finish(api.post("/api/v1/sessions", test).json().path("session").asText());

        String page = address("/c/25LZ/" + keys.coordinatorKey("25LZ"));
        browser.width(1200);
        browser.driver.get(page);
        browser.check("coordinator", 1200);
        browser.width(360);
        browser.check("coordinator", 360);

        Path export = dir.resolve("responses.csv");
        Files.writeString(export, api.get("/api/v1/responses.csv").body());
        Barometer expected = Barometer.of(
                Fixtures.POPULATION,
                CountedResponses.read(export, Fixtures.POPULATION, Fixtures.EDITION)
                        .counts());
        Map<String, List<String>> shown = new HashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#barometer-table tbody tr"))) {
            List<String> cells = row.findElements(By.tagName("td")).stream()
                    .map(WebElement::getText)
                    .toList();
            shown.put(row.getAttribute("data-location"), cells);
        }
        int compared = 0;
        for (BarometerRow row : expected.rows()) {
            if (!row.institution().equals("25LZ")) {
                continue;
            }
            List<String> cells = shown.get(row.location() == null ? "" : row.location());
            assertThat(cells).as("row %s", row).isNotNull();
            assertThat(cells.get(0)).isEqualTo(Long.toString(row.population()));
            assertThat(cells.get(1)).isEqualTo(Long.toString(row.responses()));
            assertThat(cells.get(2)).isEqualTo(Long.toString(row.net()));
            assertThat(cells.get(3)).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", row.percentOfNet()));
            compared++;
        }
        assertThat(compared).isEqualTo(3);
        assertThat(shown.get("01").get(1))
                .isEqualTo(Long.toString(expected.rows().stream()
                        .filter(r -> "25LZ".equals(r.institution()) && "01".equals(r.location()))
                        .findFirst()
                        .orElseThrow()
                        .responses()));

        // The CSV download holds the same rows.
        String csv = HTTP.send(
                        HttpRequest.newBuilder(URI.create(page + "/barometer.csv"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("institution,location,population,responses,net,gross,percentOfNet,reached");
        assertThat(csv.lines().count()).isEqualTo(4);

        // Each QR code decodes to the link printed beside it.
        List<WebElement> figures = browser.driver.findElements(By.cssSelector("figure[data-link]"));
        assertThat(figures).hasSize(3);
        for (WebElement figure : figures) {
            String link = figure.getAttribute("data-link");
            String src = figure.findElement(By.tagName("img")).getAttribute("src");
            String svg = HTTP.send(
                            HttpRequest.newBuilder(URI.create(src)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(decode(svg)).isEqualTo(link);
            assertThat(link).startsWith(address("/?institution=25LZ"));
        }
        // A wrong key shows nothing.
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(address("/c/25LZ/" + keys.coordinatorKey("30AB"))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    /** Draws the SVG's modules (one "Mx,yh1v1h-1z" per dark module) and decodes the QR code with ZXing. */
    private static String decode(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int scale = 6;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            int mx = Integer.parseInt(module.group(1));
            int my = Integer.parseInt(module.group(2));
            for (int y = my * scale; y < (my + 1) * scale; y++) {
                for (int x = mx * scale; x < (mx + 1) * scale; x++) {
                    pixels[y * size * scale + x] = 0xFF000000;
                }
            }
        }
        var source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, true))
                .getText();
    }

    private static void choose(Browser b, String question, String value, boolean javascript) {
        b.driver
                .findElement(By.cssSelector("#q-" + question + " input[value='" + value + "']"))
                .findElement(By.xpath(".."))
                .click();
        if (javascript) {
            String other = "bpv01";
            boolean shown = value.equals("ja");
            new WebDriverWait(b.driver, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("q-" + other)).isDisplayed() == shown);
        } else {
            submit(b, "next");
        }
    }

    private void checkBoth(Browser b, String name, int width, boolean javascript) {
        if (!javascript) {
            // No script runs in this browser, axe-core's neither: the same pages are checked with it on.
            b.screenshot(name + "-" + width);
            return;
        }
        b.width(360);
        b.check(name, 360);
        b.width(1200);
        b.check(name, 1200);
        b.width(width);
    }

    private static void nextUntil(Browser b, Supplier<Boolean> arrived) {
        for (int i = 0; i < 40 && !arrived.get(); i++) {
            submit(b, "next");
        }
        assertThat(arrived.get()).as("reached the page").isTrue();
    }

    /** Presses a navigation button and waits for the next page. */
    private static void submit(Browser b, String go) {
        press(b, By.cssSelector("button[value='" + go + "']"));
    }

    /** Presses a button and waits for the page it leads to. */
    private static void press(Browser b, By by) {
        WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(10));
        wait.ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(b.driver.executeScript("return document.readyState")));
        WebElement button = b.driver.findElement(by);
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private static boolean present(Browser b, String id) {
        return !b.driver.findElements(By.id(id)).isEmpty();
    }

    private static void waitFor(Browser b, Supplier<Boolean> condition) {
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> condition.get());
    }

    private static String answer(String token, String question) {
        for (JsonNode q : api.get("/api/v1/sessions/" + token).json().path("questions")) {
            if (q.path("id").asText().equals(question)) {
                return q.path("answer").isNull() ? null : q.path("answer").asText();
            }
        }
        throw new AssertionError("no question " + question);
    }

    private static int sessionsOf(String respondent) throws Exception {
        try (var connection = server.service().database().connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from sessions where respondent = '" + respondent + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String address(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }
}
