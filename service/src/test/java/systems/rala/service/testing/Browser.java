package systems.rala.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the machine's chromedriver (Debian packages {@code chromium} and {@code
 * chromium-driver}), set explicitly so that Selenium Manager never runs (it would go looking on the network). A
 * fresh profile per browser, every background service that calls home switched off, downloads into a folder of
 * the test's own. {@link #require()} skips a test where no browser is installed, unless {@code
 * RALA_REQUIRE_BROWSER=true} (set by .ci/run) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMEDRIVER =
            Path.of(System.getProperty("rala.test.chromedriver", "/usr/bin/chromedriver"));
    public static final Path CHROMIUM = Path.of(System.getProperty("rala.test.chromium", "/usr/bin/chromium"));

    /** Where screenshots go: test artefacts of the service module, not committed. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final WebDriver driver;
    public final Path downloads;
    private final Path profile;
    private final ChromeDriverService service;

    /** Skips the calling test where there is no browser, or fails it where one is required (CI). */
    public static void require() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && "true".equalsIgnoreCase(System.getenv("RALA_REQUIRE_BROWSER"))) {
            throw new AssertionError("RALA_REQUIRE_BROWSER=true, but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: install the Debian packages chromium and chromium-driver");
        }
        Assumptions.assumeTrue(
                present, "no browser: install the Debian packages chromium and chromium-driver to run this test");
    }

    public Browser() {
        try {
            profile = Files.createTempDirectory("rala-chromium-profile");
            downloads = Files.createTempDirectory("rala-chromium-downloads");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1360,1000",
                "--lang=en-GB",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false,
                        "safebrowsing.enabled", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, Duration.ofSeconds(20), condition);
    }

    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> what)
                .until(condition);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Saves the visible page as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path out = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The browser console since the last call: errors and warnings the page logged, CSP refusals among them. */
    public List<String> console() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            out.add(e.getLevel() + " " + e.getMessage());
        }
        return out;
    }

    // ---- WCAG 2.1 contrast (1.4.3), from the colours the browser computed ----

    private static final Pattern RGBA =
            Pattern.compile("rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)");

    /**
     * The contrast ratio of an element's text against what is behind it: its computed {@code color} over the
     * first opaque-enough {@code background-color} of it or an ancestor (semi-transparent layers composited over
     * it), as WCAG 2.1 defines it: (L1 + 0.05) / (L2 + 0.05) with the relative luminance of sRGB colours.
     */
    @SuppressWarnings("unchecked")
    public double contrast(WebElement element) {
        List<String> layers = (List<String>) js(
                "const out = [getComputedStyle(arguments[0]).color];"
                        + "for (let e = arguments[0]; e; e = e.parentElement) {"
                        + "  out.push(getComputedStyle(e).backgroundColor); }"
                        + "out.push('rgb(255, 255, 255)'); return out;",
                element);
        double[] fg = rgba(layers.get(0));
        // composite the backgrounds from the outermost in
        double[] bg = {255, 255, 255, 1};
        for (int i = layers.size() - 1; i >= 1; i--) {
            double[] c = rgba(layers.get(i));
            for (int k = 0; k < 3; k++) {
                bg[k] = c[3] * c[k] + (1 - c[3]) * bg[k];
            }
        }
        double[] text = new double[3];
        for (int k = 0; k < 3; k++) {
            text[k] = fg[3] * fg[k] + (1 - fg[3]) * bg[k];
        }
        double l1 = luminance(text);
        double l2 = luminance(bg);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    static double[] rgba(String css) {
        Matcher m = RGBA.matcher(css);
        if (!m.find()) {
            throw new IllegalArgumentException("not an rgb() colour: " + css);
        }
        return new double[] {
            Double.parseDouble(m.group(1)),
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)),
            m.group(4) == null ? 1 : Double.parseDouble(m.group(4))
        };
    }

    /** WCAG 2.1 relative luminance of an sRGB colour with 0..255 channels. */
    public static double luminance(double[] rgb) {
        double[] lin = new double[3];
        for (int k = 0; k < 3; k++) {
            double c = rgb[k] / 255;
            lin[k] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    }

    public static String describe(WebElement e) {
        return e.getTagName().toLowerCase(Locale.ROOT) + "." + e.getAttribute("class") + " \"" + e.getText() + "\"";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
