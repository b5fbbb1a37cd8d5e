package dev.vigil.engine;

import dev.vigil.probes.CheckResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The results waiting for the database, oldest first (issue 11). They wait here for as long as the database
 * cannot take them, so that a lock, a full disk or a restart of PostgreSQL costs no check. At most {@code bound}
 * wait, besides the batch the recorder is writing; when a result arrives at a full buffer the oldest waiting one
 * is dropped for it, and what was dropped is kept, per probe, as a count and a time span, so that it can be
 * recorded as "no data" once the database answers again.
 */
final class ResultBuffer {
    /** About 30 MB of results: at 1,000 checks a minute, well over an hour of them. */
    static final int STANDARD_BOUND = 100_000;

    /** A probe's results that were dropped: how many, and the first and last of them. */
    record Lost(String probeId, int count, CheckResult first, CheckResult last) {
        Lost and(CheckResult another) {
            return new Lost(probeId, count + 1, first, another);
        }
    }

    private record Waiting(CheckResult result, long sinceNanos) {}

    private final int bound;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private final Map<String, Lost> lost = new LinkedHashMap<>();
    private int taken;
    private long takenSinceNanos;
    private long dropped;

    ResultBuffer(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("the result buffer must hold at least one result");
        }
        this.bound = bound;
    }

    int bound() {
        return bound;
    }

    /** Adds a result; returns true when the buffer was full and its oldest waiting result was dropped for it. */
    synchronized boolean add(CheckResult result) {
        boolean full = waiting.size() >= bound;
        if (full) {
            CheckResult oldest = waiting.removeFirst().result();
            lost.merge(oldest.probeId(), new Lost(oldest.probeId(), 1, oldest, oldest), (had, one) -> had.and(oldest));
            dropped++;
        }
        waiting.addLast(new Waiting(result, System.nanoTime()));
        notifyAll();
        return full;
    }

    /**
     * Takes up to max of the oldest results, waiting up to the given time for one to arrive; empty if none did.
     * They count as waiting until {@link #done()}.
     */
    synchronized List<CheckResult> take(int max, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (waiting.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return List.of();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        takenSinceNanos = waiting.peekFirst().sinceNanos();
        List<CheckResult> batch = new ArrayList<>(Math.min(max, waiting.size()));
        while (!waiting.isEmpty() && batch.size() < max) {
            batch.add(waiting.removeFirst().result());
        }
        taken = batch.size();
        return batch;
    }

    /** The batch last taken is written (or given up). */
    synchronized void done() {
        taken = 0;
    }

    /** What was dropped since the last call, per probe, in the order the probes first lost a result. */
    synchronized List<Lost> takeLost() {
        List<Lost> all = List.copyOf(lost.values());
        lost.clear();
        return all;
    }

    /** Results waiting, the batch being written included. */
    synchronized int size() {
        return waiting.size() + taken;
    }

    /** How long the oldest waiting result has waited; zero when none waits. */
    synchronized Duration oldestAge(long nowNanos) {
        long since = taken > 0 ? takenSinceNanos : waiting.isEmpty() ? nowNanos : waiting.peekFirst().sinceNanos();
        return Duration.ofNanos(Math.max(0, nowNanos - since));
    }

    /** Results dropped since Vigil started. */
    synchronized long dropped() {
        return dropped;
    }
}
