package dev.vigil.probes;

import dev.vigil.db.Database;
import dev.vigil.db.ProgressMarks;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * Folds newly written check results into their probe's minute, hour and day roll-ups (issue 11).
 *
 * <p>A job, not the write path: the recorder only appends raw rows, so a batch of results costs one insert
 * each and its transaction stays short, and this job, run every minute (and by the retention job before it
 * deletes anything), sums what was written since its last run in memory and adds it to the stored roll-ups
 * with one upsert per probe and period, not per result: a minute of 100 one-minute probes is 100 raw rows
 * and 300 upserts. Results are taken in the order they were written (by row id), not by when they started,
 * so a slow check recorded late is still counted once, in the minute it started. Where the job has got to
 * is a row of rollup_progress moved in the same transaction as the sums, so a run that dies half-way and
 * runs again never counts a result twice. Vigil has one writer of check results (the recorder), so row ids
 * are committed in order on PostgreSQL too.
 */
public final class CheckRollups {
    static final String MARK = "check_results";
    /** Results folded per transaction: bounded, so that catching up on a large backlog never holds the writer long. */
    static final int CHUNK = 20_000;

    private final Database database;
    private final CheckStore checks;
    private final CheckRollupStore rollups;
    private final ProgressMarks marks = new ProgressMarks();
    private final ZoneId zone;

    public CheckRollups(Database database, CheckStore checks, CheckRollupStore rollups, ZoneId zone) {
        this.database = database;
        this.checks = checks;
        this.rollups = rollups;
        this.zone = zone;
    }

    /** Folds everything written since the last run; returns how many results. */
    public synchronized long run() {
        long folded = 0;
        int chunk;
        do {
            chunk = database.write(this::foldNextChunk);
            folded += chunk;
        } while (chunk == CHUNK);
        return folded;
    }

    /** The id of the last result the roll-ups hold (0 when none): older raw rows may be deleted. */
    public long rolledUpTo(Handle handle) {
        return marks.get(handle, MARK).orElse(0);
    }

    private int foldNextChunk(Handle handle) {
        OptionalLong mark = marks.get(handle, MARK);
        List<CheckStore.Written> written = checks.writtenAfter(handle, mark.orElse(0), CHUNK);
        if (written.isEmpty()) {
            return 0;
        }
        Sums sums = new Sums(zone);
        written.forEach(w -> sums.add(w.probeId(), w.startedAtMillis(), w.outcome(), w.durationMillis()));
        rollups.add(handle, sums.rollups());
        marks.move(handle, MARK, mark, written.get(written.size() - 1).id());
        return written.size();
    }

    /** The results summed per probe, per minute, hour and day of the zone in which each started. */
    public static Collection<CheckRollup> sum(List<CheckResult> results, ZoneId zone) {
        Sums sums = new Sums(zone);
        results.forEach(r -> sums.add(r.probeId(), r.startedAt().toEpochMilli(), r.outcome(), r.duration().toMillis()));
        return sums.rollups();
    }

    /** Roll-ups being summed, by probe, period and start. */
    private static final class Sums {
        private final Map<Key, CheckRollup> sums = new HashMap<>();
        private final Periods periods;

        Sums(ZoneId zone) {
            periods = new Periods(zone);
        }

        void add(String probeId, long startedAt, Outcome outcome, long duration) {
            long minute = Math.floorDiv(startedAt, 60_000L) * 60_000L;
            periods.of(minute);
            add(probeId, RollupPeriod.MINUTE, minute, outcome, duration);
            add(probeId, RollupPeriod.HOUR, periods.hour, outcome, duration);
            add(probeId, RollupPeriod.DAY, periods.day, outcome, duration);
        }

        private void add(String probeId, RollupPeriod period, long start, Outcome outcome, long duration) {
            sums.computeIfAbsent(new Key(probeId, period, start),
                    key -> new CheckRollup(probeId, period, Instant.ofEpochMilli(start))).add(outcome, duration);
        }

        Collection<CheckRollup> rollups() {
            return sums.values();
        }
    }

    private record Key(String probeId, RollupPeriod period, long start) {}

    /** The hour and day of the last minute asked for: results come in time order, so one zone lookup serves many. */
    private static final class Periods {
        private final ZoneId zone;
        private long minute = Long.MIN_VALUE;
        private long hour;
        private long day;

        Periods(ZoneId zone) {
            this.zone = zone;
        }

        void of(long minuteStart) {
            if (minuteStart != minute) {
                Instant at = Instant.ofEpochMilli(minuteStart);
                minute = minuteStart;
                hour = RollupPeriod.HOUR.start(at, zone).toEpochMilli();
                day = RollupPeriod.DAY.start(at, zone).toEpochMilli();
            }
        }
    }
}
