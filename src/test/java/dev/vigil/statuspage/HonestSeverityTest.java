package dev.vigil.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.notifications.WebhookReceiver;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's setup, five components of which one fails: the page, its API and the automatic
 * incident say how much of the service is affected, in words for customers, and the technical
 * evidence reaches staff only.
 */
class HonestSeverityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** What staff see of the failure and customers never do. */
    private static final String[] EVIDENCE = {"status 503", "search-health", "in a row", "expected 200"};

    @TempDir
    Path dataDir;
    final TargetServer healthy = TargetServer.start();
    final TargetServer search = TargetServer.start();
    final TargetServer web = TargetServer.start();
    RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        healthy.close();
        search.close();
        web.close();
    }

    @Test
    void oneComponentOfFiveDownIsAPartialOutageThatTheBannerNamesAndItsGroupCounts() throws Exception {
        start(false);

        search.answer(503);
        JsonNode incident = awaitIncident();

        JsonNode status = json("/api/v2/status.json");
        assertThat(status.at("/status/indicator").asText()).isEqualTo("major");
        assertThat(status.at("/status/description").asText()).isEqualTo("Partial System Outage");
        assertThat(incident.get("name").asText()).isEqualTo("Search is unavailable");
        assertThat(incident.get("impact").asText()).isEqualTo("major");
        String page = vigil.get("/").body();
        assertThat(page).contains("Partial System Outage").doesNotContain("Major Service Outage")
                .contains("Search is unavailable; everything else is working.")
                .containsPattern("Tracker <span class=\"group-state\"><span class=\"status status--major-outage\">"
                        + "Major outage</span> <span class=\"group-count\">· 1 of 4 affected</span>");
    }

    @Test
    void anEssentialComponentDownIsAMajorServiceOutageOnItsOwn() throws Exception {
        start(true);

        web.answer(503);
        JsonNode incident = awaitIncident();

        JsonNode status = json("/api/v2/status.json");
        assertThat(status.at("/status/indicator").asText()).isEqualTo("critical");
        assertThat(status.at("/status/description").asText()).isEqualTo("Major Service Outage");
        assertThat(incident.get("impact").asText()).isEqualTo("critical");
        assertThat(vigil.get("/").body()).contains("Web application is unavailable; everything else is working.");
    }

    @Test
    void customersReadPlainWordsWhileTheConsoleAndTheStaffAlertsHoldTheEvidence() throws Exception {
        start(false);
        WebClient ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", "correct-horse-battery"));
        try (WebhookReceiver slack = WebhookReceiver.start(); WebhookReceiver hook = WebhookReceiver.start()) {
            addHook(ada, "slack", "#ops", slack);
            addHook(ada, "webhook", "Pager", hook);

            search.answer(503);
            JsonNode incident = awaitIncident();
            long id = incident.get("id").asLong();
            RunningVigil.await(PATIENCE, "both staff alerts", () -> !slack.posts().isEmpty() && !hook.posts().isEmpty());

            assertThat(incident.at("/incident_updates/0/body").asText())
                    .isEqualTo("Search is not responding. We are looking into it.");
            assertThat(List.of(vigil.get("/api/v2/summary.json").body(), vigil.get("/incidents/" + id).body(),
                    vigil.get("/history.atom").body(), vigil.get("/").body()))
                    .allSatisfy(customers -> assertThat(customers).doesNotContain(EVIDENCE));
            assertThat(ada.get("/console/incidents/" + id).body()).contains("status 503, expected 200")
                    .contains("search-health").contains("2 failed checks in a row");
            assertThat(slack.posts().get(0).body()).contains("Search is not responding.")
                    .contains("status 503, expected 200").contains("search-health")
                    .contains("2 failed checks in a row");
            JsonNode alert = JSON.readTree(hook.posts().get(0).body());
            assertThat(alert.at("/evidence/0/probe_id").asText()).isEqualTo("search-health");
            assertThat(alert.at("/evidence/0/first_failure_reason").asText()).isEqualTo("status 503, expected 200");
            assertThat(alert.at("/evidence/0/confirming_checks").asInt()).isEqualTo(2);
            assertThat(alert.at("/incident/incident_updates/0/body").asText()).doesNotContain(EVIDENCE);

            search.answer(200);
            RunningVigil.await(PATIENCE, "the resolution", () -> json("/api/v2/summary.json").at("/incidents").isEmpty());
            String resolution = vigil.vigil().database().read(h -> h.createQuery(
                    "SELECT body FROM incident_updates WHERE incident_id = :id AND status = 'resolved'")
                    .bind("id", id).mapTo(String.class).one());
            assertThat(resolution).matches("Search is working again\\. It was unavailable for \\d+ seconds?, "
                    + "from \\d{1,2}:\\d{2} [AP]M to \\d{1,2}:\\d{2} [AP]M P[SD]T\\.");
        }
    }

    /** The demo's five components, each with a probe: search and web on targets of their own. */
    private void start(boolean webIsEssential) {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application, group: Tracker, essential: %s}
                  - {id: api, name: API, group: Tracker}
                  - {id: search, name: Search, group: Tracker}
                  - {id: jobs, name: Background jobs, group: Tracker}
                  - {id: status, name: Status page}
                probes:
                  - {id: web-home, component: web, url: "%s", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}
                  - {id: api-ping, component: api, url: "%s", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}
                  - {id: search-health, component: search, url: "%s", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}
                  - {id: jobs-health, component: jobs, url: "%s", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}
                  - {id: vigil-self, component: status, url: "%s", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}
                """.formatted(webIsEssential, web.url(), healthy.url(), search.url(), healthy.url(), healthy.url()));
        RunningVigil.await(PATIENCE, "a first check of every probe", () -> vigil.vigil().database().read(h -> h.createQuery(
                "SELECT COUNT(DISTINCT probe_id) FROM check_results").mapTo(Integer.class).one()) == 5);
        assertThat(json("/api/v2/status.json").at("/status/indicator").asText()).isEqualTo("none");
    }

    private JsonNode awaitIncident() {
        RunningVigil.await(PATIENCE, "the incident in summary.json", () -> json("/api/v2/summary.json").at("/incidents").size() == 1);
        return json("/api/v2/summary.json").at("/incidents/0");
    }

    private static void addHook(WebClient ada, String kind, String name, WebhookReceiver receiver) {
        var added = ada.submitFields("/console/notifications", "/console/notifications/hooks", List.of(
                Map.entry("kind", kind), Map.entry("name", name), Map.entry("url", receiver.url()),
                Map.entry("event", "incident_update")));
        assertThat(added.statusCode()).as(added.body()).isIn(200, 303);
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(vigil.get(path).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
