package dev.vigil.monitoring;

import static dev.vigil.testing.ApiClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Victor's dashboard reads the probes with a viewer token while the web application goes down. */
class ProbeApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: web
                name: Web application
              - id: admin
                name: Admin
            probes:
              - id: web-home
                component: web
                url: %s
                interval: 1s
                timeout: 1s
                failures_to_open: 2
                successes_to_close: 2
              - id: admin-home
                component: admin
                url: http://robot:hunter2@127.0.0.1:9/health
                interval: 1h
            """).withTarget();
    ApiClient api;
    String viewer;

    @BeforeEach
    void start() {
        viewer = vigil.staff().apiToken("dashboard", "viewer");
        api = new ApiClient(vigil.url(""));
    }

    @Test
    void aProbeShowsItsSettingsAndLastCheck() {
        RunningVigil.await(PATIENCE, "a first check of web-home",
                () -> !probe("web-home").get("last_check").isNull());

        JsonNode probe = probe("web-home");

        assertThat(probe.get("component_id").asText()).isEqualTo("web");
        assertThat(probe.get("url").asText()).isEqualTo(vigil.target().url());
        assertThat(probe.get("interval_seconds").asLong()).isEqualTo(1);
        assertThat(probe.at("/thresholds/failures_to_open").asInt()).isEqualTo(2);
        assertThat(probe.at("/thresholds/successes_to_close").asInt()).isEqualTo(2);
        assertThat(probe.get("status").asText()).isEqualTo("up");
        assertThat(probe.at("/last_check/outcome").asText()).isEqualTo("up");
        assertThat(probe.at("/last_check/reason").asText()).isEqualTo("OK");
        assertThat(probe.at("/last_check/duration_ms").isNumber()).isTrue();
        assertThat(probe.get("open_outage").isNull()).isTrue();
        assertThat(probe.at("/latency_24h/answered").isIntegralNumber()).isTrue();
        assertThat(probe.get("latency_24h").has("p95_ms")).isTrue();
    }

    @Test
    void aProbeThatFailsShowsItsOpenOutage() {
        vigil.target().down();

        RunningVigil.await(PATIENCE, "the outage of web-home", () -> !probe("web-home").get("open_outage").isNull());

        JsonNode probe = probe("web-home");
        assertThat(probe.get("status").asText()).isEqualTo("down");
        assertThat(probe.at("/last_check/outcome").asText()).isEqualTo("down");
        assertThat(probe.at("/open_outage/reason").asText()).isNotBlank();
        assertThat(probe.at("/open_outage/started_at").asText()).isNotBlank();
    }

    @Test
    void theListHasEveryConfiguredProbeWithoutTheCredentialsInItsUrl() {
        var response = api.get("/api/v1/probes", viewer);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode probes = ApiClient.json(response).get("probes");
        assertThat(probes.size()).isEqualTo(2);
        assertThat(probes.get(0).get("id").asText()).isEqualTo("web-home");
        assertThat(probes.get(1).get("url").asText()).isEqualTo("http://robot:****@127.0.0.1:9/health");
        assertThat(response.body()).doesNotContain("hunter2");
    }

    @Test
    void anUnknownProbeIsNotFoundAndATokenIsNeeded() {
        var unknown = api.get("/api/v1/probes/billing", viewer);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertError(unknown, "not_found");
        assertThat(api.get("/api/v1/probes", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/api/v1/probes/web-home", null).statusCode()).isEqualTo(401);
    }

    private JsonNode probe(String id) {
        var response = api.get("/api/v1/probes/" + id, viewer);
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.json(response);
    }
}
