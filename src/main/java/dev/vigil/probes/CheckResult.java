package dev.vigil.probes;

import java.time.Duration;
import java.time.Instant;

/**
 * One check of one probe, as stored.
 *
 * @param scheduledAt when the probe engine meant to run it; startedAt minus this is the start lag
 * @param startedAt when it started; for a {@link Outcome#SKIPPED} check, when it was given up
 * @param timeToFirstByte null when no response headers arrived
 * @param statusCode null when no HTTP response arrived
 * @param reason a sentence a person understands ("status 503", "timeout after 5 s"); "OK" when up
 */
public record CheckResult(
        String probeId,
        Instant scheduledAt,
        Instant startedAt,
        Duration duration,
        Duration timeToFirstByte,
        Outcome outcome,
        String reason,
        Integer statusCode) {

    public static CheckResult of(String probeId, Instant at, Outcome outcome, String reason) {
        return new CheckResult(probeId, at, at, Duration.ZERO, null, outcome, reason, null);
    }
}
