package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineHealthTest {
    private static final long MS = Duration.ofMillis(1).toNanos();
    private static final long START = Duration.ofHours(1).toNanos();

    @Test
    void percentilesAreTheNearestRank() {
        long[] lags = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};

        assertThat(StartLags.percentile(lags, 50)).isEqualTo(5);
        assertThat(StartLags.percentile(lags, 99)).isEqualTo(100);
        assertThat(StartLags.percentile(new long[0], 99)).isZero();
    }

    @Test
    void onlyTheLastMinuteCounts() {
        StartLags lags = new StartLags();
        lags.started(START, 5_000 * MS);
        lags.skipped(START, SkipReason.IN_FLIGHT_LIMIT);
        lags.started(START + 30_000 * MS, 10 * MS);

        EngineHealth later = lags.health(START + 61_000 * MS, 0, 0);

        assertThat(later.checksStarted()).isEqualTo(1);
        assertThat(later.lagMaxMs()).isEqualTo(10);
        assertThat(later.skippedTotal()).isZero();
        assertThat(later.behind()).isFalse();
    }

    @Test
    void startingLaterThanTheThresholdMeansBehind() {
        StartLags lags = new StartLags();
        for (int i = 0; i < 98; i++) {
            lags.started(START, 5 * MS);
        }
        lags.started(START, EngineHealth.BEHIND_LAG_P99.toNanos() + MS);
        lags.started(START, EngineHealth.BEHIND_LAG_P99.toNanos() + MS);

        EngineHealth health = lags.health(START, 0, 0);

        assertThat(health.lagP50Ms()).isEqualTo(5);
        assertThat(health.lagP99Ms()).isGreaterThan(EngineHealth.BEHIND_LAG_P99.toMillis());
        assertThat(health.behind()).isTrue();
    }

    @Test
    void skipsForVigilsOwnReasonsMeanBehindAndASlowTargetsDoNot() {
        EngineHealth slowTarget = health(Map.of(SkipReason.HOST_LIMIT, 40, SkipReason.PREVIOUS_RUNNING, 3), 0);
        EngineHealth full = health(Map.of(SkipReason.IN_FLIGHT_LIMIT, 1), 0);
        EngineHealth lateTimer = health(Map.of(SkipReason.TIMER_LATE, 1), 0);
        EngineHealth unrecorded = health(Map.of(), 1);

        assertThat(slowTarget.behind()).isFalse();
        assertThat(slowTarget.skippedTotal()).isEqualTo(43);
        assertThat(full.behind()).isTrue();
        assertThat(lateTimer.behind()).isTrue();
        assertThat(unrecorded.behind()).isTrue();
    }

    private static EngineHealth health(Map<SkipReason, Integer> skipped, int unrecorded) {
        return new EngineHealth(1, 1, 1, 10, skipped, unrecorded, 0, 0);
    }
}
