package dev.vigil.probes;

import dev.vigil.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps raw check results for the retention period, then folds them into hourly and daily
 * roll-ups and deletes them, all in one transaction so that a crash never counts a result twice.
 */
public record RetentionJob(Database database, CheckStore checks, Duration retention, ZoneId zone, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Rolls up and deletes the results older than the retention period; returns how many were deleted. */
    public int run() {
        Instant now = clock.instant();
        // Cut at a whole hour so each hourly roll-up is written once, from all of its results.
        Instant cutoff = Instant.ofEpochMilli((now.minus(retention).toEpochMilli() / HOUR) * HOUR);
        // Days start at local midnight; the zone's standard offset is used, so in summer time a day is cut an hour off.
        long offset = zone.getRules().getStandardOffset(now).getTotalSeconds() * 1000L;
        int deleted = database.write(handle -> {
            checks.rollUp(handle, cutoff, "hour", HOUR, 0);
            checks.rollUp(handle, cutoff, "day", DAY, offset);
            return checks.deleteBefore(handle, cutoff);
        });
        if (deleted > 0) {
            log.info("Rolled up and removed {} check results older than {}", deleted, cutoff);
        }
        return deleted;
    }
}
