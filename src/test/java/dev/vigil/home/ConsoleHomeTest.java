package dev.vigil.home;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's home answers "what needs me now" for the person signed in: Grace (editor, on call)
 * and Ada (admin), with Victor (viewer) looking on.
 */
class ConsoleHomeTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDir;
    TargetServer search;
    RunningVigil vigil;
    Staff staff;
    Database database;
    PostmortemFixtures postmortems;

    @BeforeEach
    void start() {
        search = TargetServer.start();
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: search, name: Search}
                  - {id: web, name: Web}
                probes:
                  - id: search-health
                    component: search
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 2
                """.formatted(search.url()), environment());
        staff = Staff.assemble(vigil);
        database = vigil.vigil().database();
        postmortems = PostmortemFixtures.in(database, Instant.now().minus(Duration.ofHours(1)));
    }

    /** The environment Vigil starts with; the PostgreSQL subclass points it at its database. */
    Map<String, String> environment() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        try (TargetServer s = search; RunningVigil v = vigil) {
            // closes both
        }
    }

    private String home(WebClient who) {
        HttpResponse<String> page = who.get("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    void withNothingWaitingTheHomeSaysSoInWords() {
        RunningVigil.await(Duration.ofSeconds(10), "a passing check", () -> search.requests() > 0);

        assertThat(home(staff.grace())).contains("Nothing needs you").doesNotContain("Open incidents");
    }

    @Test
    void aFailingProbeShowsAtOnceAndItsConfirmedOutageAsAnOpenIncidentWithItsAge() {
        search.answer(503);
        RunningVigil.await(Duration.ofSeconds(15), "the automatic incident", () -> database.read(h -> h.createQuery(
                "SELECT COUNT(*) FROM incidents WHERE status = 'investigating'").mapTo(Integer.class).one()) == 1);

        String page = home(staff.victor());
        assertThat(page).contains("Probes failing now").contains("Search: search-health").contains("status 503")
                .contains("Open incidents").contains("href=\"/console/incidents/")
                .containsPattern("open for \\d+ seconds? · last update \\d+ seconds? ago");
    }

    @Test
    void myOwnActionItemsDueThisWeekAreListedOverdueFirstButNotOthersOrLaterOnes() {
        long grace = staff.idOf("grace@example.com");
        long ada = staff.idOf("ada@example.com");
        long postmortem = postmortems.postmortem("Checkout outage");
        LocalDate today = LocalDate.now(ZONE);
        postmortems.item(postmortem, "Due tomorrow").owner(grace).due(today.plusDays(1)).add();
        postmortems.item(postmortem, "Three days late").owner(grace).due(today.minusDays(3)).add();
        postmortems.item(postmortem, "Next month").owner(grace).due(today.plusDays(30)).add();
        postmortems.item(postmortem, "Already done").owner(grace).due(today.minusDays(1)).status("done").add();
        postmortems.item(postmortem, "Page the owner of Ada").owner(ada).due(today).add();

        String page = home(staff.grace());
        assertThat(page).contains("overdue by 3 days", "due tomorrow")
                .doesNotContain("Next month", "Already done", "Page the owner of Ada");
        assertThat(page.indexOf("Three days late")).isLessThan(page.indexOf("Due tomorrow"));
        assertThat(home(staff.ada())).contains("Page the owner of Ada", "due today").doesNotContain("Three days late");
    }

    @Test
    void myPostmortemsToWriteOrPublishAndThoseIAmAskedToReviewAreListedWithWhereToGo() {
        long grace = staff.idOf("grace@example.com");
        long draft = postmortems.postmortem("Disk full", "sev2", "draft", grace);
        long approved = postmortems.postmortem("DNS expiry", "sev3", "approved", grace);
        long review = postmortems.postmortem("Queue backlog", "sev2", "in_review", staff.idOf("ada@example.com"));
        database.write(h -> h.createUpdate("INSERT INTO postmortem_reviewers (postmortem_id, user_id, requested_at) "
                + "VALUES (:p, :u, :at)").bind("p", review).bind("u", grace).bind("at", Instant.now().toEpochMilli())
                .execute());

        String page = home(staff.grace());
        assertThat(page).contains("href=\"/console/postmortems/" + draft + "\"", "Write")
                .contains("href=\"/console/postmortems/" + approved + "/public\"", "Publish")
                .contains("href=\"/console/postmortems/" + review + "/review\"", "You were asked to review it");
        assertThat(home(staff.victor())).doesNotContain("Disk full", "Queue backlog");
    }

    @Test
    void aResolvedIncidentWithoutAPublishedNoticeAsksForOne() {
        HttpResponse<String> opened = staff.grace().submit("/console/incidents/new", "/console/incidents",
                Map.of("name", "Checkout errors", "impact", "major", "status", "investigating", "body", "Looking."));
        String incident = opened.headers().firstValue("Location").orElseThrow();
        staff.grace().submit(incident, incident + "/updates", Map.of("status", "resolved", "body", "Fixed."));

        assertThat(home(staff.grace())).contains("Notices to write", "Checkout errors", "No notice yet")
                .contains("href=\"" + incident + "/notice\"");
    }
}
