package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeTransition;
import dev.vigil.probes.ProbeStatus;
import dev.vigil.testing.Browser;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The metrics page in a real browser without JavaScript, on the demo's seeded history plus some
 * probe-detected incidents and action items; saves light and dark screenshots to target/screenshots.
 */
class MetricsBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDir;
    RunningVigil vigil;

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theChartsDrawWithoutScriptAndFollowTheLightAndDarkColours() {
        vigil = RunningVigil.start(dataDir, """
                site:
                  name: Acme Status
                  url: http://status.test
                  time_zone: America/Los_Angeles
                demo:
                  enabled: true
                components:
                  - id: web
                    name: Web application
                  - id: api
                    name: API
                  - id: search
                    name: Search
                  - id: jobs
                    name: Background jobs
                probes:
                  - id: web-home
                    component: web
                    url: http://127.0.0.1:9/never-checked-in-this-test
                    interval: 24h
                """);
        seedHistory(vigil.vigil().database(), Instant.now());
        try (Browser browser = Browser.startWithoutJavaScript()) {
            ChromeDriver driver = browser.driver();
            signUpAsFirstAdmin(driver);
            driver.get(vigil.url("/console/metrics"));

            List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart[role=img]"));
            assertThat(charts).hasSize(4).allSatisfy(chart -> assertThat(chart.getSize().getHeight()).isGreaterThan(100));
            browser.prefersColorScheme("light");
            String lightBar = barFill(driver);
            browser.saveFullPage(SCREENSHOTS.resolve("metrics-light.png"), Browser.DESKTOP_WIDTH, false);
            browser.prefersColorScheme("dark");
            String darkBar = barFill(driver);
            browser.saveFullPage(SCREENSHOTS.resolve("metrics-dark.png"), Browser.DESKTOP_WIDTH, false);
            browser.prefersColorScheme("light");
            browser.saveFullPage(SCREENSHOTS.resolve("metrics-phone.png"), 390, true);

            assertThat(lightBar).isNotEqualTo(darkBar);
        }
    }

    private void signUpAsFirstAdmin(ChromeDriver driver) {
        driver.get(vigil.url("/setup"));
        driver.findElement(By.name("name")).sendKeys("Ada Lovelace");
        driver.findElement(By.name("email")).sendKeys("ada@example.com");
        driver.findElement(By.name("password")).sendKeys("correct-horse-battery");
        driver.findElement(By.cssSelector("form[action='/setup'] button[type=submit]")).click();
    }

    private static String barFill(ChromeDriver driver) {
        return driver.findElement(By.cssSelector("svg.chart .chart-bar")).getCssValue("fill");
    }

    /** Incidents detected by the web probe over the past months, and a few action items. */
    private static void seedHistory(Database database, Instant now) {
        IncidentStore incidents = new IncidentStore();
        OutageStore outages = new OutageStore();
        int[][] minutes = {{150, 2, 18}, {120, 1, 7}, {95, 3, 42}, {70, 2, 25}, {40, 9, 240}, {20, 1, 12}, {5, 4, 65}};
        for (int[] m : minutes) {
            Instant start = now.minus(Duration.ofDays(m[0]));
            Instant confirmed = start.plus(Duration.ofMinutes(m[1]));
            Instant resolved = confirmed.plus(Duration.ofMinutes(m[2]));
            database.write(h -> {
                long id = incidents.create(h, new NewIncident("Web application is unavailable",
                        IncidentStatus.INVESTIGATING, Impact.MAJOR, start, confirmed, "probe", null));
                incidents.addComponent(h, id, "web");
                long outage = outages.open(h, "web-home", "web",
                        new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, start, confirmed, "status 502"));
                outages.attachToIncident(h, outage, id);
                outages.close(h, "web-home", new ProbeTransition(ProbeStatus.DOWN, ProbeStatus.UP, resolved,
                        resolved.plusSeconds(60), "checks pass"));
                incidents.addUpdate(h, id, IncidentStatus.RESOLVED, "Recovered.", resolved, resolved, List.of());
                return null;
            });
        }
        LocalDate today = now.atZone(ZONE).toLocalDate();
        PostmortemFixtures postmortems = PostmortemFixtures.in(database, now.minus(Duration.ofDays(100)));
        long postmortem = postmortems.postmortem("Search upgrade");
        postmortems.item(postmortem, "P1 open").priority("P1").status("open")
                .due(today.minusDays(3)).createdAt(now.minus(Duration.ofDays(12))).add();
        postmortems.item(postmortem, "P2 in_progress").priority("P2").status("in_progress")
                .due(today.plusDays(9)).createdAt(now.minus(Duration.ofDays(5))).add();
        postmortems.item(postmortem, "P3 blocked").priority("P3").status("blocked")
                .due(today.minusDays(40)).createdAt(now.minus(Duration.ofDays(95))).add();
        for (int month = 0; month < 4; month++) {
            Instant done = now.minus(Duration.ofDays(30L * month + 2));
            LocalDate due = done.atZone(ZONE).toLocalDate().plusDays(month == 1 ? -4 : 3);
            postmortems.item(postmortem, "P2 done").priority("P2").status("done")
                    .due(due).createdAt(done.minus(Duration.ofDays(20))).completedAt(done).add();
            postmortems.item(postmortem, "P3 done").priority("P3").status("done")
                    .due(due.minusDays(month)).createdAt(done.minus(Duration.ofDays(20))).completedAt(done).add();
        }
    }
}
