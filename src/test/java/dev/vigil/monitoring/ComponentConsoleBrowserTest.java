package dev.vigil.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Ada, in a real browser, adds a component and a probe in the console and reloads vigil.yml;
 * screenshots land in target/screenshots/ for a person to look at.
 */
class ComponentConsoleBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SITE = "site:\n  name: Acme Status\n  url: http://status.test\n  time_zone: Europe/Paris\n";

    @TempDir
    Path dataDir;
    @TempDir
    Path profile;
    Path file;
    RunningVigil vigil;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws IOException {
        file = dataDir.resolve("vigil.yml");
        Files.writeString(file, SITE + """
                components:
                  - id: web
                    name: Web application
                    group: Tracker
                  - id: api
                    name: Public API
                probes:
                  - id: web-home
                    component: web
                    url: http://127.0.0.1:9/health
                    interval: 1h
                """);
        vigil = RunningVigil.startFromFile(file, dataDir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
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
    void adaAddsABillingProbeInTheConsoleAndReloadsVigilYml() throws IOException {
        browser.get(vigil.url("/sign-in"));
        type("name", "Ada Lovelace");
        type("email", "ada@example.com");
        type("password", Staff.PASSWORD);
        click("Create administrator");
        wait.until(ExpectedConditions.urlContains("/console"));

        browser.findElement(By.linkText("Components")).click();
        browser.findElement(By.linkText("Add a component")).click();
        type("id", "billing");
        type("name", "Billing");
        type("group", "Money");
        click("Add the component");
        browser.findElement(By.linkText("Add a probe to Billing")).click();
        type("id", "billing-health");
        type("url", "gopher://billing.test");
        type("interval", "30s");
        click("Add the probe");
        assertThat(browser.findElement(By.id("url-error")).getText()).contains("must be an http or https URL");
        screenshot("components-probe-form-error");
        type("url", "http://127.0.0.1:9/billing");
        click("Add the probe");
        assertThat(browser.getPageSource()).contains("billing-health").contains("From vigil.yml");
        screenshot("components-list");

        Files.writeString(file, SITE.replace("Acme Status", "Acme Systems") + """
                components:
                  - id: web
                    name: Web app
                    group: Tracker
                  - id: search
                    name: Search
                probes:
                  - id: web-home
                    component: web
                    url: http://127.0.0.1:9/health
                    interval: 30s
                  - id: search-health
                    component: search
                    url: http://127.0.0.1:9/search
                """);
        browser.findElement(By.linkText("Reload vigil.yml…")).click();
        assertThat(browser.getPageSource()).contains("interval: \"1h\" → \"30s\"");
        screenshot("components-reload-preview");
        click("Apply these changes");
        assertThat(browser.getPageSource()).contains("vigil.yml was reloaded").contains("Search")
                .doesNotContain("Public API").contains("billing-health");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(String buttonText) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space(.)='" + buttonText + "']"));
        String before = browser.getCurrentUrl() + browser.getPageSource().hashCode();
        button.click();
        wait.until(driver -> !(driver.getCurrentUrl() + driver.getPageSource().hashCode()).equals(before));
    }

    private void screenshot(String name) throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(6000, height.intValue() + 140)));
        Files.createDirectories(SCREENSHOTS);
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }
}
