package dev.vigil.telemetry;

import dev.vigil.engine.EngineHealth;
import dev.vigil.engine.EngineObserver;
import dev.vigil.engine.SkipReason;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;

/**
 * The probe engine's own figures, the running totals behind /health's last-minute view: how late checks
 * start and which were skipped, why. Called on the engine's timer thread, so each call only counts.
 * The start lag has no probe label: it measures Vigil, not a target, and 10,000 probes would make it huge.
 */
final class EngineMetrics implements EngineObserver {
    /** Seconds; 2 s is where /health calls the engine behind ({@link EngineHealth#BEHIND_LAG_P99}). */
    static final double[] LAG_BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30};

    private final Histogram startLags;
    private final Counter skipped;

    EngineMetrics(PrometheusRegistry registry) {
        startLags = Histogram.builder().name("vigil_check_start_lag_seconds").unit(Unit.SECONDS)
                .help("How long each check waited on Vigil itself (its timer, the in-flight limit) before it started")
                .classicOnly().classicUpperBounds(LAG_BUCKETS).withoutExemplars().register(registry);
        skipped = Counter.builder().name("vigil_checks_skipped_total")
                .help("Due checks that did not run, by reason (the same reasons as /health's skipped_by_reason)")
                .labelNames("reason").withoutExemplars().register(registry);
        for (SkipReason reason : SkipReason.values()) {
            skipped.initLabelValues(reason.key());
        }
    }

    @Override
    public void checkStarted(Duration startLag) {
        startLags.observe(startLag.toNanos() / 1e9);
    }

    @Override
    public void checkSkipped(SkipReason reason) {
        skipped.labelValues(reason.key()).inc();
    }
}
