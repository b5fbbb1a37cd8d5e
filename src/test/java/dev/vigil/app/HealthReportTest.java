package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.EngineHealth;
import dev.vigil.engine.ResultBacklog;
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

    @Test
    void resultsThatCannotBeWrittenAnswer503SayingWhyForHowLongAndWhatWaits() {
        ResultBacklog stuck = new ResultBacklog(37, 12_400, 0, 100_000, "database is locked", 12_400);

        HealthHandler.Report report = HealthHandler.report(true, true, probes(40, Map.of()), stuck);

        assertThat(report.status()).isEqualTo(503);
        assertThat(report.body()).containsEntry("status", "unhealthy")
                .containsEntry("database", "cannot write results for 12 s: database is locked")
                .containsEntry("reason", "database: cannot write results for 12 s: database is locked");
        assertThat(report.body().get("results")).isEqualTo(Map.of("status", "waiting", "buffered", 37,
                "oldest_age_ms", 12_400L, "dropped", 0L, "buffer_bound", 100_000, "failing_for_ms", 12_400L,
                "failure", "database is locked"));
    }

    @Test
    void resultsStillWaitingToBeWrittenAfterAFaultDoNotMakeVigilUnhealthy() {
        ResultBacklog catchingUp = new ResultBacklog(500, 20_000, 3, 100_000, null, 0);

        HealthHandler.Report report = HealthHandler.report(true, true, probes(40, Map.of()), catchingUp);

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).containsEntry("database", "ok").doesNotContainKey("reason");
        assertThat(report.body().get("results")).isEqualTo(Map.of("status", "ok", "buffered", 500,
                "oldest_age_ms", 20_000L, "dropped", 3L, "buffer_bound", 100_000));
    }

    private static EngineHealth probes(long lagP99Ms, Map<SkipReason, Integer> skipped) {
        return new EngineHealth(5, lagP99Ms, lagP99Ms, 100, skipped, 0, 3, 0);
    }
}
