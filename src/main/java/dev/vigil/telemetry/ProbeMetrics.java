package dev.vigil.telemetry;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The figures taken from each check result on its way to the store: the probe's latest outcome, how long its
 * checks take, and how many checks ended how.
 *
 * <p>Cardinality: Vigil is meant for 10,000 probes, so only two families have a series per probe: up (with
 * degraded beside it) and the duration histogram, whose few classic buckets span 10 ms to 30 s. The per-probe
 * check rate is that histogram's _count; the counter of checks is by outcome alone. A probe that is removed
 * loses its series at the next scrape.
 */
final class ProbeMetrics {
    /** Seconds; a check slower than 30 s has outlived any sensible timeout and lands in +Inf. */
    static final double[] DURATION_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final Map<String, Outcome> latest = new ConcurrentHashMap<>();
    private final Histogram durations;
    private final Counter checks;

    /** @param componentByProbe the active probes with their components, as read at the current scrape */
    ProbeMetrics(PrometheusRegistry registry, Supplier<Map<String, String>> componentByProbe) {
        durations = Histogram.builder().name("vigil_check_duration_seconds").unit(Unit.SECONDS)
                .help("How long each probe's checks took, from start to verdict")
                .labelNames("probe").classicOnly().classicUpperBounds(DURATION_BUCKETS).withoutExemplars()
                .register(registry);
        checks = Counter.builder().name("vigil_checks_total")
                .help("Checks that ran, by outcome (up, degraded, down); skipped ones are vigil_checks_skipped_total")
                .labelNames("outcome").withoutExemplars().register(registry);
        for (Outcome outcome : List.of(Outcome.UP, Outcome.DEGRADED, Outcome.DOWN)) {
            checks.initLabelValues(label(outcome));
        }
        GaugeWithCallback.builder().name("vigil_probe_up")
                .help("1 when the probe's latest check answered as expected (up or degraded), 0 when it was down")
                .labelNames("probe", "component")
                .callback(gauge -> each(componentByProbe.get(), (probe, component, outcome) ->
                        gauge.call(outcome == Outcome.DOWN ? 0 : 1, probe, component)))
                .register(registry);
        GaugeWithCallback.builder().name("vigil_probe_degraded")
                .help("1 when the probe's latest check answered correctly but slower than the probe allows")
                .labelNames("probe", "component")
                .callback(gauge -> each(componentByProbe.get(), (probe, component, outcome) ->
                        gauge.call(outcome == Outcome.DEGRADED ? 1 : 0, probe, component)))
                .register(registry);
    }

    /** Takes in a batch of results; cheap, as it runs on the engine's recorder thread. */
    void record(List<CheckResult> batch) {
        for (CheckResult result : batch) {
            if (result.outcome() == Outcome.SKIPPED) {
                continue; // no data: the latest outcome stands, and the engine counts skips by reason
            }
            latest.put(result.probeId(), result.outcome());
            durations.labelValues(result.probeId()).observe(result.duration().toNanos() / 1e9);
            checks.labelValues(label(result.outcome())).inc();
        }
    }

    /** Drops what is kept for probes that are no longer active. */
    void keepOnly(Set<String> activeProbes) {
        latest.keySet().retainAll(activeProbes);
        durations.removeIf(labels -> !activeProbes.contains(labels.get(0)));
    }

    private interface ProbeSample {
        void accept(String probe, String component, Outcome outcome);
    }

    private void each(Map<String, String> componentByProbe, ProbeSample sample) {
        componentByProbe.forEach((probe, component) -> {
            Outcome outcome = latest.get(probe);
            if (outcome != null) {
                sample.accept(probe, component, outcome);
            }
        });
    }

    private static String label(Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
