package dev.vigil.agents;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server is one location among others (issue 11): its own checks count toward the quorum as an agent's do,
 * and the public page says where the component is checked from.
 */
class ServerAmongLocationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
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
                locations: [server, east]
                quorum: 1
            """).withTarget();

    @Test
    void theServersOwnFailuresMakeTheQuorumWhileTheAgentHasNoData() {
        ApiClient api = new ApiClient(vigil.url(""));
        String viewer = vigil.staff().apiToken("dashboard", "viewer");
        RunningVigil.await(PATIENCE, "the server's first checks", () -> locations(api, viewer).get(0).equals("server up"));
        RunningVigil.await(PATIENCE, "the public page", () -> vigil.get("/").body()
                .contains("Checked from server, east (no data)"));

        vigil.target().down();

        RunningVigil.await(PATIENCE, "the outage", () -> "down".equals(json(api.get("/api/v1/probes/web-home", viewer))
                .get("status").asText()));
        assertThat(locations(api, viewer)).containsExactly("server down", "east no_data");
        JsonNode outage = json(api.get("/api/v1/probes/web-home", viewer)).get("open_outage");
        assertThat(outage.get("reason").asText()).contains("seen from server");
        RunningVigil.await(PATIENCE, "the public page", () -> vigil.get("/").body()
                .contains("Checked from server (failing), east (no data)"));
        long serverRows = vigil.vigil().database().read(h -> h.createQuery(
                "SELECT COUNT(*) FROM check_results WHERE location = 'server' AND probe_id = 'web-home'")
                .mapTo(Long.class).one());
        assertThat(serverRows).isPositive();
    }

    private static List<String> locations(ApiClient api, String token) {
        List<String> seen = new ArrayList<>();
        json(api.get("/api/v1/probes/web-home", token)).get("locations")
                .forEach(l -> seen.add(l.get("name").asText() + " " + l.get("status").asText()));
        return seen;
    }
}
