package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Browser;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The board and an item's page in headless Chromium with JavaScript off: overdue is said in words,
 * and the won't do reason can be typed without any script. Screenshots (light and dark) go to
 * target/screenshots/ for a person to look at.
 */
class ActionItemBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Browser browser;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, ActionItemConsoleTest.CONFIG);
        browser = Browser.startWithoutJavaScript();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        vigil.close();
    }

    @Test
    void theBoardMarksOverdueItemsInWordsAndTheReasonFieldWorksWithoutJavaScript() {
        WebClient ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "password", PASSWORD));
        var database = vigil.vigil().database();
        long pm = PostmortemFixtures.in(database, Instant.parse("2026-11-01T00:00:00Z"))
                .postmortemAffecting("Checkout outage on Nov 28", "sev1", "api");
        String page = "/console/postmortems/" + pm + "/action-items";
        long adaId = database.read(h -> h.createQuery("SELECT id FROM users").mapTo(Long.class).one());
        add(ada, page, adaId, "Alert on replication lag over 30 s", "P1", "detect", 3);
        add(ada, page, adaId, "Run a failover drill every quarter", "P2", "process", 12);
        add(ada, page, adaId, "Cap connection pool per service", "P2", "prevent", 40);
        database.write(h -> h.createUpdate("UPDATE action_items SET due_on = :d WHERE title LIKE 'Alert%'")
                .bind("d", ActionItemConsoleTest.today().minusDays(2).toString()).execute());

        browser.signIn(vigil.url("/sign-in"), "ada@example.com", PASSWORD);
        browser.open(vigil.url("/console/action-items"));

        WebElement overdue = browser.driver().findElement(By.cssSelector("tr.item--overdue .pill--overdue"));
        assertThat(overdue.isDisplayed()).isTrue();
        assertThat(overdue.getText()).isEqualTo("Overdue");
        assertThat(browser.driver().findElement(By.cssSelector("tr.item--overdue")).getText())
                .contains("overdue by 2 days").contains("Alert on replication lag");
        browser.saveFullPage(SCREENSHOTS.resolve("action-items-board.png"), Browser.DESKTOP_WIDTH, false);

        browser.driver().findElement(By.linkText("Alert on replication lag over 30 s")).click();
        WebElement reason = browser.driver().findElement(By.id("wont_do_reason"));
        assertThat(reason.isDisplayed()).isTrue();
        browser.saveFullPage(SCREENSHOTS.resolve("action-item.png"), Browser.DESKTOP_WIDTH, false);
        browser.prefersColorScheme("dark");
        browser.open(browser.driver().getCurrentUrl());
        browser.saveFullPage(SCREENSHOTS.resolve("action-item-dark.png"), Browser.DESKTOP_WIDTH, false);
        browser.prefersColorScheme("light");

        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("status")))
                .selectByValue("wont_do");
        browser.driver().findElement(By.id("wont_do_reason")).sendKeys("Covered by the new lag dashboard");
        browser.driver().findElement(By.id("wont_do_reason")).submit();

        assertThat(browser.driver().findElement(By.tagName("body"))
                .getText()).contains("Won't do").contains("Covered by the new lag dashboard");
    }

    private static void add(WebClient who, String page, long owner, String title, String priority, String kind,
            int days) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("description", "Make sure **this** does not happen again.");
        fields.put("owner_id", Long.toString(owner));
        fields.put("kind", kind);
        fields.put("priority", priority);
        fields.put("due_on", ActionItemConsoleTest.today().plusDays(days).toString());
        fields.put("source", "review");
        assertThat(who.submit(page, page, fields).statusCode()).isEqualTo(303);
    }
}
