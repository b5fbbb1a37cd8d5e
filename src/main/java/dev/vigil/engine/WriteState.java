package dev.vigil.engine;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the recorder's writes get through, and since when they do not (issue 11). A fault episode begins with
 * the first write that fails, or that has waited longer than {@link #STALLED_AFTER} (a lock held elsewhere keeps
 * a write waiting rather than failing it), and ends with the next write that succeeds. Each episode is logged
 * once as it begins and once as it ends, never once per check.
 */
final class WriteState {
    /** A write still waiting for the database after this long counts as failing, for /health. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(WriteState.class);

    /** What went wrong, and since when (System.nanoTime). */
    record Problem(String reason, long sinceNanos) {}

    private long attemptSinceNanos;
    private boolean attempting;
    private long faultSinceNanos;
    private String faultReason;
    private boolean droppedThisEpisode;
    private Duration lastEpisode = Duration.ZERO;

    synchronized void attempting(long nowNanos) {
        attempting = true;
        attemptSinceNanos = nowNanos;
    }

    /** The write failed; the first failure of an episode is logged. */
    synchronized void failed(String reason, int waiting, int bound, long nowNanos) {
        attempting = false;
        if (faultReason == null) {
            faultSinceNanos = attemptSinceNanos;
            log.warn("Probe results cannot be written: {}. They wait in memory (now {}, at most {}) and are written "
                    + "in order once the database takes them; Vigil keeps retrying", reason, waiting, bound);
        }
        faultReason = reason;
    }

    /** The write succeeded; the end of an episode is logged with what it cost. */
    synchronized void written(int waiting, long dropped, long nowNanos) {
        attempting = false;
        long since = faultReason != null ? faultSinceNanos : attemptSinceNanos;
        boolean ended = faultReason != null || nowNanos - attemptSinceNanos > STALLED_AFTER.toNanos();
        lastEpisode = Duration.ofNanos(nowNanos - since);
        if (ended) {
            log.info("The database takes probe results again after {} s; {} results still wait and are being "
                    + "written, {} were dropped in all (recorded as no data)", lastEpisode.toSeconds(), waiting, dropped);
        }
        faultReason = null;
        droppedThisEpisode = false;
    }

    /** Returns true for the first drop of an episode, which is then logged by the caller. */
    synchronized boolean firstDrop() {
        boolean first = !droppedThisEpisode;
        droppedThisEpisode = true;
        return first;
    }

    /** How long the last write took to get through, counted from the first failed attempt when it failed. */
    synchronized Duration lastEpisode() {
        return lastEpisode;
    }

    /** What is wrong now, if anything: a failed write not yet followed by one that succeeded, or a long wait. */
    synchronized Problem problem(long nowNanos) {
        if (faultReason != null) {
            return new Problem(faultReason, faultSinceNanos);
        }
        long waited = nowNanos - attemptSinceNanos;
        if (attempting && waited > STALLED_AFTER.toNanos()) {
            return new Problem("a write has waited " + Duration.ofNanos(waited).toSeconds() + " s for the database "
                    + "(is it locked by another connection, or is its disk slow?)", attemptSinceNanos);
        }
        return null;
    }
}
