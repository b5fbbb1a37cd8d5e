package dev.vigil.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vigil probing a real local server that goes down during a short maintenance window scheduled
 * through the console, with the real clock and the real job.
 */
class MaintenanceEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ZoneId SITE_ZONE = ZoneId.of("America/Los_Angeles");
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final FreshVigil<Void> vigil = FreshVigil.configured("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: %s
                interval: 1s
                timeout: 1s
                failures_to_open: 2
                successes_to_close: 2
            """).withTarget();

    @Test
    void aTargetDownDuringMaintenanceOpensNoOutageUntilTheWindowEnds() {
        RunningVigil.await(PATIENCE, "a first passing check", () -> count("check_results WHERE outcome = 'UP'") > 0);
        Instant start = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(WINDOW);
        WebClient ada = signedInAda();
        var created = ada.submit("/console/maintenance/new", "/console/maintenance", Map.of("name",
                "Web server upgrade",
                "components", "web", "start", local(start), "end", local(end)));
        assertThat(created.statusCode()).isEqualTo(303);

        RunningVigil.await(PATIENCE, "the window in progress",
                () -> component(summary(), "web").get("status").asText().equals("under_maintenance"));
        vigil.target().down();
        RunningVigil.await(PATIENCE, "the probe to go down", () -> "DOWN".equals(probeStatus()));

        assertThat(Instant.now()).as("still inside the window").isBefore(end);
        assertThat(count("check_results WHERE outcome = 'DOWN'")).isGreaterThanOrEqualTo(2);
        assertThat(count("outages")).isZero();
        assertThat(count("incidents")).isZero();
        JsonNode summary = summary();
        assertThat(component(summary, "web").get("status").asText()).isEqualTo("under_maintenance");
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("maintenance");
        assertThat(summary.at("/status/description").asText()).isEqualTo("Service Under Maintenance");
        assertThat(summary.at("/incidents").size()).isZero();
        assertThat(summary.at("/scheduled_maintenances/0/status").asText()).isIn("in_progress", "verifying");
        assertThat(json("/api/v2/scheduled-maintenances/active.json").at("/scheduled_maintenances").size())
                .isEqualTo(1);
        assertThat(vigil.get("/").body()).contains("Service Under Maintenance").contains("Maintenance in progress")
                .contains("Web server upgrade");

        // The window may have most of its length still to run: wait for it as well as for the checks.
        RunningVigil.await(WINDOW.plus(PATIENCE), "the outage after the window", () -> count("outages") == 1);
        Outage outage = vigil.vigil().database().read(h -> new OutageStore().openFor(h, "web-home")).orElseThrow();
        assertThat(outage.startedAt()).isEqualTo(end);
        RunningVigil.await(PATIENCE, "the incident in summary.json", () -> summary().at("/incidents").size() == 1);
        summary = summary();
        assertThat(component(summary, "web").get("status").asText()).isEqualTo("major_outage");
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("critical");
        assertThat(summary.at("/scheduled_maintenances").size()).isZero();
        JsonNode completed = json("/api/v2/scheduled-maintenances.json").at("/scheduled_maintenances/0");
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.get("incident_updates")).extracting(u -> u.get("status").asText())
                .containsExactly("completed", "verifying", "in_progress", "scheduled");
    }

    private WebClient signedInAda() {
        WebClient ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", "correct-horse-battery"));
        return ada;
    }

    private static String local(Instant instant) {
        return LOCAL_INPUT.format(instant.atZone(SITE_ZONE));
    }

    private long count(String tableAndCondition) {
        return vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM " + tableAndCondition)
                .mapTo(Long.class).one());
    }

    private String probeStatus() {
        return vigil.vigil().database().read(h -> h.createQuery("SELECT status FROM probes WHERE id = 'web-home'")
                .mapTo(String.class).one());
    }

    private JsonNode summary() {
        return json("/api/v2/summary.json");
    }

    private JsonNode json(String path) {
        try {
            return JSON.readTree(vigil.get(path).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode component(JsonNode summary, String id) {
        for (JsonNode c : summary.get("components")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no component " + id);
    }
}
