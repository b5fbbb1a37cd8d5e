package dev.vigil.outages;

import dev.vigil.probes.ProbeStatus;
import java.time.Instant;

/**
 * A confirmed change of a probe's status.
 *
 * @param at when the change happened: the first check of the run that confirmed it
 * @param confirmedAt the check that crossed the threshold; confirmedAt minus at is the time to detect
 * @param reason what the checks saw, in words (for an outage: its first failure)
 */
public record ProbeTransition(ProbeStatus from, ProbeStatus to, Instant at, Instant confirmedAt, String reason) {

    public boolean opensOutage() {
        return to == ProbeStatus.DOWN;
    }

    public boolean closesOutage() {
        return from == ProbeStatus.DOWN;
    }
}
