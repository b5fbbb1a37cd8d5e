package dev.vigil.probes;

import dev.vigil.config.Durations;
import dev.vigil.config.HeartbeatTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What a heartbeat's pings mean at one moment, as a pure function. A fail ping newer than every success is down
 * from that ping; no success for longer than period plus grace is down from that deadline; otherwise up.
 * A start ping changes nothing here: it only times the run.
 *
 * @param since when this verdict became true (the fail ping, the deadline, the success ping); null when unknown
 */
record HeartbeatVerdict(Outcome outcome, String reason, Instant since) {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    static HeartbeatVerdict of(HeartbeatTarget target, LatestPings pings, Instant now) {
        if (pings.failedLast()) {
            return new HeartbeatVerdict(Outcome.DOWN, "the job reported a failure at " + UTC.format(pings.lastFail()),
                    pings.lastFail());
        }
        Instant reference = pings.lastSuccess() != null ? pings.lastSuccess() : pings.watchedSince();
        if (reference == null) {
            return new HeartbeatVerdict(Outcome.SKIPPED, "the heartbeat is not followed yet", null);
        }
        Instant deadline = reference.plus(target.period()).plus(target.grace());
        String expected = "expected every " + Durations.format(target.period()) + " + "
                + Durations.format(target.grace()) + " grace";
        if (!now.isBefore(deadline)) {
            String last = pings.lastSuccess() == null
                    ? "no ping since it was set up at " + UTC.format(reference)
                    : "no ping since " + UTC.format(reference);
            return new HeartbeatVerdict(Outcome.DOWN, ReasonText.shorten(last + ", " + expected), deadline);
        }
        if (pings.lastSuccess() == null) {
            return new HeartbeatVerdict(Outcome.UP, "waiting for the first ping, due by " + UTC.format(deadline), null);
        }
        return new HeartbeatVerdict(Outcome.UP, "last ping " + ago(Duration.between(reference, now)) + " ago",
                pings.lastSuccess());
    }

    /** Rounded down to its largest unit: "40 s", "12 min", "5 h", "3 days". */
    static String ago(Duration elapsed) {
        Duration positive = elapsed.isNegative() ? Duration.ZERO : elapsed;
        if (positive.compareTo(Duration.ofMinutes(1)) < 0) {
            return positive.toSeconds() + " s";
        }
        if (positive.compareTo(Duration.ofHours(1)) < 0) {
            return positive.toMinutes() + " min";
        }
        if (positive.compareTo(Duration.ofDays(2)) < 0) {
            return positive.toHours() + " h";
        }
        return positive.toDays() + " days";
    }
}
