package dev.vigil.probes;

import java.time.Instant;
import java.util.Arrays;

/**
 * The results of one probe in one period, summed: how many checks ended how, their total and longest
 * duration, and the latency histogram of the answered ones (up or degraded; a down check's duration is
 * mostly its timeout, which says nothing about how fast the service answers). Skipped checks are counted
 * apart and never as up. Mutable while a roll-up run folds results into it.
 */
public final class CheckRollup {
    private final String probeId;
    private final RollupPeriod period;
    private final Instant start;
    private int up;
    private int degraded;
    private int down;
    private int skipped;
    private long totalMillis;
    private int maxMillis;
    private final long[] latency;

    public CheckRollup(String probeId, RollupPeriod period, Instant start) {
        this(probeId, period, start, 0, 0, 0, 0, 0, 0, new long[LatencyBuckets.COUNT]);
    }

    public CheckRollup(String probeId, RollupPeriod period, Instant start, int up, int degraded, int down,
            int skipped, long totalMillis, int maxMillis, long[] latency) {
        this.probeId = probeId;
        this.period = period;
        this.start = start;
        this.up = up;
        this.degraded = degraded;
        this.down = down;
        this.skipped = skipped;
        this.totalMillis = totalMillis;
        this.maxMillis = maxMillis;
        this.latency = latency.clone();
    }

    /** Counts one result in. */
    public void add(Outcome outcome, long durationMillis) {
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(0, durationMillis));
        switch (outcome) {
            case UP -> up++;
            case DEGRADED -> degraded++;
            case DOWN -> down++;
            case SKIPPED -> skipped++;
        }
        if (outcome == Outcome.SKIPPED) {
            return; // it never ran: no duration
        }
        totalMillis += millis;
        maxMillis = Math.max(maxMillis, millis);
        if (outcome != Outcome.DOWN) {
            latency[LatencyBuckets.of(millis)]++;
        }
    }

    public String probeId() {
        return probeId;
    }

    public RollupPeriod period() {
        return period;
    }

    public Instant start() {
        return start;
    }

    public int up() {
        return up;
    }

    public int degraded() {
        return degraded;
    }

    public int down() {
        return down;
    }

    public int skipped() {
        return skipped;
    }

    /** Checks that ran: up, degraded or down. */
    public int ran() {
        return up + degraded + down;
    }

    public long totalMillis() {
        return totalMillis;
    }

    public int maxMillis() {
        return maxMillis;
    }

    /** The histogram's counts, bucket by bucket ({@link LatencyBuckets}). */
    public long[] latency() {
        return latency.clone();
    }

    long latency(int bucket) {
        return latency[bucket];
    }

    @Override
    public String toString() {
        return probeId + " " + period.column() + " " + start + ": up " + up + ", degraded " + degraded + ", down "
                + down + ", skipped " + skipped + ", total " + totalMillis + " ms, max " + maxMillis + " ms, latency "
                + Arrays.toString(latency);
    }
}
