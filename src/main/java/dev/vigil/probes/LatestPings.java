package dev.vigil.probes;

import java.time.Instant;

/**
 * The pings a heartbeat's verdict depends on.
 *
 * @param watchedSince when Vigil began waiting for this heartbeat's pings: the deadline of a job that never pinged
 *     counts from here; null when the heartbeat is not followed
 * @param lastSuccess the latest success ping, or null
 * @param lastFail the latest fail ping, or null
 */
public record LatestPings(Instant watchedSince, Instant lastSuccess, Instant lastFail) {
    public static final LatestPings NONE = new LatestPings(null, null, null);

    public LatestPings withSuccess(Instant at) {
        return new LatestPings(watchedSince, later(lastSuccess, at), lastFail);
    }

    public LatestPings withFail(Instant at) {
        return new LatestPings(watchedSince, lastSuccess, later(lastFail, at));
    }

    /** Whether the latest word from the job is that its run failed. */
    public boolean failedLast() {
        return lastFail != null && (lastSuccess == null || lastFail.isAfter(lastSuccess));
    }

    // Two pings answered at once may be applied out of order; the later one wins either way.
    private static Instant later(Instant known, Instant at) {
        return known == null || at.isAfter(known) ? at : known;
    }
}
