package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.ComponentStatus;
import dev.vigil.testing.Browser;
import dev.vigil.testing.KeyboardWalk;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public page as a reader's browser shows it: a real Vigil with three months of demo history
 * and one live probe, seen through headless Chromium. One browser and one Vigil serve the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageBrowserTest {
    private static final String SITE_NAME = "Browser Test Status";
    private static final int COMPONENTS = 4;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String SEEDED_INCIDENT = "Search upgrade took the app offline";
    private static final int PHONE_WIDTH = 390;
    private static final int SMALL_PHONE_WIDTH = 320;
    private static final List<String> STATUS_LABELS =
            Arrays.stream(ComponentStatus.values()).map(ComponentStatus::label).toList();
    /** A tooltip names the day and gives its uptime, or says there was no data. */
    private static final String DAY_FIGURES = "\\w{3}, \\w{3} \\d{1,2}, \\d{4}: (\\d{1,3}\\.\\d{2}% uptime.*|no data)";

    TargetServer target;
    RunningVigil vigil;
    Browser browser;
    ChromeDriver driver;

    @BeforeAll
    void startVigilAndBrowser(@TempDir Path dataDir) {
        target = TargetServer.start();
        vigil = RunningVigil.start(dataDir, """
                site:
                  name: %s
                  url: http://status.test
                  time_zone: America/Los_Angeles
                demo:
                  enabled: true
                components:
                  - id: web
                    name: Web application
                    group: Tracker
                    description: The app our customers use
                  - id: api
                    name: API
                    group: Tracker
                  - id: search
                    name: Search
                    group: Tracker
                    description: Full-text search across projects and issues
                  - id: status
                    name: Status page
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 1s
                    timeout: 1s
                """.formatted(SITE_NAME, target.url()));
        RunningVigil.await(Duration.ofSeconds(10), "the live probe's first check", () -> vigil.vigil().database().read(
                h -> h.createQuery("SELECT COUNT(*) FROM check_results").mapTo(Integer.class).one()) > 0);
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    void stopBrowserAndVigil() {
        try (TargetServer t = target; RunningVigil v = vigil; Browser b = browser) {
            // try-with-resources closes each one even when closing another fails
        }
    }

    @BeforeEach
    void plainDesktopWindow() {
        browser.resetEmulation();
    }

    @Test
    void thePublicPageShowsTheSiteTheBannerAndEveryComponentsStatusWithoutConsoleErrors() {
        browser.consoleEntries();
        browser.open(vigil.url("/"));

        assertThat(driver.getTitle()).isEqualTo(SITE_NAME);
        WebElement banner = driver.findElement(By.cssSelector(".banner h1"));
        assertThat(banner.getText()).isEqualTo("All Systems Operational");
        List<WebElement> components = driver.findElements(By.cssSelector(".component"));
        assertThat(components).extracting(c -> c.findElement(By.cssSelector(".component-name")).getText())
                .containsExactly("Web application", "API", "Search", "Status page");
        for (WebElement component : components) {
            assertThat(component.findElement(By.cssSelector(".component-head .status")).getText())
                    .isIn(STATUS_LABELS);
        }
        assertThat(vigil.get("/static/vigil.css")).satisfies(css -> {
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        });
        // Without a declared icon the browser asks for /favicon.ico and logs the 404 as an error, but only
        // on its first page, so the console below cannot be relied on to catch it.
        String icon = driver.findElement(By.cssSelector("link[rel=icon]")).getDomProperty("href");
        assertThat(vigil.get(URI.create(icon).getPath()).statusCode()).as("the page's icon loads").isEqualTo(200);
        assertThat(banner.findElement(By.xpath("..")).getCssValue("background-color"))
                .as("the stylesheet is applied").isNotEqualTo("rgba(0, 0, 0, 0)");
        assertThat(browser.consoleEntries()).filteredOn(entry -> entry.getLevel().equals(Level.SEVERE))
                .extracting(LogEntry::getMessage).isEmpty();
    }

    @Test
    void theKeyboardReachesEveryDayOfEveryUptimeBarInOrderAndEachDayShowsItsFigures() {
        browser.open(vigil.url("/"));
        int days = driver.findElements(By.cssSelector("li.day")).size();
        assertThat(days).isEqualTo(COMPONENTS * StatusPublisher.HISTORY_DAYS);
        assertThat(driver.findElements(By.cssSelector("li.day .tip")))
                .as("no tooltip shows before a day has focus")
                .allSatisfy(tip -> assertThat(tip.getRect().getWidth()).isLessThanOrEqualTo(1));

        List<KeyboardWalk.Stop> stops = new KeyboardWalk(driver).tabThrough("li.day", ".tip", days + 50);

        List<KeyboardWalk.Stop> dayStops = stops.stream().filter(stop -> stop.watched() >= 0).toList();
        assertThat(dayStops).extracting(KeyboardWalk.Stop::watched)
                .containsExactlyElementsOf(IntStream.range(0, days).boxed().toList());
        assertThat(stops.get(stops.size() - 1).tag()).as("focus went on past the bars to the end of the page").isEqualTo("a");
        for (KeyboardWalk.Stop day : dayStops) {
            KeyboardWalk.Popup tip = day.popup();
            assertThat(tip.visible()).as("tooltip of day %d shows", day.watched()).isTrue();
            assertThat(tip.width()).as("tooltip of day %d is wider than the 1px hidden box", day.watched()).isGreaterThan(20);
            assertThat(tip.height()).as("tooltip of day %d is taller than the 1px hidden box", day.watched()).isGreaterThan(10);
            assertThat(tip.left()).as("tooltip of day %d starts on screen", day.watched()).isGreaterThanOrEqualTo(0);
            assertThat(tip.right()).as("tooltip of day %d ends on screen", day.watched()).isLessThanOrEqualTo(tip.viewportWidth());
            assertThat(tip.text()).matches(DAY_FIGURES);
        }
    }

    @Test
    void withoutJavaScriptThePageStillShowsTheComponentsAndTheIncidents() {
        try (Browser noScript = Browser.startWithoutJavaScript()) {
            ChromeDriver plain = noScript.driver();
            plain.get("data:text/html,<title>script off</title><script>document.title = 'script on'</script>");
            assertThat(plain.getTitle()).as("the browser really runs no page script").isEqualTo("script off");

            plain.get(vigil.url("/"));

            assertThat(plain.findElement(By.cssSelector(".banner h1")).getText()).isEqualTo("All Systems Operational");
            assertThat(plain.findElements(By.cssSelector(".component"))).hasSize(COMPONENTS).allSatisfy(component ->
                    assertThat(component.findElement(By.cssSelector(".status")).getText()).isIn(STATUS_LABELS));
            assertThat(plain.findElements(By.cssSelector("li.day"))).hasSize(COMPONENTS * StatusPublisher.HISTORY_DAYS);
            WebElement incident = plain.findElement(By.cssSelector("section[aria-labelledby=history-heading] .incident"));
            assertThat(incident.findElement(By.cssSelector("h3")).getText()).isEqualTo(SEEDED_INCIDENT);
            assertThat(incident.findElements(By.cssSelector("li.update"))).hasSize(4);
        }
    }

    @Test
    void screenshotsInLightDarkAndPhoneLayoutsAreSavedAndDarkModeReallyDarkensThePage() {
        browser.open(vigil.url("/"));

        browser.prefersColorScheme("light");
        String lightBackground = bodyBackground();
        browser.saveFullPage(SCREENSHOTS.resolve("status-light.png"), Browser.DESKTOP_WIDTH, false);
        browser.prefersColorScheme("dark");
        String darkBackground = bodyBackground();
        browser.saveFullPage(SCREENSHOTS.resolve("status-dark.png"), Browser.DESKTOP_WIDTH, false);
        browser.prefersColorScheme("light");
        browser.saveFullPage(SCREENSHOTS.resolve("status-phone.png"), PHONE_WIDTH, true);
        driver.executeScript("arguments[0].focus();", driver.findElements(By.cssSelector("li.day")).get(15));
        browser.saveFullPage(SCREENSHOTS.resolve("status-phone-tooltip.png"), PHONE_WIDTH, true);

        assertThat(darkBackground).isNotEqualTo(lightBackground);
        assertThat(SCREENSHOTS.resolve("status-light.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("status-dark.png")).isNotEmptyFile();
        assertThat(SCREENSHOTS.resolve("status-phone.png")).isNotEmptyFile();
    }

    @Test
    void onAPhoneTheBarsFitAndEveryDaysTooltipStaysOnScreen() {
        browser.open(vigil.url("/"));
        for (int width : new int[] {PHONE_WIDTH, SMALL_PHONE_WIDTH}) {
            browser.emulateScreen(width, 800, true);
            @SuppressWarnings("unchecked")
            Map<String, Object> layout = (Map<String, Object>) driver.executeScript("""
                    const page = document.documentElement;
                    const bar = document.querySelector('.bar');
                    const offScreen = [];
                    document.querySelectorAll('li.day').forEach((day, index) => {
                      day.focus();
                      const tip = day.querySelector('.tip').getBoundingClientRect();
                      if (tip.left < 0 || tip.right > page.clientWidth) offScreen.push(index);
                    });
                    document.activeElement.blur();
                    return {pageOverflow: page.scrollWidth - page.clientWidth,
                            barOverflow: bar.scrollWidth - bar.clientWidth, offScreen};""");
            assertThat(layout.get("pageOverflow")).as("page wider than a %dpx screen", width).isEqualTo(0L);
            assertThat(layout.get("barOverflow")).as("days spill out of the bar on a %dpx screen", width).isEqualTo(0L);
            assertThat((List<?>) layout.get("offScreen")).as("days whose tooltip leaves a %dpx screen", width).isEmpty();
        }
    }

    @Test
    void anIncidentPageShowsTheIncidentWithAllItsUpdates() {
        browser.open(vigil.url("/"));
        WebElement link = driver.findElement(By.cssSelector("section[aria-labelledby=history-heading] .incident h3 a"));
        String path = URI.create(link.getDomProperty("href")).getPath();
        assertThat(path).matches("/incidents/\\d+");

        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlContains(path));

        assertThat(driver.getTitle()).isEqualTo(SEEDED_INCIDENT + " · " + SITE_NAME);
        assertThat(driver.findElement(By.cssSelector(".incident h3")).getText()).isEqualTo(SEEDED_INCIDENT);
        assertThat(driver.findElements(By.cssSelector("li.update .update-head strong"))).extracting(WebElement::getText)
                .containsExactly("Resolved", "Monitoring", "Identified", "Investigating");
        assertThat(driver.findElement(By.cssSelector("li.update .update-body")).getText()).contains("No data was lost");
        assertThat(driver.findElements(By.cssSelector("li.update .update-body ul li"))).hasSize(3);
        assertThat(driver.findElement(By.cssSelector(".legend")).getText()).contains("Search").contains("Web application");
    }

    private String bodyBackground() {
        return driver.findElement(By.tagName("body")).getCssValue("background-color");
    }
}
