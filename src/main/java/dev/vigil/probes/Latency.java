package dev.vigil.probes;

import java.util.List;
import java.util.Optional;

/**
 * How fast a probe's target answered over some time, read from the roll-ups' histograms: percentiles by
 * nearest rank, each within one bucket of the exact value ({@link LatencyBuckets}).
 *
 * @param answered checks that got an answer in time (up or degraded), which the histogram holds
 * @param maxMillis the slowest check of any outcome but skipped, 0 when none ran
 */
public record Latency(long answered, Optional<Long> p50Millis, Optional<Long> p95Millis, Optional<Long> p99Millis,
        long maxMillis) {

    /** The latency of the checks the roll-ups sum up. */
    public static Latency of(List<CheckRollup> rollups) {
        long[] counts = new long[LatencyBuckets.COUNT];
        long max = 0;
        long answered = 0;
        for (CheckRollup r : rollups) {
            long[] latency = r.latency();
            for (int k = 0; k < counts.length; k++) {
                counts[k] += latency[k];
                answered += latency[k];
            }
            max = Math.max(max, r.maxMillis());
        }
        return new Latency(answered, LatencyBuckets.percentile(counts, 50, max),
                LatencyBuckets.percentile(counts, 95, max), LatencyBuckets.percentile(counts, 99, max), max);
    }
}
