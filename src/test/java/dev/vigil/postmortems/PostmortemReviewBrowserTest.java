package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.Browser;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Ada looks at the review and public-version pages in a real browser with JavaScript off, and a
 * customer reads the published postmortem; PNGs go to target/screenshots/ for a person to look at.
 */
class PostmortemReviewBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dataDir;

    @Test
    void thePagesWorkWithoutJavaScriptAndThePublishedPostmortemReadsWell() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, "components:\n  - id: api\n    name: API\n");
                Browser browser = Browser.startWithoutJavaScript()) {
            Staff staff = Staff.assemble(vigil);
            Database database = vigil.vigil().database();
            PostmortemFixtures postmortems = PostmortemFixtures.in(database);
            WebClient grace = staff.grace();
            long incident = Incidents.open(grace, "API outage");
            long postmortem = postmortems.postmortemOf("Disk full on the API", incident);
            long alert = postmortems.item(postmortem, "Alert before disks fill").status("in_progress").add();
            long rotate = postmortems.item(postmortem, "Rotate logs daily").add();
            postmortems.item(postmortem, "Internal runbook fix").add();
            String review = "/console/postmortems/" + postmortem + "/review";
            String publicPage = "/console/postmortems/" + postmortem + "/public";
            post(grace, database, postmortem, review, "reviewers", Map.of("reviewer", Long.toString(staff.idOf("ada@example.com"))));
            post(grace, database, postmortem, review, "submit", Map.of());
            grace.submit(review, "/console/postmortems/" + postmortem + "/comments",
                    Map.of("section", "impact", "body", "Can we say how many **accounts** saw errors?"));
            post(staff.ada(), database, postmortem, review, "approve", Map.of());
            Incidents.resolve(grace, incident);

            browser.signIn(vigil.url("/sign-in"), "ada@example.com", Staff.PASSWORD);
            browser.open(vigil.url(review));
            assertThat(browser.driver().findElement(By.cssSelector("[aria-current=step]")).getText()).contains("Approved");
            assertThat(browser.driver().findElement(By.id("complete-why")).getText())
                    .contains("“Alert before disks fill”", "“Rotate logs daily”");
            browser.saveFullPage(SCREENSHOTS.resolve("postmortem-review.png"), Browser.DESKTOP_WIDTH, false);

            browser.open(vigil.url(publicPage));
            assertThat(browser.driver().findElement(By.id("draft")).getText()).contains("[Write:");
            browser.saveFullPage(SCREENSHOTS.resolve("postmortem-public-version.png"), Browser.DESKTOP_WIDTH, false);

            grace.submit(publicPage, publicPage, Map.of("version", Long.toString(postmortems.version(postmortem)),
                    "draft", "We are sorry. For 40 minutes on Tuesday our API refused most requests, and you could not "
                            + "reach your data.\n\n### What happened\n\nA log file filled the database disk.\n\n"
                            + "### Your data\n\nNo data was lost.\n\n### What we are changing\n\nWe now watch every disk."));
            for (long item : new long[] {alert, rotate}) {
                grace.submit(publicPage, publicPage + "/commitments/" + item,
                        Map.of("shown", "1", "version", Long.toString(postmortems.itemVersion(item))));
            }
            post(grace, database, postmortem, publicPage, "public/publish", Map.of());
            postmortems.setItemStatus(rotate, "done", null, Instant.now());

            browser.open(vigil.url("/incidents/" + incident));
            assertThat(browser.driver().findElement(By.id("postmortem-" + postmortem + "-commitments")).getText())
                    .isEqualTo("What we promised, and what we have done");
            assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
            browser.saveFullPage(SCREENSHOTS.resolve("postmortem-public-incident.png"), Browser.DESKTOP_WIDTH, false);
            browser.prefersColorScheme("dark");
            browser.saveFullPage(SCREENSHOTS.resolve("postmortem-public-incident-dark.png"), Browser.DESKTOP_WIDTH, false);
        }
    }

    private static void post(WebClient who, Database database, long postmortem, String page, String action,
            Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("version", Long.toString(PostmortemFixtures.in(database).version(postmortem)));
        var response = who.submit(page, "/console/postmortems/" + postmortem + "/" + action, form);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(303);
    }
}
