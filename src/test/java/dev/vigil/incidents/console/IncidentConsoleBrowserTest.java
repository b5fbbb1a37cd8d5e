package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ada, in a real headless Chromium, sets Vigil up and walks an incident from opening to the
 * published notice. Screenshots of the console and public incident pages, light and dark, go to
 * target/screenshots/ for a person to look at.
 */
class IncidentConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    RunningVigil vigil;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, Staff.COMPONENTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        vigil.close();
    }

    @Test
    void adaOpensAnIncidentResolvesItAndPublishesTheNotice() throws IOException {
        browser.get(vigil.url("/sign-in"));
        type("name", "Ada Lovelace");
        type("email", "ada@example.com");
        type("password", Staff.PASSWORD);
        click("Create administrator");
        wait.until(ExpectedConditions.urlContains("/console"));

        browser.findElement(By.linkText("Incidents")).click();
        browser.findElement(By.linkText("Record a past incident")).click();
        type("name", "Backfilled the wrong way round");
        setValue(browser.findElement(By.id("started_at")), "2025-01-15T09:30");
        setValue(browser.findElement(By.id("resolved_at")), "2025-01-15T08:00");
        type("body", "Dates in the wrong order.");
        click("Record incident");
        assertThat(browser.findElement(By.id("resolved_at")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("console-backfill-error");
        // The refused form is answered with 400 on purpose, which Chromium logs; reading the log empties it.
        browser.manage().logs().get(LogType.BROWSER);

        browser.findElement(By.linkText("Incidents")).click();
        browser.findElement(By.linkText("Open an incident")).click();
        type("name", "Checkout is failing");
        new Select(browser.findElement(By.id("impact"))).selectByValue("major");
        browser.findElement(By.cssSelector("input[name='component.api'][value='partial_outage']")).click();
        type("body", "Some **payments** fail. We are investigating.");
        waitForLivePreview("payments");
        screenshot("console-new-with-live-preview");
        click("Open incident");
        wait.until(ExpectedConditions.urlMatches("/console/incidents/\\d+$"));
        String incidentUrl = browser.getCurrentUrl();

        new Select(browser.findElement(By.id("status"))).selectByValue("identified");
        type("body", "A faulty release of the payment service.");
        click("Preview");
        assertThat(browser.findElement(By.id("body-preview")).getText()).contains("A faulty release");
        assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("A faulty release of the payment service.");
        click("Post update");

        new Select(browser.findElement(By.id("status"))).selectByValue("resolved");
        browser.findElement(By.cssSelector("input[name='component.api'][value='operational']")).click();
        type("body", "The release was rolled back and payments work again.");
        click("Post update");
        assertThat(browser.findElement(By.cssSelector(".incident-meta .pill")).getText()).isEqualTo("Resolved");

        browser.findElement(By.linkText("Open the notice")).click();
        click("Draft notice");
        screenshot("console-notice");
        WebElement draft = browser.findElement(By.id("draft"));
        assertThat(draft.getAttribute("value")).contains("### What happened").contains("**Duration:**");
        // Every part only a person can write is written: publishing is refused while a prompt is left.
        String edited = draft.getAttribute("value")
                .replaceFirst("\\[Write: in two[^\\]]*\\]",
                        "For 20 minutes, one payment in five failed after a faulty release.")
                .replaceFirst("\\[Write: who was[^\\]]*\\]", "Card payments at checkout; no data was lost.")
                .replaceFirst("\\[Write: the cause[^\\]]*\\]", "A release went out without its configuration.")
                .replaceFirst("\\[Write: the concrete[^\\]]*\\]", "Releases check their settings first.")
                .replaceFirst("\\[Write: say sorry[^\\]]*\\]", "We are sorry: some of you could not pay.");
        assertThat(edited).doesNotContain("[Write:");
        setValue(draft, edited);
        click("Save draft");
        click("Publish the saved draft");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Published");

        browser.get(vigil.url("/console/incidents"));
        screenshot("console-list");
        browser.get(incidentUrl);
        screenshot("console-incident");
        browser.get(vigil.url("/incidents/" + incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1)));
        assertThat(browser.findElement(By.id("notice-heading")).getText()).isEqualTo("Incident report");
        assertThat(browser.findElement(By.cssSelector(".notice-body")).getText())
                .contains("one payment in five failed");
        screenshot("public-incident");

        darkMode();
        browser.get(incidentUrl);
        screenshot("console-incident-dark");
        browser.get(vigil.url("/incidents/" + incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1)));
        screenshot("public-incident-dark");

        // Chromium asks every site for /favicon.ico; the shared layout has no icon yet, which is not this page's error.
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    /** The progressive-enhancement script renders the text while it is typed. */
    private void waitForLivePreview(String strongText) {
        wait.until(driver -> {
            List<WebElement> strong = driver.findElements(By.cssSelector("#body-preview strong"));
            return !strong.isEmpty() && strong.get(0).isDisplayed() && strong.get(0).getText().equals(strongText);
        });
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a long text at once (typing thousands of characters is slow) and tells the page it changed. */
    private void setValue(WebElement field, String text) {
        browser.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, text);
    }

    private void click(String buttonText) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space(.)='" + buttonText + "']"));
        String before = browser.getCurrentUrl() + browser.getPageSource().hashCode();
        button.click();
        wait.until(driver -> !(driver.getCurrentUrl() + driver.getPageSource().hashCode()).equals(before));
    }

    private void darkMode() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    }

    /** The whole page: the window is made as tall as the document first. */
    private void screenshot(String name) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 140)));
        Files.createDirectories(SCREENSHOTS);
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
