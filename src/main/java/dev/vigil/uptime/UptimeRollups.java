package dev.vigil.uptime;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.db.Database;
import dev.vigil.db.ProgressMarks;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.RetentionJob;
import dev.vigil.probes.RollupPeriod;
import dev.vigil.uptime.UptimeCalculator.Share;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * Computes each component's uptime per hour and per day into uptime_rollups, which the 90-day bars read
 * (issue 11). The rule is {@link UptimeCalculator}'s, by time from the component's status history, but the
 * time with data is what its probes really checked ({@link Coverage}) while Vigil ran: a stretch of skipped
 * checks, or of no checks, is no data, never up and never down. A component without probes (its status set
 * by staff) is watched whenever Vigil runs.
 *
 * <p>Each run recomputes, from the raw results, every hour since the last run and the last {@link #SETTLE}
 * (an outage is dated from its first failed check, confirmed a few checks later), replaces those hour rows
 * and sums their days again: replacing, not adding, so running it twice changes nothing. Hours older than
 * that are final; raw results are kept far longer than that (storage.retention is at least a day), so a
 * day's uptime is unchanged when its raw results go. The first run on a store computes the days before it
 * as they were computed before roll-ups existed (from the status history while Vigil ran), so an upgrade
 * keeps the past bars, and the demo's seeded past shows.
 */
public final class UptimeRollups {
    public static final Duration SETTLE = Duration.ofMinutes(15);
    static final String SINCE = "uptime_since";
    static final String DONE = "uptime_done";
    private static final int BACKFILL_DAYS = 91;

    private final Database database;
    private final ComponentStore components;
    private final ProbeStateStore probes;
    private final CheckStore checks;
    private final MonitorSessions sessions;
    private final UptimeRollupStore store = new UptimeRollupStore();
    private final ProgressMarks marks = new ProgressMarks();
    private final ZoneId zone;
    private final Clock clock;

    public UptimeRollups(Database database, ComponentStore components, ProbeStateStore probes, CheckStore checks,
            MonitorSessions sessions, ZoneId zone, Clock clock) {
        this.database = database;
        this.components = components;
        this.probes = probes;
        this.checks = checks;
        this.sessions = sessions;
        this.zone = zone;
        this.clock = clock;
    }

    /** Brings the roll-ups up to now. */
    public synchronized void run() {
        Instant now = clock.instant();
        database.write(handle -> {
            OptionalLong since = marks.get(handle, SINCE);
            Instant horizon = since.isPresent() ? Instant.ofEpochMilli(since.getAsLong())
                    : RollupPeriod.DAY.start(now, zone);
            if (since.isEmpty()) {
                backfill(handle, horizon);
                marks.move(handle, SINCE, since, horizon.toEpochMilli());
            }
            OptionalLong done = marks.get(handle, DONE);
            Instant from = RollupPeriod.HOUR.start(now.minus(SETTLE), zone);
            if (done.isPresent() && done.getAsLong() < from.toEpochMilli()) {
                from = RollupPeriod.HOUR.start(Instant.ofEpochMilli(done.getAsLong()), zone);
            }
            from = from.isBefore(horizon) ? horizon : from;
            if (now.isAfter(from)) {
                recompute(handle, from, now);
            }
            store.delete(handle, UptimeRollupStore.HOUR, Instant.EPOCH, now.minus(RetentionJob.HOURLY));
            marks.move(handle, DONE, done, now.toEpochMilli());
            return null;
        });
    }

    private void recompute(Handle handle, Instant from, Instant now) {
        Map<String, String> componentOf = probes.componentOfEachProbe(handle);
        Map<String, List<CheckStore.Due>> dueOf = new HashMap<>();
        for (CheckStore.Due due : checks.dueAround(handle, componentOf.keySet(), from, now)) {
            String component = componentOf.get(due.probeId());
            if (component != null) {
                dueOf.computeIfAbsent(component, k -> new ArrayList<>()).add(due);
            }
        }
        Map<String, List<StatusChange>> history = historyOf(handle, from);
        List<Interval> watching = Coverage.merged(sessions.coverage(handle, from));
        List<UptimeRollupStore.Row> rows = new ArrayList<>();
        for (Component c : components.all(handle)) {
            List<Interval> coverage = watching;
            if (componentOf.containsValue(c.id())) {
                coverage = Coverage.both(watching, Coverage.vouchedBy(dueOf.getOrDefault(c.id(), List.of())));
            }
            hours(c, from, now, history.getOrDefault(c.id(), List.of()), coverage, rows);
        }
        store.delete(handle, UptimeRollupStore.HOUR, from, now.plus(Duration.ofHours(1)));
        store.insert(handle, UptimeRollupStore.HOUR, rows);
        for (Instant day = RollupPeriod.DAY.start(from, zone); day.isBefore(now); day = RollupPeriod.DAY.next(day, zone)) {
            store.sumDay(handle, day, RollupPeriod.DAY.next(day, zone));
        }
    }

    private void hours(Component c, Instant from, Instant now, List<StatusChange> history, List<Interval> coverage,
            List<UptimeRollupStore.Row> rows) {
        for (Instant hour = from; hour.isBefore(now); hour = RollupPeriod.HOUR.next(hour, zone)) {
            Instant end = RollupPeriod.HOUR.next(hour, zone);
            Instant start = hour.isBefore(c.createdAt()) ? c.createdAt() : hour;
            end = end.isAfter(now) ? now : end;
            if (!end.isAfter(start)) {
                continue;
            }
            Share share = UptimeCalculator.over(new Interval(start, end), history, coverage, now);
            if (!share.observed().isZero()) {
                rows.add(new UptimeRollupStore.Row(c.id(), hour, share));
            }
        }
    }

    /** The days before the roll-ups began, by the rule of that time: the status history while Vigil ran. */
    private void backfill(Handle handle, Instant horizon) {
        Instant start = horizon.minus(Duration.ofDays(BACKFILL_DAYS + 1));
        Map<String, List<StatusChange>> history = historyOf(handle, start);
        List<Interval> watching = Coverage.merged(sessions.coverage(handle, start));
        UptimeCalculator calculator = new UptimeCalculator(zone);
        List<UptimeRollupStore.Row> rows = new ArrayList<>();
        for (Component c : components.all(handle)) {
            for (DayUptime day : calculator.daily(history.getOrDefault(c.id(), List.of()), watching, c.createdAt(),
                    horizon, BACKFILL_DAYS + 1)) {
                if (day.hasData()) {
                    rows.add(new UptimeRollupStore.Row(c.id(), day.date().atStartOfDay(zone).toInstant(),
                            new Share(day.observed(), day.majorOutage(), day.partialOutage(), day.degraded(), day.worst())));
                }
            }
        }
        store.delete(handle, UptimeRollupStore.DAY, start, horizon);
        store.insert(handle, UptimeRollupStore.DAY, rows);
    }

    private Map<String, List<StatusChange>> historyOf(Handle handle, Instant since) {
        Map<String, List<StatusChange>> history = new HashMap<>();
        for (StatusChange change : components.history(handle, since)) {
            history.computeIfAbsent(change.componentId(), k -> new ArrayList<>()).add(change);
        }
        return history;
    }
}
