package dev.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.Browser;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console's search page through a real server, as Victor (viewer) sees it. One Vigil for the
 * class: every test only reads, and assembling the staff (password hashing) is the slow part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageTest {
    /** When the rows were written; one time for all, so that no order comes from the clock. */
    private static final Instant WRITTEN = Instant.parse("2025-11-24T16:00:00Z");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;
    RunningVigil vigil;
    Staff staff;
    long failover;
    long item;

    @BeforeAll
    void start() {
        vigil = RunningVigil.start(dataDir, "components: []\n");
        staff = Staff.assemble(vigil);
        PostmortemFixtures rows = PostmortemFixtures.in(vigil.vigil().database(), WRITTEN);
        long grace = rows.user("Grace Example");
        failover = rows.postmortem("Database failover took 40 minutes", "sev1", "in_review", null);
        rows.section(failover, "summary", 1, "The primary database stopped answering; the replica was promoted "
                + "by hand after a <script>alert('x')</script> runbook step failed.");
        rows.section(failover, "root_causes", 3, "Replication lag was not monitored, so failover waited for the replica.");
        rows.tag(failover, "database");
        rows.tag(failover, "on-call");
        item = rows.item(failover, "Alert on replication lag")
                .description("Page when the replica is more than 30 s behind.").owner(grace).add();
        long login = rows.postmortem("Login slow after a cache restart", "sev3", "published", null);
        rows.section(login, "summary", 1, "Sessions were read from the database while the cache warmed up.");
        rows.tag(login, "cache");
    }

    @AfterAll
    void stop() {
        vigil.close();
    }

    @Test
    void aViewerFindsPostmortemsAndItemsWithMarkedEscapedSnippets() {
        String page = victor("/console/search?q=replica").body();

        assertThat(page).contains("<h2 id=\"results-heading\">2 results</h2>")
                .contains("href=\"/console/postmortems/" + failover + "\"")
                .contains("href=\"/console/action-items/" + item + "\"")
                .contains("<mark>replica</mark>")
                .contains("owned by Grace Example")
                .contains("SEV1").contains("In review")
                .contains("value=\"replica\"")
                .doesNotContain("<script>alert");
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> response = staff.browser().get("/console/search?q=replica");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
    }

    @Test
    void theConsoleNavigationHasALabelledSearchBox() {
        String console = victor("/console").body();

        assertThat(console).contains("<form method=\"get\" action=\"/console/search\" role=\"search\"")
                .contains("<label for=\"nav-search-q\"").contains("id=\"nav-search-q\" name=\"q\"");
    }

    @Test
    void theTagListCountsTagsAndLinksToTheirPostmortems() {
        String page = victor("/console/search").body();

        assertThat(page).contains("href=\"/console/search?tag=database\"").contains("href=\"/console/search?tag=cache\"")
                .doesNotContain("results-heading");
        String tagged = victor("/console/search?tag=database").body();
        assertThat(tagged).contains("2 results").contains("/console/postmortems/" + failover)
                .doesNotContain("Login slow after a cache restart")
                .contains("Only postmortems tagged <strong class=\"tag\">database</strong>");
    }

    @Test
    void troublesomeQueriesGetAPageAndNeverAnError() {
        for (String typed : new String[] {"\"", "(", "NEAR(", "-", ":", "*", "'; DROP TABLE postmortems;--",
                "tag:", "x".repeat(201), "<script>alert(1)</script>"}) {
            HttpResponse<String> response = victor("/console/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(typed).isEqualTo(200);
            assertThat(response.body()).as(typed).doesNotContain("<script>alert(1)");
        }
        assertThat(victor("/console/search?tag=%00database").statusCode()).isEqualTo(200);
        assertThat(victor("/console/search?q=" + "x".repeat(201)).body()).contains("a search can be at most 200");
        assertThat(victor("/console/search?q=%22%28%22").body()).contains("nothing to search for");
        assertThat(victor("/console/search?q=failover").body()).contains("Database failover took 40 minutes");
    }

    @Test
    void theResultsPageLooksRightInLightAndDark() {
        try (Browser browser = Browser.start()) {
            browser.signIn(vigil.url("/sign-in"), "victor@example.com", Staff.PASSWORD);
            browser.open(vigil.url("/console/search?q=replica*"));

            assertThat(browser.driver().findElements(By.cssSelector(".search-result mark"))).isNotEmpty();
            browser.saveFullPage(SCREENSHOTS.resolve("search-light.png"), Browser.DESKTOP_WIDTH, false);
            browser.prefersColorScheme("dark");
            browser.saveFullPage(SCREENSHOTS.resolve("search-dark.png"), Browser.DESKTOP_WIDTH, false);
        }
    }

    private HttpResponse<String> victor(String path) {
        return staff.victor().get(path);
    }
}
