package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.outages.Outage;
import dev.vigil.testing.RunningVigil;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three probe agents, each a process of its own, check one site from east, west and north with a quorum of two
 * (issue 11). East and west reach it at one address, north at another, so the test can make the site fail for
 * some locations and not for others.
 */
class AgentsAtThreeLocationsTest {
    private static final String YAML = """
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
                locations: [east, west, north]
                quorum: 2
            """;

    @TempDir
    Path dir;
    TwoAddressTarget target;
    AgentFleet fleet;
    AgentProcess north;

    @BeforeEach
    void startVigilAndThreeAgents() {
        target = TwoAddressTarget.start();
        fleet = new AgentFleet(dir);
        fleet.startVigil(YAML.formatted(target.url()), 0);
        fleet.startAgent("east", TwoAddressTarget.NEAR);
        fleet.startAgent("west", TwoAddressTarget.NEAR);
        north = fleet.startAgent("north", TwoAddressTarget.FAR);
        fleet.awaitLocations("web-home", "east up", "west up", "north up");
    }

    @AfterEach
    void stopEverything() {
        try {
            fleet.close();
        } finally {
            target.close();
        }
    }

    @Test
    void agentsFetchTheirProbesAndTheirResultsArriveWithTheirLocation() {
        for (String location : List.of("east", "west", "north")) {
            assertThat(fleet.rows("SELECT COUNT(*) FROM check_results WHERE probe_id = 'web-home' AND location = '"
                    + location + "' AND outcome = 'UP'")).as(location).isPositive();
        }
        assertThat(fleet.rows("SELECT COUNT(*) FROM check_results WHERE location = 'server'"))
                .as("the server does not check a probe it is not a location of").isZero();
        assertThat(fleet.probe("web-home").get("status").asText()).isEqualTo("up");
        assertThat(dev.vigil.testing.ApiClient.json(fleet.api().get("/api/v1/agents", AgentFleet.ADMIN_TOKEN))
                .get("agents")).allSatisfy(agent -> assertThat(agent.get("last_seen_at").isNull()).isFalse());
        assertThat(fleet.logs()).contains("1 probes to run at east", "1 probes to run at north");
        fleet.awaitPublicPage("<p class=\"component-locations\">Checked from east, west, north</p>");
        assertThat(fleet.vigil().get("/metrics").body()).contains(
                "vigil_agent_last_seen_timestamp_seconds{location=\"east\"}",
                "vigil_agent_last_seen_timestamp_seconds{location=\"north\"}");
    }

    @Test
    void aKilledAgentsLocationHasNoDataAndOpensNoOutage() {
        north.kill();

        fleet.awaitLocations("web-home", "east up", "west up", "north no_data");
        fleet.awaitPublicPage("Checked from east, west, north (no data)");

        assertThat(fleet.outages()).isEmpty();
        assertThat(fleet.probe("web-home").get("status").asText()).isEqualTo("up");
        assertThat(fleet.probe("web-home").at("/locations/2/reason").asText()).startsWith("no result in the last");
        assertThat(fleet.rows("SELECT COUNT(*) FROM component_status_changes WHERE to_status <> 'operational'"))
                .as("no data never shows as downtime").isZero();
    }

    @Test
    void theSiteFailingForAQuorumOpensOneOutageDatedFromTheEarliestFailure() {
        Instant failing = Instant.now();
        target.nearAnswers(503);

        RunningVigil.await(AgentFleet.PATIENCE, "the outage", () -> !fleet.outages().isEmpty());

        List<Outage> outages = fleet.outages();
        assertThat(outages).hasSize(1);
        long earliestFailure = fleet.rows("SELECT MIN(started_at) FROM check_results WHERE probe_id = 'web-home' "
                + "AND outcome = 'DOWN' AND location IN ('east', 'west')");
        assertThat(outages.get(0).startedAt().toEpochMilli()).isEqualTo(earliestFailure);
        assertThat(outages.get(0).startedAt()).isAfterOrEqualTo(failing.minusSeconds(2));
        assertThat(outages.get(0).firstFailureReason()).contains("seen from east, west");
        assertThat(fleet.locationsOf("web-home")).containsExactly("east down", "west down", "north up");

        target.nearAnswers(200);
        RunningVigil.await(AgentFleet.PATIENCE, "the outage to close", () -> !fleet.outages().get(0).isOpen());
        assertThat(fleet.outages()).hasSize(1);
    }

    @Test
    void theSiteFailingForOneLocationAloneOpensNothing() {
        target.farAnswers(503);

        fleet.awaitLocations("web-home", "east up", "west up", "north down");
        fleet.awaitPublicPage("Checked from east, west, north (failing)");
        long northFailures = fleet.rows("SELECT COUNT(*) FROM check_results WHERE location = 'north' AND outcome = 'DOWN'");
        RunningVigil.await(AgentFleet.PATIENCE, "three more failures at north", () -> fleet.rows(
                "SELECT COUNT(*) FROM check_results WHERE location = 'north' AND outcome = 'DOWN'") >= northFailures + 3);

        assertThat(fleet.outages()).isEmpty();
        assertThat(fleet.probe("web-home").get("status").asText()).isEqualTo("up");
        assertThat(fleet.probe("web-home").at("/locations/2/reason").asText()).contains("503");
    }
}
