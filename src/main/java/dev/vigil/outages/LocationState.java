package dev.vigil.outages;

import java.time.Instant;

/**
 * One probe's state machine at one location (issue 11): the same {@link ProbeState} the probes table keeps for a
 * probe, with when its confirmed status began and what its last result said.
 *
 * @param statusSince the first check of the run that confirmed the status; null while it is the initial UP
 * @param lastReason the reason of the last result applied ("OK", "status 503")
 */
public record LocationState(ProbeState machine, Instant statusSince, String lastReason) {

    public static LocationState initial() {
        return new LocationState(ProbeState.initial(), null, null);
    }

    public Instant lastCheckedAt() {
        return machine.lastCheckedAt();
    }

    /** The same state, reporting a result at this time that did not move the machine (an inconclusive one). */
    LocationState reported(Instant at, String reason) {
        ProbeState m = machine;
        return new LocationState(new ProbeState(m.status(), m.failStreak(), m.failReason(), m.okStreak(),
                m.slowStreak(), m.fastStreak(), at), statusSince, reason);
    }
}
