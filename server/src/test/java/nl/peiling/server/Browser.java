package nl.peiling.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (package {@code chromium-driver}), both
 * named explicitly so that Selenium Manager never downloads anything; with axe-core (the npm package, from
 * its webjar) injected to check a page, the 360 px overflow check, and screenshots kept in {@code
 * target/screenshots/}. Under {@code CI=true} (as {@code .ci/run} sets, which installs both) a missing
 * browser fails; elsewhere the tests skip.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Skips (or under CI=true fails) when chromium or chromedriver is missing. */
    static void requireInstalled() {
        boolean found = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assertThat(found || !"true".equals(System.getenv("CI")))
                .as("no %s or %s, and CI=true: .ci/run installs chromium and chromium-driver", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        assumeTrue(found, "no " + CHROMIUM + " or " + CHROMEDRIVER);
    }

    /** A headless browser, with JavaScript on or off. */
    static Browser start(boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver);
    }

    /** Sets the window's width (and a phone's or a laptop's height). */
    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, width < 600 ? 780 : 900));
    }

    /** The serious and critical violations axe-core finds on the current page, as "rule: targets" lines. */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource());
        }
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) {"
                + "    return v.impact === 'serious' || v.impact === 'critical'; })"
                + "  .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) {"
                + "    return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }

    /** Whether the page is wider than the window (horizontal scrolling). */
    boolean overflows() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    /** Fails on an axe violation or (at 360 px) horizontal overflow, and keeps a screenshot. */
    void check(String name, int width) {
        screenshot(name + "-" + width);
        assertThat(axeViolations()).as("axe-core on %s at %d px", name, width).isEmpty();
        assertThat(overflows())
                .as("horizontal scrolling on %s at %d px", name, width)
                .isFalse();
    }

    /** Saves the visible window as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path kept = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), kept, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as(AXE + " on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
