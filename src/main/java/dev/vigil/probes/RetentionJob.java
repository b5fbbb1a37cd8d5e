package dev.vigil.probes;

import dev.vigil.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps raw check results and their minute roll-ups for the retention period (storage.retention), hourly
 * roll-ups for {@link #HOURLY} or the retention period if that is longer, and daily roll-ups for good. It
 * first folds every result written so far into the roll-ups, and deletes only results the roll-ups hold,
 * so no result is lost nor counted twice, whatever the order in which jobs stop and start.
 */
public record RetentionJob(Database database, CheckStore checks, CheckRollups rollups, CheckRollupStore rollupStore,
        Duration retention, Clock clock) {

    /** Long enough for the 90 days of the status page and a margin, short enough to stay small. */
    public static final Duration HOURLY = Duration.ofDays(100);

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    /** Rolls up, then deletes the results and roll-ups past their time; returns how many results were deleted. */
    public int run() {
        rollups.run();
        Instant now = clock.instant();
        Instant cutoff = RollupPeriod.MINUTE.start(now.minus(retention), java.time.ZoneOffset.UTC);
        Instant hourlyCutoff = now.minus(retention.compareTo(HOURLY) > 0 ? retention : HOURLY);
        int deleted = database.write(handle -> {
            int raw = checks.deleteRolledUpBefore(handle, cutoff, rollups.rolledUpTo(handle));
            rollupStore.deleteBefore(handle, RollupPeriod.MINUTE, cutoff);
            rollupStore.deleteBefore(handle, RollupPeriod.HOUR, hourlyCutoff);
            return raw;
        });
        if (deleted > 0) {
            log.info("Removed {} check results older than {}; their roll-ups stay", deleted, cutoff);
        }
        return deleted;
    }
}
