package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vigil on a random port probing a real local server that goes down and comes back. */
class OutageEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    TargetServer target;
    RunningVigil vigil;

    @BeforeEach
    void start() {
        target = TargetServer.start();
        vigil = RunningVigil.start(dataDir, """
                components:
                  - id: web
                    name: Web application
                    group: Tracker
                probes:
                  - id: web-home
                    component: web
                    url: %s
                    interval: 1s
                    timeout: 1s
                    failures_to_open: 2
                    successes_to_close: 2
                """.formatted(target.url()), environment());
    }

    /** Environment variables for Vigil beyond its port and data folder; none here, so it uses SQLite. */
    Map<String, String> environment() {
        return Map.of();
    }

    @AfterEach
    void stop() {
        // Either may be missing when start-up failed, e.g. because the database was not reachable.
        if (vigil != null) {
            vigil.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void anOutageOpensAnIncidentAndBothCloseWhenTheTargetComesBack() throws Exception {
        RunningVigil.await(PATIENCE, "a first passing check", () -> lastOutcome().equals("UP"));
        assertThat(summary().at("/status/indicator").asText()).isEqualTo("none");

        target.down();
        RunningVigil.await(PATIENCE, "the incident in summary.json", () -> summary().at("/incidents").size() == 1);
        JsonNode summary = summary();
        // The only component is down: that is everything.
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("critical");
        assertThat(summary.at("/status/description").asText()).isEqualTo("Major Service Outage");
        assertThat(component(summary, "web").get("status").asText()).isEqualTo("major_outage");
        assertThat(component(summary, "group-tracker").get("status").asText()).isEqualTo("major_outage");
        JsonNode incident = summary.at("/incidents/0");
        assertThat(incident.get("name").asText()).isEqualTo("Web application is unavailable");
        assertThat(incident.get("status").asText()).isEqualTo("investigating");
        assertThat(incident.at("/incident_updates/0/body").asText())
                .isEqualTo("Web application is not responding. We are looking into it.");
        assertThat(vigil.get("/").body()).contains("Web application is unavailable").contains("Major Service Outage");

        Outage outage = openOutage();
        long firstFailure = firstFailureAfterLastSuccess();
        assertThat(outage.startedAt().toEpochMilli()).isEqualTo(firstFailure);
        assertThat(outage.confirmedAt()).isAfter(outage.startedAt());

        target.up();
        RunningVigil.await(PATIENCE, "recovery in summary.json", () -> summary().at("/incidents").size() == 0);
        summary = summary();
        assertThat(summary.at("/status/indicator").asText()).isEqualTo("none");
        assertThat(component(summary, "web").get("status").asText()).isEqualTo("operational");
        String page = vigil.get("/").body();
        assertThat(page).contains("All Systems Operational").contains("Web application is working again. It was unavailable for");
        int outages = vigil.vigil().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM outages WHERE ended_at IS NOT NULL").mapTo(Integer.class).one());
        assertThat(outages).isEqualTo(1);
    }

    @Test
    void theHealthEndpointReportsTheDatabaseTheSchedulerAndTheProbesStartLag() throws Exception {
        RunningVigil.await(PATIENCE, "a first check", () -> !lastOutcome().isEmpty());
        var response = vigil.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("scheduler").asText()).isEqualTo("running");
        assertThat(health.at("/probes/status").asText()).isEqualTo("ok");
        assertThat(health.at("/probes/checks_last_minute").asInt()).isPositive();
        assertThat(health.at("/probes/lag_p99_ms").asLong()).isLessThanOrEqualTo(2_000);
        assertThat(health.at("/probes/skipped_last_minute").asInt()).isZero();
    }

    private String lastOutcome() {
        return vigil.vigil().database().read(h -> h.createQuery(
                        "SELECT outcome FROM check_results ORDER BY id DESC LIMIT 1").mapTo(String.class).findOne())
                .orElse("");
    }

    private Outage openOutage() {
        return vigil.vigil().database().read(h -> new OutageStore().openFor(h, "web-home")).orElseThrow();
    }

    private long firstFailureAfterLastSuccess() {
        return vigil.vigil().database().read(h -> h.createQuery("""
                SELECT MIN(started_at) FROM check_results WHERE outcome = 'DOWN'
                   AND id > (SELECT MAX(id) FROM check_results WHERE outcome = 'UP')""").mapTo(Long.class).one());
    }

    private JsonNode summary() {
        try {
            return JSON.readTree(vigil.get("/api/v2/summary.json").body());
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
