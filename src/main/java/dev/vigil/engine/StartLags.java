package dev.vigil.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last minute of the engine's work, for /health: how late each check started (Vigil's own part of the
 * delay) and which checks were skipped, why. Times are System.nanoTime values. Thread-safe.
 */
final class StartLags {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Sample(long atNanos, long lagNanos) {}

    private record Skipped(long atNanos, SkipReason reason) {}

    private final ArrayDeque<Sample> starts = new ArrayDeque<>();
    private final ArrayDeque<Skipped> skips = new ArrayDeque<>();
    private final ArrayDeque<Long> unrecorded = new ArrayDeque<>();

    synchronized void started(long atNanos, long lagNanos) {
        starts.addLast(new Sample(atNanos, lagNanos));
        prune(atNanos);
    }

    synchronized void skipped(long atNanos, SkipReason reason) {
        skips.addLast(new Skipped(atNanos, reason));
        prune(atNanos);
    }

    /** A skipped check that could not even be queued for the database: the database is far behind. */
    synchronized void unrecorded(long atNanos) {
        unrecorded.addLast(atNanos);
        prune(atNanos);
    }

    synchronized EngineHealth health(long nowNanos, int inFlight, int waiting) {
        prune(nowNanos);
        long[] lags = starts.stream().mapToLong(Sample::lagNanos).sorted().toArray();
        Map<SkipReason, Integer> byReason = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            byReason.put(reason, 0);
        }
        skips.forEach(s -> byReason.merge(s.reason(), 1, Integer::sum));
        return new EngineHealth(millis(percentile(lags, 50)), millis(percentile(lags, 99)),
                millis(lags.length == 0 ? 0 : lags[lags.length - 1]), lags.length, byReason, unrecorded.size(),
                inFlight, waiting);
    }

    /** The nearest-rank percentile: the smallest value that at least p% of the values do not exceed. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private void prune(long nowNanos) {
        long oldest = nowNanos - WINDOW.toNanos();
        while (!starts.isEmpty() && starts.peekFirst().atNanos() < oldest) {
            starts.removeFirst();
        }
        while (!skips.isEmpty() && skips.peekFirst().atNanos() < oldest) {
            skips.removeFirst();
        }
        while (!unrecorded.isEmpty() && unrecorded.peekFirst() < oldest) {
            unrecorded.removeFirst();
        }
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
