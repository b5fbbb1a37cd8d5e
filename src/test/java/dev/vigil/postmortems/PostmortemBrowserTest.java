package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Browser;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The write-up and its printable page in a real Chromium, light and dark, kept as screenshots. */
class PostmortemBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Desk desk;
    Browser browser;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: api
                    name: API
                """);
        desk = new Desk(vigil);
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.close();
        vigil.close();
    }

    @Test
    void theWriteUpAndItsPrintablePageRenderWithoutScriptErrors() {
        long incident = desk.openIncident("Checkout errors", "major", "Payments fail.");
        desk.update(incident, "identified", "A **bad deploy** of the payment service.");
        desk.update(incident, "resolved", "Rolled back; payments work.");
        long id = desk.write("Checkout errors after a deploy", incident);
        desk.submit(desk.staff.grace(), id, "/sections/summary", Map.of("section.summary",
                "For **27 minutes** checkout failed for every customer.\n\n- deploy at 10:02\n- rollback at 10:29"));
        long first = desk.count("SELECT MIN(id) FROM postmortem_timeline WHERE postmortem_id = " + id);
        desk.submit(desk.staff.grace(), id, "/timeline/" + first + "/pin", Map.of());
        desk.submit(desk.staff.grace(), id, "/timeline/" + (first + 1) + "/hide", Map.of());

        browser.signIn(vigil.url("/sign-in"), "grace@example.com", Staff.PASSWORD);
        browser.open(vigil.url("/console/postmortems/" + id));

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Checkout errors after a deploy");
        assertThat(browser.driver().findElements(By.cssSelector(".pm-event--pinned"))).hasSize(1);
        assertThat(browser.driver().findElement(By.cssSelector(".pm-event--hidden summary")).getText()).startsWith("Hidden:");
        browser.saveFullPage(SCREENSHOTS.resolve("postmortem-light.png"), Browser.DESKTOP_WIDTH, false);
        browser.prefersColorScheme("dark");
        browser.saveFullPage(SCREENSHOTS.resolve("postmortem-dark.png"), Browser.DESKTOP_WIDTH, false);
        browser.resetEmulation();
        browser.open(vigil.url("/console/postmortems/" + id + "/print"));
        assertThat(browser.driver().findElements(By.cssSelector("nav"))).isEmpty();
        browser.saveFullPage(SCREENSHOTS.resolve("postmortem-print.png"), Browser.DESKTOP_WIDTH, false);
        assertThat(browser.consoleEntries()).isEmpty();
    }
}
