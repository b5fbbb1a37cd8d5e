package dev.vigil.outages;

import java.time.Duration;
import java.time.Instant;

/**
 * An outage of one probe.
 *
 * @param startedAt the first failing check
 * @param confirmedAt the check that met failures_to_open
 * @param endedAt the first passing check of the run that closed it, or when its probe was removed; null while open
 * @param endReason null when checks passed again; otherwise why it ended without a recovery (probe removed)
 * @param confirmingChecks how many failed checks in a row confirmed it; null when not recorded (older outages)
 */
public record Outage(
        long id, String probeId, String componentId, Instant startedAt, Instant confirmedAt,
        String firstFailureReason, Instant endedAt, Instant recoveryConfirmedAt, Long incidentId, String endReason,
        Integer confirmingChecks) {

    /** Why an outage ends when its probe is removed while down: nobody checks any more. */
    public static final String PROBE_REMOVED = "probe removed";

    /** Ended, but not by passing checks: monitoring stopped (its probe was removed). */
    public boolean endedWithoutRecovery() {
        return endedAt != null && endReason != null;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public Duration timeToDetect() {
        return Duration.between(startedAt, confirmedAt);
    }
}
