package dev.vigil.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics page through a real server, read by Victor (viewer). */
class MetricsPageTest {
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path dataDir;
    RunningVigil vigil;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: web
                    name: Web <application>
                  - id: api
                    name: Public API
                """);
    }

    /** Signing the staff in takes a while (password hashing), so only the tests that need Victor do it. */
    private WebClient victor() {
        return Staff.assemble(vigil).victor();
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void aViewerSeesMediansAndChartsOfTheIncidentsAndActionItems() {
        Instant now = Instant.now();
        Database database = vigil.vigil().database();
        incident(database, now.minus(Duration.ofHours(3)), Duration.ofMinutes(25));
        incident(database, now.minus(Duration.ofHours(2)), Duration.ofMinutes(45));
        PostmortemFixtures postmortems = PostmortemFixtures.in(database, now);
        long postmortem = postmortems.postmortem("Web down");
        LocalDate today = now.atZone(SITE_ZONE).toLocalDate();
        postmortems.item(postmortem, "P1 open").priority("P1").status("open")
                .due(today.minusDays(1)).createdAt(now.minus(Duration.ofDays(3))).add();
        postmortems.item(postmortem, "P2 done").priority("P2").status("done")
                .due(today.plusDays(5)).createdAt(now.minus(Duration.ofDays(2)))
                .completedAt(now.minus(Duration.ofHours(1))).add();

        HttpResponse<String> page = victor().get("/console/metrics");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Metrics</h1>").contains("Incidents started in this window: <strong>2</strong>")
                .contains("<dt>Median</dt><dd>25 minutes</dd>").contains("<dt>90th percentile</dt><dd>45 minutes</dd>")
                .contains("2 incidents had no probe evidence")
                .contains("Web &lt;application&gt;").doesNotContain("Web <application>")
                .contains("<strong>1</strong> open (open, in progress or blocked), <strong>1</strong> overdue")
                .contains("<strong>100%</strong> on time: 1 of 1 items done")
                .contains("role=\"img\"").contains("<title id=\"incidents-per-month-title\">")
                .contains("<title id=\"ttr-histogram-title\">").contains("<title id=\"on-time-rate-title\">")
                .contains("<option value=\"12\" selected>Last 12 months</option>")
                .contains("href=\"/console/metrics\"");
    }

    @Test
    void withNothingRecordedThePageSaysSoCalmly() {
        String body = victor().get("/console/metrics?months=3").body();

        assertThat(body).contains("No incidents in this window.").contains("No action items are open.")
                .contains("No action items were done in this window.").doesNotContain("<svg")
                .contains("<option value=\"3\" selected>Last 3 months</option>");
    }

    @Test
    void aWindowThatIsNotOfferedIsABadRequestWithAMessage() {
        WebClient victor = victor();
        for (String months : List.of("7", "twelve", "-3", "99999999999")) {
            HttpResponse<String> page = victor.get("/console/metrics?months=" + months);

            assertThat(page.statusCode()).as(months).isEqualTo(400);
            assertThat(page.body()).as(months).contains("months must be 3, 6 or 12");
        }
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        HttpResponse<String> page = new WebClient(vigil.url("")).get("/console/metrics");

        assertThat(page.statusCode()).isIn(302, 303);
        assertThat(page.headers().firstValue("Location").orElse("")).startsWith("/sign-in");
    }

    /** A staff incident on the web component, opened at start and resolved after the given time. */
    private static void incident(Database database, Instant start, Duration toResolve) {
        IncidentStore incidents = new IncidentStore();
        database.write(h -> {
            long id = incidents.create(h, new NewIncident("Web down", IncidentStatus.INVESTIGATING, Impact.MAJOR, start,
                    start, "staff", null));
            incidents.addComponent(h, id, "web");
            incidents.addUpdate(h, id, IncidentStatus.RESOLVED, "Fixed.", start.plus(toResolve), start.plus(toResolve),
                    List.of());
            return null;
        });
    }
}
