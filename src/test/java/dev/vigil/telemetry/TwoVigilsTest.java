package dev.vigil.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several Vigils in one JVM (as in this test suite) each count their own checks and nothing of the other's. */
class TwoVigilsTest {

    @Test
    void eachVigilShowsOnlyItsOwnProbesChecksAndAgents(@TempDir Path first, @TempDir Path second) {
        try (TargetServer target = TargetServer.start();
                RunningVigil north = RunningVigil.start(first, MetricsEndpointTest.oneProbe("north-api", target.url()));
                RunningVigil south = RunningVigil.start(second, "components:\n  - {id: api, name: API}\n")) {
            north.vigil().telemetry().agentSeen("north-1", Instant.now());
            MetricsEndpointTest.awaitScrape(north, "north's checks", s ->
                    s.value("vigil_checks_total", "outcome", "up").orElse(0.0) >= 2);

            Scrape southScrape = MetricsEndpointTest.scrape(south);

            assertThat(southScrape.matching("vigil_probe_up")).isEmpty();
            assertThat(southScrape.matching("vigil_check_duration_seconds_count")).isEmpty();
            assertThat(southScrape.value("vigil_checks_total", "outcome", "up")).contains(0.0);
            assertThat(southScrape.value("vigil_check_start_lag_seconds_count")).contains(0.0);
            assertThat(southScrape.hasFamily("vigil_agent_last_seen_timestamp_seconds")).isFalse();
            // Each still has the JVM's figures, the same JVM seen from both.
            assertThat(southScrape.hasFamily("jvm_memory_used_bytes")).isTrue();
            assertThat(MetricsEndpointTest.scrape(north).value("vigil_agent_last_seen_timestamp_seconds",
                    "location", "north-1")).isPresent();
        }
    }
}
