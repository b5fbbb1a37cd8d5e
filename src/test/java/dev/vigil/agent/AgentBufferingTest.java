package dev.vigil.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A probe agent keeps checking while Vigil is away (issue 11), even across its own restart, and its results reach
 * Vigil when it is back: with the times they were taken, each exactly once.
 */
class AgentBufferingTest {
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
                locations: [east]
            """;

    @TempDir
    Path dir;
    TargetServer target;
    AgentFleet fleet;
    int port;

    @BeforeEach
    void startVigilAndAnAgent() throws IOException {
        target = TargetServer.start();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        fleet = new AgentFleet(dir);
        fleet.startVigil(YAML.formatted(target.url()), port);
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
    void resultsTakenWhileVigilWasAwayArriveWithTheirTimesExactlyOnce() {
        AgentProcess east = fleet.startAgent("east", null);
        fleet.awaitLocations("web-home", "east up");
        fleet.stopVigil();
        Instant away = Instant.now();

        sleep(4_000);
        east.stop(); // the agent restarts too, while Vigil is still away: what it buffered stays on disk
        AgentProcess again = fleet.startAgent("east", null);
        sleep(4_000);
        Instant back = Instant.now();
        fleet.startVigil(YAML.formatted(target.url()), port);

        RunningVigil.await(AgentFleet.PATIENCE, "the results taken while Vigil was away", () -> fleet.rows(
                "SELECT COUNT(*) FROM check_results WHERE location = 'east' AND started_at > " + away.toEpochMilli()
                        + " AND started_at < " + back.toEpochMilli()) >= 5);
        sleep(2_000);

        assertThat(fleet.rows("SELECT COUNT(*) FROM check_results WHERE location = 'east' AND started_at > "
                + away.toEpochMilli() + " AND started_at < " + away.plusSeconds(4).toEpochMilli()))
                .as("checked before the agent's restart, sent after it").isGreaterThanOrEqualTo(2);
        assertThat(fleet.rows("SELECT COUNT(*) FROM check_results WHERE location = 'east' AND started_at > "
                + back.minusSeconds(3).toEpochMilli() + " AND started_at < " + back.toEpochMilli()))
                .as("checked by the restarted agent while Vigil was still away").isGreaterThanOrEqualTo(1);
        assertThat(fleet.rows("SELECT COUNT(*) FROM check_results WHERE location = 'east'"))
                .as("each result once").isEqualTo(fleet.rows("SELECT COUNT(*) FROM (SELECT DISTINCT probe_id, "
                        + "scheduled_at FROM check_results WHERE location = 'east') once"));
        assertThat(again.log()).contains("cannot reach the server");
        assertThat(again.log()).contains("The agent's buffer holds");
        assertThat(fleet.outages()).isEmpty();
    }

    @Test
    void aLocationThatIsTheWholeQuorumOpensAnOutageOnItsOwn() {
        fleet.startAgent("east", null);
        fleet.awaitLocations("web-home", "east up");

        target.answer(503);

        RunningVigil.await(AgentFleet.PATIENCE, "the outage seen from east alone", () -> !fleet.outages().isEmpty());
        assertThat(fleet.outages().get(0).firstFailureReason()).contains("seen from east");
        assertThat(List.of(fleet.probe("web-home").get("status").asText())).containsExactly("down");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
