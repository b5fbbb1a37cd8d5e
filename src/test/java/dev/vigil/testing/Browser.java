package dev.vigil.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven through Debian's chromedriver, with a throw-away profile.
 * Both paths are given explicitly so that Selenium Manager is never asked to find, and so never
 * tries to download, a browser or a driver: the machines that run the tests have no internet.
 */
public final class Browser implements AutoCloseable {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 2600;
    private static final int MEASURING_HEIGHT = 400;

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with JavaScript on, the way most readers see the page. */
    public static Browser start() {
        return start(true);
    }

    /** A browser that runs no page script at all, as with a script blocker or a text-mode reader. */
    public static Browser startWithoutJavaScript() {
        return start(false);
    }

    private static Browser start(boolean javaScript) {
        for (File needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!needed.canExecute()) {
                throw new IllegalStateException(needed + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (bash .ci/run does)");
            }
        }
        Path profile = createProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // The launcher's own check of /dev/shm can misfire; tmp space is always enough.
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, DESKTOP_HEIGHT));
            return new Browser(driver, profile);
        } catch (RuntimeException e) {
            deleteProfile(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Loads the page and waits until it has finished loading. */
    public void open(String url) {
        driver.get(url);
    }

    /**
     * Signs in through the sign-in page as a person would, and waits until its redirect has landed:
     * the click returns before the next page does, so opening another page at once could race it.
     */
    public void signIn(String signInUrl, String email, String password) {
        open(signInUrl);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> !URI.create(d.getCurrentUrl()).getPath().equals("/sign-in"));
    }

    /** Everything the page wrote to the console since the last call (reading empties the log). */
    public List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Makes the page see the reader's system set to "light" or "dark", as prefers-color-scheme does. */
    public void prefersColorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Lays the page out as on a screen of this width; mobile also honours the viewport meta tag. */
    public void emulateScreen(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Back to a plain desktop window with no emulated media, so that tests do not leak into each other. */
    public void resetEmulation() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
    }

    /**
     * Saves a PNG of the whole page at the given width: the screen is made as tall as the page,
     * since a plain screenshot only shows what fits in the window.
     */
    public Path saveFullPage(Path file, int width, boolean mobile) {
        // Measured on a short screen: the page is never shorter than the screen it is laid out on.
        emulateScreen(width, MEASURING_HEIGHT, mobile);
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight;");
        emulateScreen(width, (int) height, mobile);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile(profile);
        }
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("vigil-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteProfile(Path profile) {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless and must not hide the test's own outcome.
        }
    }
}
