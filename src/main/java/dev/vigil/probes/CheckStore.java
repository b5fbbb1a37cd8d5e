package dev.vigil.probes;

import dev.vigil.config.ProbeLocations;
import java.time.Duration;
import java.time.Instant;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** SQL for raw check results (their roll-ups are {@link CheckRollupStore}'s). Callers own the transaction. */
public final class CheckStore {

    /** Stores a check the server ran itself (location "server"). */
    public void insert(Handle handle, CheckResult r) {
        insert(handle, r, ProbeLocations.SERVER);
    }

    /** Stores a check taken at the given location: "server", or a probe agent's location (issue 11). */
    public void insert(Handle handle, CheckResult r, String location) {
        insertAll(handle, List.of(r), location);
    }

    /** Stores checks the server ran itself (location "server"). */
    public void insertAll(Handle handle, List<CheckResult> results) {
        insertAll(handle, results, ProbeLocations.SERVER);
    }

    /**
     * Inserts the results, all taken at one location, in one JDBC batch: a batch of results costs one statement,
     * not one per result (plain JDBC rather than Jdbi's binding, which cost more than SQLite's insert itself).
     */
    public void insertAll(Handle handle, List<CheckResult> results, String location) {
        if (results.isEmpty()) {
            return;
        }
        try (PreparedStatement batch = handle.getConnection().prepareStatement("""
                INSERT INTO check_results (probe_id, scheduled_at, started_at, duration_ms, ttfb_ms, outcome, reason,
                                           status_code, interval_ms, location)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CheckResult r : results) {
                batch.setString(1, r.probeId());
                batch.setLong(2, r.scheduledAt().toEpochMilli());
                batch.setLong(3, r.startedAt().toEpochMilli());
                batch.setInt(4, clamp(r.duration()));
                setNullable(batch, 5, r.timeToFirstByte() == null ? null : clamp(r.timeToFirstByte()));
                batch.setString(6, r.outcome().name());
                batch.setString(7, r.reason());
                setNullable(batch, 8, r.statusCode());
                batch.setInt(9, clamp(r.interval()));
                batch.setString(10, location);
                batch.addBatch();
            }
            batch.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static int clamp(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static void setNullable(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /**
     * Whether an agent's result of this probe, location and schedule is stored already (sent again). The
     * repeated "location <> 'server'" lets SQLite use the partial unique index that guards the same.
     */
    public boolean hasAgentResult(Handle handle, String probeId, String location, Instant scheduledAt) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM check_results
                         WHERE probe_id = :probe AND location = :location AND scheduled_at = :scheduled
                           AND location <> 'server'""")
                .bind("probe", probeId).bind("location", location).bind("scheduled", scheduledAt.toEpochMilli())
                .mapTo(Integer.class).one() > 0;
    }

    /** The latest results of a probe, newest first. */
    public List<CheckResult> latest(Handle handle, String probeId, int limit) {
        return handle.createQuery("SELECT * FROM check_results WHERE probe_id = :probe ORDER BY started_at DESC, id DESC LIMIT :limit")
                .bind("probe", probeId).bind("limit", limit)
                .map((rs, ctx) -> result(rs))
                .list();
    }

    public long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM check_results").mapTo(Long.class).one();
    }

    /** What the roll-ups need of a stored result, with its row id, which orders results by when they were written. */
    public record Written(long id, String probeId, long startedAtMillis, long durationMillis, Outcome outcome) {}

    /** Up to limit results written after the one with id afterId, in the order they were written. */
    public List<Written> writtenAfter(Handle handle, long afterId, int limit) {
        return handle.createQuery("""
                        SELECT id, probe_id, started_at, duration_ms, outcome FROM check_results
                         WHERE id > :after ORDER BY id LIMIT :limit""")
                .bind("after", afterId).bind("limit", limit)
                .reduceResultSet(new ArrayList<Written>(limit), (list, rs, ctx) -> {
                    list.add(new Written(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            Outcome.valueOf(rs.getString(5))));
                    return list;
                });
    }

    /** When a check was due, for how long it vouches (its interval), and whether it ran. */
    public record Due(String probeId, long scheduledAtMillis, long intervalMillis, boolean ran) {
        public long nextDueAtMillis() {
            return scheduledAtMillis + intervalMillis;
        }
    }

    /**
     * The checks of every probe started in [from, to), in time order, after the last check of each of the
     * probes before from (which may still vouch for the start of the window).
     */
    public List<Due> dueAround(Handle handle, Collection<String> probeIds, Instant from, Instant to) {
        List<Due> due = new ArrayList<>();
        for (String probeId : probeIds) {
            handle.createQuery("""
                            SELECT probe_id, scheduled_at, interval_ms, outcome FROM check_results
                             WHERE probe_id = :probe AND started_at < :from ORDER BY started_at DESC, id DESC LIMIT 1""")
                    .bind("probe", probeId).bind("from", from.toEpochMilli())
                    .reduceResultSet(due, CheckStore::addDue);
        }
        return handle.createQuery("""
                        SELECT probe_id, scheduled_at, interval_ms, outcome FROM check_results
                         WHERE started_at >= :from AND started_at < :to ORDER BY started_at, id""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .reduceResultSet(due, CheckStore::addDue);
    }

    private static List<Due> addDue(List<Due> due, ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws SQLException {
        long interval = rs.getLong(3);
        // Results stored before V20 have no interval; 60 s was the default, and they are past their retention soon.
        if (rs.wasNull() || interval <= 0) {
            interval = CheckResult.DEFAULT_INTERVAL.toMillis();
        }
        due.add(new Due(rs.getString(1), rs.getLong(2), interval, !Outcome.SKIPPED.name().equals(rs.getString(4))));
        return due;
    }

    /** Deletes the results started before the cutoff that the roll-ups already hold (id at most rolledUpTo). */
    public int deleteRolledUpBefore(Handle handle, Instant cutoff, long rolledUpTo) {
        return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff AND id <= :rolled")
                .bind("cutoff", cutoff.toEpochMilli()).bind("rolled", rolledUpTo).execute();
    }

    public int deleteBefore(Handle handle, Instant cutoff) {
        return handle.createUpdate("DELETE FROM check_results WHERE started_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    private static CheckResult result(ResultSet rs) throws SQLException {
        long ttfb = rs.getLong("ttfb_ms");
        Duration firstByte = rs.wasNull() ? null : Duration.ofMillis(ttfb);
        int status = rs.getInt("status_code");
        Integer code = rs.wasNull() ? null : status;
        long interval = rs.getLong("interval_ms");
        // Results stored before V20 have no interval; 60 s was the default, and they are past their retention soon.
        Duration every = rs.wasNull() || interval <= 0 ? CheckResult.DEFAULT_INTERVAL : Duration.ofMillis(interval);
        return new CheckResult(rs.getString("probe_id"), Instant.ofEpochMilli(rs.getLong("scheduled_at")),
                Instant.ofEpochMilli(rs.getLong("started_at")), Duration.ofMillis(rs.getLong("duration_ms")),
                firstByte, Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), code, every);
    }
}
