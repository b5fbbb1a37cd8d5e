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
 * @param interval the probe's interval: a check that ran vouches for its probe from scheduledAt until the next
 *     check is due, which is what uptime counts as time with data
 */
public record CheckResult(
        String probeId,
        Instant scheduledAt,
        Instant startedAt,
        Duration duration,
        Duration timeToFirstByte,
        Outcome outcome,
        String reason,
        Integer statusCode,
        Duration interval) {

    /** The interval a probe has unless it says otherwise (the configuration's default). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public CheckResult {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a check's interval must be positive, not " + interval);
        }
    }

    /** A result of a probe checked at the default interval. */
    public CheckResult(String probeId, Instant scheduledAt, Instant startedAt, Duration duration,
            Duration timeToFirstByte, Outcome outcome, String reason, Integer statusCode) {
        this(probeId, scheduledAt, startedAt, duration, timeToFirstByte, outcome, reason, statusCode,
                DEFAULT_INTERVAL);
    }

    public static CheckResult of(String probeId, Instant at, Outcome outcome, String reason) {
        return new CheckResult(probeId, at, at, Duration.ZERO, null, outcome, reason, null);
    }

    /** The same result of a probe checked at this interval: the engine, which schedules the probe, knows it. */
    public CheckResult every(Duration probeInterval) {
        return new CheckResult(probeId, scheduledAt, startedAt, duration, timeToFirstByte, outcome, reason, statusCode,
                probeInterval);
    }

    /** When the probe's next check is due: the end of the time this one vouches for. */
    public Instant nextDueAt() {
        return scheduledAt.plus(interval);
    }
}
