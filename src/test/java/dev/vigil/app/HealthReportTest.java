package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.EngineHealth;
import dev.vigil.engine.SkipReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void probesThatKeepTheirScheduleLeaveVigilHealthy() {
        HealthHandler.Report report = HealthHandler.report(true, true, probes(40, Map.of(SkipReason.HOST_LIMIT, 12)));

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).containsEntry("status", "ok").containsEntry("database", "ok")
                .containsEntry("scheduler", "running");
        @SuppressWarnings("unchecked")
        Map<String, Object> probes = (Map<String, Object>) report.body().get("probes");
        assertThat(probes).containsEntry("status", "ok").containsEntry("lag_p99_ms", 40L)
                .containsEntry("skipped_last_minute", 12).containsEntry("behind_above_lag_p99_ms", 2_000L);
        assertThat(probes.get("skipped_by_reason")).isEqualTo(Map.of("previous_check_running", 0, "host_limit", 12,
                "in_flight_limit", 0, "timer_late", 0));
    }

    @Test
    void probesFallingBehindAnswer503AndSaySoPlainly() {
        HealthHandler.Report late = HealthHandler.report(true, true, probes(2_500, Map.of()));
        HealthHandler.Report full = HealthHandler.report(true, true, probes(10, Map.of(SkipReason.IN_FLIGHT_LIMIT, 1)));

        assertThat(late.status()).isEqualTo(503);
        assertThat(late.body()).containsEntry("status", "behind");
        assertThat(full.status()).isEqualTo(503);
        assertThat(((Map<?, ?>) full.body().get("probes")).get("status")).isEqualTo("behind");
    }

    @Test
    void anUnreachableDatabaseIsUnhealthyWhateverTheProbes() {
        HealthHandler.Report report = HealthHandler.report(false, true, probes(2_500, Map.of()));

        assertThat(report.status()).isEqualTo(503);
        assertThat(report.body()).containsEntry("status", "unhealthy").containsEntry("database", "unreachable");
    }

    private static EngineHealth probes(long lagP99Ms, Map<SkipReason, Integer> skipped) {
        return new EngineHealth(5, lagP99Ms, lagP99Ms, 100, skipped, 0, 3, 0);
    }
}
