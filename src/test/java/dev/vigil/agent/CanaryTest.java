package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.outages.LocationView;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary (issue 11): a check of Vigil's own connectivity at every location. While it fails at a location,
 * that location's failures are inconclusive: they open nothing, and the location says why.
 */
class CanaryTest {
    private static final String YAML = """
            canary:
              url: %s
              interval: 1s
              timeout: 1s
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
                locations: [east, west]
                quorum: 2
            """;

    @TempDir
    Path dir;
    TargetServer canary;
    TwoAddressTarget target;
    AgentFleet fleet;

    @BeforeEach
    void startVigilAndTwoAgents() {
        canary = TargetServer.start();
        target = TwoAddressTarget.start();
        fleet = new AgentFleet(dir);
        fleet.startVigil(YAML.formatted(canary.url(), target.url()), 0);
        fleet.startAgent("east", TwoAddressTarget.NEAR);
        fleet.startAgent("west", TwoAddressTarget.NEAR);
        fleet.awaitLocations("web-home", "east up", "west up");
    }

    @AfterEach
    void stopEverything() {
        try {
            fleet.close();
        } finally {
            target.close();
            canary.close();
        }
    }

    @Test
    void whileTheCanaryFailsTooTheLocationsAreInconclusiveAndOpenNothing() {
        canary.down();
        fleet.awaitLocations("web-home", "east no_data", "west no_data");
        assertThat(reasons()).containsExactly(LocationView.INCONCLUSIVE, LocationView.INCONCLUSIVE);

        target.nearAnswers(503);
        long failures = downs();
        RunningVigil.await(AgentFleet.PATIENCE, "four more failures at each location", () -> downs() >= failures + 8);

        assertThat(fleet.outages()).isEmpty();
        assertThat(fleet.probe("web-home").get("status").asText()).isEqualTo("up");

        canary.up();
        RunningVigil.await(AgentFleet.PATIENCE, "the outage once the canary passes again", () -> !fleet.outages().isEmpty());
        assertThat(fleet.locationsOf("web-home")).containsExactly("east down", "west down");
        long canaryFlips = fleet.rows("SELECT COUNT(*) FROM canary_changes WHERE location IN ('east', 'west', 'server')");
        assertThat(canaryFlips).as("failing, then passing again, at the server and both agents").isEqualTo(6);
    }

    private long downs() {
        return fleet.rows("SELECT COUNT(*) FROM check_results WHERE probe_id = 'web-home' AND outcome = 'DOWN'");
    }

    private List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (JsonNode location : fleet.probe("web-home").get("locations")) {
            reasons.add(location.get("reason").asText());
        }
        return reasons;
    }
}
