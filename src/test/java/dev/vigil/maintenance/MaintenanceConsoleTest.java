package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's maintenance pages through a real server, and what they publish. Ada is the first admin. */
class MaintenanceConsoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    WebClient ada;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: web
                    name: Web application
                  - id: api
                    name: Public API
                """);
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", "correct-horse-battery"));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theConsoleLinksToMaintenance() {
        assertThat(ada.get("/console").body()).contains("href=\"/console/maintenance\"");
        assertThat(ada.get("/console/maintenance").body()).contains("No maintenance is scheduled.");
    }

    @Test
    void theFormShowsTheSiteTimeZoneAndEveryComponent() {
        String form = ada.get("/console/maintenance/new").body();

        assertThat(form).contains("Starts (America/Los_Angeles)").contains("type=\"datetime-local\"")
                .contains("<fieldset").contains("value=\"web\"").contains("value=\"api\"").contains("FREQ=WEEKLY");
    }

    @Test
    void anEditorSchedulesAWindowAndItIsPublishedAsUpcoming() throws Exception {
        HttpResponse<String> created = schedule(Map.of("name", "Database upgrade", "description", "We upgrade **Postgres**.",
                "components", "web", "start", tomorrowAt(10), "end", tomorrowAt(12)));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/console/maintenance");
        assertThat(ada.get("/console/maintenance").body()).contains("Database upgrade").contains("Scheduled")
                .contains("Web application");
        assertThat(ada.get("/console/audit").body()).contains("maintenance.scheduled");

        RunningVigil.await(PATIENCE, "the window in upcoming.json",
                () -> json("/api/v2/scheduled-maintenances/upcoming.json").at("/scheduled_maintenances").size() == 1);
        JsonNode window = json("/api/v2/scheduled-maintenances/upcoming.json").at("/scheduled_maintenances/0");
        assertThat(window.get("name").asText()).isEqualTo("Database upgrade");
        assertThat(window.get("status").asText()).isEqualTo("scheduled");
        assertThat(window.get("impact").asText()).isEqualTo("maintenance");
        assertThat(window.get("scheduled_for").asText()).startsWith(tomorrowAt(10)).matches(".*[-+]0[78]:00$");
        assertThat(window.get("scheduled_until").asText()).startsWith(tomorrowAt(12));
        assertThat(window.get("started_at").isNull()).isTrue();
        assertThat(window.get("resolved_at").isNull()).isTrue();
        assertThat(window.at("/incident_updates/0/status").asText()).isEqualTo("scheduled");
        assertThat(window.at("/incident_updates/0/body").asText()).isEqualTo("We upgrade **Postgres**.");
        assertThat(window.at("/components/0/id").asText()).isEqualTo("web");
        assertThat(window.get("shortlink").asText()).isEqualTo("http://status.test/#maintenance-" + window.get("id").asText());
        assertThat(json("/api/v2/summary.json").at("/scheduled_maintenances/0/name").asText()).isEqualTo("Database upgrade");
        assertThat(json("/api/v2/summary.json").at("/status/indicator").asText()).isEqualTo("none");
        assertThat(json("/api/v2/scheduled-maintenances/active.json").at("/scheduled_maintenances").size()).isZero();
        assertThat(json("/api/v2/scheduled-maintenances.json").at("/scheduled_maintenances").size()).isEqualTo(1);
        String page = vigil.get("/").body();
        assertThat(page).contains("Scheduled maintenance").contains("Database upgrade")
                .contains("<strong>Postgres</strong>").containsPattern("10:00 AM P[SD]T");
    }

    @Test
    void thePageShowsOnlyTheNextWindowOfASeriesAndTheApiShowsThemAll() {
        schedule(Map.of("name", "Nightly backup", "components", "api", "start", tomorrowAt(10), "end", tomorrowAt(12),
                "rrule", "FREQ=DAILY;COUNT=3"));

        RunningVigil.await(PATIENCE, "the series in upcoming.json",
                () -> json("/api/v2/scheduled-maintenances/upcoming.json").at("/scheduled_maintenances").size() == 3);
        RunningVigil.await(PATIENCE, "the series on the page", () -> vigil.get("/").body().contains("Nightly backup"));
        assertThat(vigil.get("/").body().split("Nightly backup", -1)).hasSize(2);
    }

    @Test
    void anEndBeforeTheStartComesBackWithTheFieldMarked() {
        HttpResponse<String> refused = schedule(Map.of("name", "Database upgrade", "components", "web",
                "start", tomorrowAt(12), "end", tomorrowAt(10)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Please correct the marked fields").contains("End after the start.")
                .contains("aria-invalid=\"true\"").contains("value=\"Database upgrade\"")
                .containsPattern("value=\"web\"\\s+checked");
        assertThat(ada.get("/console/maintenance").body()).contains("No maintenance is scheduled.");
    }

    @Test
    void unreadableInputIsABadRequestNeverAServerError() {
        Map<String, String> good = Map.of("name", "Upgrade", "components", "web", "start", tomorrowAt(10),
                "end", tomorrowAt(12));

        assertThat(schedule(with(good, "start", "tomorrow")).statusCode()).isEqualTo(400);
        assertThat(schedule(with(good, "components", "mainframe")).statusCode()).isEqualTo(400);
        assertThat(schedule(with(good, "rrule", "FREQ=FORTNIGHTLY")).body()).contains("Unknown FREQ value");
        assertThat(schedule(with(good, "name", "n".repeat(5000))).statusCode()).isEqualTo(400);
        assertThat(schedule(with(good, "components", "")).statusCode()).isEqualTo(400);
    }

    @Test
    void cancellingAWindowTakesItOffThePublicLists() throws Exception {
        schedule(Map.of("name", "Database upgrade", "components", "web", "start", tomorrowAt(10), "end", tomorrowAt(12)));
        RunningVigil.await(PATIENCE, "the window in summary.json",
                () -> json("/api/v2/summary.json").at("/scheduled_maintenances").size() == 1);
        String id = json("/api/v2/summary.json").at("/scheduled_maintenances/0/id").asText();

        HttpResponse<String> cancelled = ada.submit("/console/maintenance", "/console/maintenance/" + id + "/cancel",
                Map.of("scope", "window"));

        assertThat(cancelled.statusCode()).isEqualTo(303);
        RunningVigil.await(PATIENCE, "no window in summary.json",
                () -> json("/api/v2/summary.json").at("/scheduled_maintenances").size() == 0);
        JsonNode latest = json("/api/v2/scheduled-maintenances.json").at("/scheduled_maintenances/0");
        assertThat(latest.get("status").asText()).isEqualTo("completed");
        assertThat(latest.at("/incident_updates/0/body").asText()).isEqualTo("This scheduled maintenance has been cancelled.");
        assertThat(ada.get("/console/audit").body()).contains("maintenance.cancelled");
        var again = ada.submit("/console/maintenance", "/console/maintenance/" + id + "/cancel", Map.of("scope", "window"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already completed");
    }

    @Test
    void cancellingAnUnknownWindowIsNotFound() {
        assertThat(ada.submit("/console/maintenance", "/console/maintenance/999/cancel", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(ada.submit("/console/maintenance", "/console/maintenance/abc/cancel", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        var forged = ada.post("/console/maintenance", Map.of("name", "Upgrade", "components", "web",
                "start", tomorrowAt(10), "end", tomorrowAt(12)));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ada.get("/console/maintenance").body()).contains("No maintenance is scheduled.");
    }

    private HttpResponse<String> schedule(Map<String, String> fields) {
        return ada.submit("/console/maintenance/new", "/console/maintenance", fields);
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(key, value);
        return changed;
    }

    /** Tomorrow at the given hour on the site's clock, as a datetime-local field holds it. */
    private static String tomorrowAt(int hour) {
        return LOCAL_INPUT.format(LocalDateTime.now(SITE_ZONE).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(hour));
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(vigil.get(path).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
