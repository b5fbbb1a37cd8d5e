package dev.vigil.outages;

import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.probes.ProbeStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for each probe's state machine per location (issue 11) and its history of changes. Callers own the
 * transaction and hold the probe's row lock ({@link #lockProbe}) while they change a probe's locations, so that
 * two locations' results for one probe are applied one after the other.
 */
final class LocationStateStore {

    /** Locks the probe's row until the transaction ends (a no-op update, as ComponentStore.lock does). */
    void lockProbe(Handle handle, String probeId) {
        handle.createUpdate("UPDATE probes SET version = version WHERE id = :id").bind("id", probeId).execute();
    }

    Optional<LocationState> load(Handle handle, String probeId, String location) {
        return handle.createQuery("SELECT * FROM probe_locations WHERE probe_id = :probe AND location = :location")
                .bind("probe", probeId).bind("location", location)
                .map((rs, ctx) -> state(rs)).findOne();
    }

    /** Every location that has reported the probe, by name. */
    Map<String, LocationState> all(Handle handle, String probeId) {
        return handle.createQuery("SELECT * FROM probe_locations WHERE probe_id = :probe ORDER BY location")
                .bind("probe", probeId)
                .reduceResultSet(new LinkedHashMap<>(), (map, rs, ctx) -> {
                    map.put(rs.getString("location"), state(rs));
                    return map;
                });
    }

    void save(Handle handle, String probeId, String location, LocationState state) {
        String sets = """
                status = :status, status_since = :since,
                fail_streak = :failCount, fail_started_at = :failSince, fail_reason = :failReason,
                ok_streak = :okCount, ok_started_at = :okSince, slow_streak = :slowCount, slow_started_at = :slowSince,
                fast_streak = :fastCount, fast_started_at = :fastSince, last_checked_at = :lastChecked,
                last_reason = :lastReason""";
        int updated = bind(handle.createUpdate("UPDATE probe_locations SET " + sets
                + " WHERE probe_id = :probe AND location = :location"), probeId, location, state).execute();
        if (updated == 0) {
            bind(handle.createUpdate("""
                    INSERT INTO probe_locations (probe_id, location, status, status_since, fail_streak, fail_started_at,
                        fail_reason, ok_streak, ok_started_at, slow_streak, slow_started_at, fast_streak,
                        fast_started_at, last_checked_at, last_reason)
                    VALUES (:probe, :location, :status, :since, :failCount, :failSince, :failReason, :okCount,
                        :okSince, :slowCount, :slowSince, :fastCount, :fastSince, :lastChecked, :lastReason)"""),
                    probeId, location, state).execute();
        }
    }

    /** A probe that is retired or moves to the server alone starts afresh at its locations when it returns. */
    void forget(Handle handle, String probeId) {
        handle.createUpdate("DELETE FROM probe_locations WHERE probe_id = :probe").bind("probe", probeId).execute();
    }

    void appendChange(Handle handle, String probeId, String location, ProbeTransition t) {
        handle.createUpdate("""
                INSERT INTO probe_location_changes (probe_id, location, at, from_status, to_status, reason)
                VALUES (:probe, :location, :at, :from, :to, :reason)""")
                .bind("probe", probeId).bind("location", location).bind("at", t.at().toEpochMilli())
                .bind("from", t.from().name()).bind("to", t.to().name())
                .bind("reason", t.reason() == null ? "check failed" : t.reason())
                .execute();
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bind(T statement, String probeId,
            String location, LocationState state) {
        ProbeState s = state.machine();
        return statement.bind("probe", probeId).bind("location", location)
                .bind("status", s.status().name()).bind("since", millis(state.statusSince()))
                .bind("failCount", s.failStreak().count()).bind("failSince", millis(s.failStreak().since()))
                .bind("failReason", s.failReason())
                .bind("okCount", s.okStreak().count()).bind("okSince", millis(s.okStreak().since()))
                .bind("slowCount", s.slowStreak().count()).bind("slowSince", millis(s.slowStreak().since()))
                .bind("fastCount", s.fastStreak().count()).bind("fastSince", millis(s.fastStreak().since()))
                .bind("lastChecked", millis(s.lastCheckedAt())).bind("lastReason", state.lastReason());
    }

    private static LocationState state(ResultSet rs) throws SQLException {
        ProbeState machine = new ProbeState(ProbeStatus.valueOf(rs.getString("status")),
                streak(rs, "fail_streak", "fail_started_at"), rs.getString("fail_reason"),
                streak(rs, "ok_streak", "ok_started_at"), streak(rs, "slow_streak", "slow_started_at"),
                streak(rs, "fast_streak", "fast_started_at"), instant(rs, "last_checked_at"));
        return new LocationState(machine, instant(rs, "status_since"), rs.getString("last_reason"));
    }

    private static Streak streak(ResultSet rs, String count, String since) throws SQLException {
        int n = rs.getInt(count);
        return n == 0 ? Streak.NONE : new Streak(n, instant(rs, since));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
