package dev.vigil.agents;

import static dev.vigil.agents.AgentResultsApiTest.batch;
import static dev.vigil.agents.AgentResultsApiTest.recent;
import static dev.vigil.agents.AgentResultsApiTest.result;
import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A probe checked from three locations with a quorum of two (issue 11), its results posted as three agents post
 * them, at times the test chooses: an outage needs two locations failing and is dated from the earlier failure.
 */
class QuorumOfLocationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("""
            components:
              - id: web
                name: Web application
            probes:
              - id: web-home
                component: web
                url: http://127.0.0.1:9/health
                interval: 1s
                timeout: 1s
                failures_to_open: 2
                successes_to_close: 2
                locations: [east, west, north]
                quorum: 2
            """);
    ApiClient api;
    String admin;
    String east;
    String west;
    String north;

    @BeforeEach
    void createTheAgents() {
        api = new ApiClient(vigil.url(""));
        admin = vigil.staff().apiToken("provisioning", "admin");
        east = agent("east");
        west = agent("west");
        north = agent("north");
    }

    @Test
    void twoLocationsFailingOpenOneOutageDatedFromTheEarlierFailure() {
        Instant westFailed = recent(4);
        send(west, "west", result("web-home", westFailed, "down"), result("web-home", recent(3), "down"));
        send(north, "north", result("web-home", recent(4), "up"), result("web-home", recent(3), "up"));
        assertThat(outages()).as("one failing location opens nothing").isEmpty();

        send(east, "east", result("web-home", recent(2), "down"), result("web-home", recent(1), "down"));

        List<Outage> outages = outages();
        assertThat(outages).hasSize(1);
        assertThat(outages.get(0).startedAt()).isEqualTo(westFailed);
        assertThat(outages.get(0).firstFailureReason()).contains("seen from east, west");
        assertThat(component()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        JsonNode probe = json(api.get("/api/v1/probes/web-home", admin));
        assertThat(probe.get("status").asText()).isEqualTo("down");
        assertThat(probe.get("quorum").asInt()).isEqualTo(2);
        assertThat(probe.get("locations")).extracting(l -> l.get("name").asText() + " " + l.get("status").asText())
                .containsExactly("east down", "west down", "north up");
        assertThat(probe.at("/locations/0/reason").asText()).isEqualTo("status 503");
    }

    @Test
    void aLoneFailingLocationOpensNothingAndShowsAsDownThereOnly() {
        send(east, "east", result("web-home", recent(3), "down"), result("web-home", recent(2), "down"),
                result("web-home", recent(1), "down"));
        send(west, "west", result("web-home", recent(2), "up"));

        assertThat(outages()).isEmpty();
        assertThat(component()).isEqualTo(ComponentStatus.OPERATIONAL);
        JsonNode probe = json(api.get("/api/v1/probes/web-home", admin));
        assertThat(probe.get("status").asText()).isEqualTo("up");
        assertThat(probe.get("locations")).extracting(l -> l.get("name").asText() + " " + l.get("status").asText())
                .containsExactly("east down", "west up", "north no_data");
        assertThat(probe.at("/locations/2/reason").asText()).isEqualTo("no results yet");
    }

    @Test
    void theOutageClosesWhenFewerThanAQuorumSeeItFailing() {
        send(east, "east", result("web-home", recent(5), "down"), result("web-home", recent(4), "down"));
        send(west, "west", result("web-home", recent(5), "down"), result("web-home", recent(4), "down"));
        assertThat(outages()).hasSize(1);

        Instant recovered = recent(3);
        send(west, "west", result("web-home", recovered, "up"), result("web-home", recent(2), "up"));

        Outage closed = outages().get(0);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.endedAt()).isEqualTo(recovered);
        assertThat(component()).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void aFailingLocationThatFallsSilentHasNoDataAndStopsCountingTowardTheOutage() {
        send(east, "east", result("web-home", recent(2), "down"), result("web-home", recent(1), "down"));
        send(west, "west", result("web-home", recent(2), "down"), result("web-home", recent(1), "down"));
        assertThat(outages()).hasSize(1);

        // West keeps reporting its failures; east goes quiet, as an agent that was killed does.
        RunningVigil.await(PATIENCE, "east to have no data and the outage to close", () -> {
            send(west, "west", result("web-home", recent(0), "down"));
            return !outages().get(0).isOpen();
        });

        JsonNode probe = json(api.get("/api/v1/probes/web-home", admin));
        assertThat(probe.at("/locations/0/status").asText()).isEqualTo("no_data");
        assertThat(probe.at("/locations/0/reason").asText()).startsWith("no result in the last");
        assertThat(probe.at("/locations/1/status").asText()).isEqualTo("down");
        String reason = vigil.vigil().database().read(h -> h.createQuery(
                "SELECT reason FROM probe_status_changes WHERE probe_id = 'web-home' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertThat(reason).isEqualTo("fewer than 2 of its 3 locations see it failing: east has no data, north has no data");
    }

    @Test
    void eachLocationsOwnChangesAreKeptAsRows() {
        send(east, "east", result("web-home", recent(3), "down"), result("web-home", recent(2), "down"));

        List<String> changes = vigil.vigil().database().read(h -> h.createQuery(
                "SELECT location || ' ' || from_status || '>' || to_status FROM probe_location_changes ORDER BY id")
                .mapTo(String.class).list());
        assertThat(changes).containsExactly("east UP>DOWN");
    }

    private void send(String token, String location, String... results) {
        int status = api.post("/api/v1/agent/results", token, batch(location, results)).statusCode();
        assertThat(status).isEqualTo(200);
    }

    private String agent(String location) {
        return json(api.post("/api/v1/agents", admin, "{\"name\": \"" + location + " VM\", \"location\": \""
                + location + "\"}")).get("token").asText();
    }

    private List<Outage> outages() {
        return vigil.vigil().database().read(h -> new OutageStore().since(h, Instant.EPOCH));
    }

    private ComponentStatus component() {
        return vigil.vigil().database().read(h -> new ComponentStore().find(h, "web").orElseThrow().status());
    }
}
