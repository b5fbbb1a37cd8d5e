package dev.vigil.outages;

import dev.vigil.probes.ProbeStatus;
import java.time.Instant;

/**
 * Where a probe's state machine stands: its confirmed status and the streaks that may change it.
 * Stored whole after every check, so a restart resumes a half-confirmed failure or recovery.
 *
 * <p>Each streak remembers when it started, because a transition is dated from the first check of
 * the run that confirmed it, not from the check that crossed the threshold.
 *
 * @param failStreak consecutive DOWN results
 * @param okStreak consecutive results that were not DOWN
 * @param slowStreak consecutive results that were DEGRADED or DOWN
 * @param fastStreak consecutive UP results
 */
public record ProbeState(
        ProbeStatus status,
        Streak failStreak,
        String failReason,
        Streak okStreak,
        Streak slowStreak,
        Streak fastStreak,
        Instant lastCheckedAt) {

    public static ProbeState initial() {
        return new ProbeState(ProbeStatus.UP, Streak.NONE, null, Streak.NONE, Streak.NONE, Streak.NONE, null);
    }

    /** A run of consecutive results of one kind; since is null when the run is empty. */
    public record Streak(int count, Instant since) {
        public static final Streak NONE = new Streak(0, null);

        Streak extend(Instant at) {
            return new Streak(count + 1, count == 0 ? at : since);
        }
    }
}
