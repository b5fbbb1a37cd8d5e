package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.accounts.PasswordHasher;
import dev.vigil.accounts.UserStore;
import dev.vigil.console.Role;
import dev.vigil.testing.Browser;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Grace, an editor, schedules a window through the console form in a real headless Chromium and
 * watches it go from scheduled to in progress to completed, in the console and on the public page.
 * Vigil runs on a movable clock and the real maintenance job (every {@link MaintenanceService#JOB_INTERVAL}),
 * so the test moves time to the window's start and past its end instead of waiting for them.
 */
class MaintenanceBrowserTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** Two runs of the job, and the page's reload. */
    private static final Duration PATIENCE = MaintenanceService.JOB_INTERVAL.multipliedBy(2).plusSeconds(3);
    private static final String NAME = "Database upgrade";

    @TempDir
    Path dataDir;
    final MovableClock clock = new MovableClock();
    RunningVigil vigil;
    Browser browser;
    ChromeDriver driver;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application}
                  - {id: api, name: API}
                """, Map.of(), clock);
        new WebClient(vigil.url("")).submit("/setup", "/setup", Map.of("name", "Ada Lovelace",
                "email", "ada@example.com", "password", PASSWORD));
        String hash = new PasswordHasher().hash(PASSWORD);
        vigil.vigil().database().write(handle -> new UserStore().create(handle, "grace@example.com", "Grace Hopper",
                Role.EDITOR, hash, Instant.now()));
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        try (RunningVigil v = vigil; Browser b = browser) {
            // closes both even when closing one fails
        }
    }

    @Test
    void graceSchedulesAWindowAndWatchesItStartAndComplete() {
        signInAsGrace();
        // The form takes minutes: the window starts at the next whole minute but one, so it is in the future.
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        Instant end = start.plus(WINDOW);

        browser.open(vigil.url("/console/maintenance/new"));
        driver.findElement(By.id("name")).sendKeys(NAME);
        driver.findElement(By.id("description")).sendKeys("We move the database to a bigger machine.");
        driver.findElement(By.cssSelector("input[name=components][value=api]")).click();
        // A date-time field's keys follow the browser's locale, so its value is set as a script would set it.
        setValue("start", LOCAL_INPUT.format(start.atZone(SITE_ZONE)));
        setValue("end", LOCAL_INPUT.format(end.atZone(SITE_ZONE)));
        driver.findElement(By.xpath("//button[normalize-space()='Schedule']")).click();
        // The click returns when the form is sent, not always when the next page has landed.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/new"));

        assertThat(driver.getCurrentUrl()).endsWith("/console/maintenance");
        assertThat(consoleStatus()).isEqualTo("Scheduled");
        awaitPublicPage("the window scheduled", () -> publicSection().equals("Scheduled maintenance"));
        assertThat(apiStatus()).isEqualTo("Operational");

        clock.advance(Duration.between(clock.instant(), start).plusSeconds(1));
        awaitConsoleStatus("In progress");
        awaitPublicPage("the window in progress", () -> publicSection().equals("Maintenance in progress"));
        assertThat(driver.findElement(By.cssSelector(".incident--maintenance .pill")).getText()).isEqualTo("In progress");
        assertThat(apiStatus()).isEqualTo("Under maintenance");

        clock.advance(Duration.between(clock.instant(), end).plusSeconds(1));
        awaitConsoleStatus("Completed");
        awaitPublicPage("the window gone", () -> driver.findElements(By.cssSelector(".incident--maintenance")).isEmpty());
        assertThat(apiStatus()).isEqualTo("Operational");
        assertThat(vigil.get("/api/v2/scheduled-maintenances.json").body())
                .contains("\"status\":\"completed\"").contains(NAME);
    }

    private void signInAsGrace() {
        browser.signIn(vigil.url("/sign-in"), "grace@example.com", PASSWORD);
        assertThat(driver.getCurrentUrl()).contains("/console");
    }

    private void setValue(String id, String value) {
        driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    /** The status cell of the window's row in the console list. */
    private String consoleStatus() {
        List<WebElement> cells = driver.findElements(By.xpath("//tr[td[1][normalize-space()='" + NAME + "']]/td[2]"));
        assertThat(cells).as("the window's row").isNotEmpty();
        return cells.get(0).getText();
    }

    /** Reloads the console list until the window shows the status; the job moves it within its interval. */
    private void awaitConsoleStatus(String status) {
        RunningVigil.await(PATIENCE, "the window " + status.toLowerCase(java.util.Locale.ROOT) + " in the console", () -> {
            browser.open(vigil.url("/console/maintenance"));
            return consoleStatus().equals(status);
        });
    }

    /** Reloads the public page until the condition holds: the page is rebuilt in the background after a change. */
    private void awaitPublicPage(String what, java.util.function.BooleanSupplier condition) {
        RunningVigil.await(PATIENCE, what + " on the public page", () -> {
            browser.open(vigil.url("/"));
            return condition.getAsBoolean();
        });
    }

    /** The heading of the public page's section that holds the window; empty when none does. */
    private String publicSection() {
        return driver.findElements(By.xpath("//article[contains(@class,'incident--maintenance')]/ancestor::section/h2"))
                .stream().map(WebElement::getText).findFirst().orElse("");
    }

    private String apiStatus() {
        return driver.findElement(By.cssSelector("#component-api .component-head .status")).getText();
    }
}
