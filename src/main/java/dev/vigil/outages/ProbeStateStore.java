package dev.vigil.outages;

import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.probes.ProbeStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the probes table: each probe's state machine and its status history. Callers own the transaction. */
public final class ProbeStateStore {

    /** A probe's stored state with the version that guards its next update. */
    public record Versioned(ProbeState state, long version, String componentId) {}

    /** Registers a probe of vigil.yml, or updates its target and component; its state is kept. */
    public void register(Handle handle, String probeId, String componentId, String target, Instant now) {
        register(handle, probeId, componentId, target, "config", now);
    }

    /**
     * Registers the probe with its source ('config' or 'console'), or updates its target, component and
     * source, bringing it back if it was retired; its state is kept.
     */
    public void register(Handle handle, String probeId, String componentId, String target, String source,
            Instant now) {
        int updated = handle.createUpdate("""
                        UPDATE probes SET component_id = :component, target = :target, source = :source,
                               retired_at = NULL WHERE id = :id""")
                .bind("id", probeId).bind("component", componentId).bind("target", target).bind("source", source)
                .execute();
        if (updated == 0) {
            handle.createUpdate("""
                    INSERT INTO probes (id, component_id, target, status, fail_streak, ok_streak, slow_streak,
                                        fast_streak, version, source)
                    VALUES (:id, :component, :target, 'UP', 0, 0, 0, 0, 0, :source)""")
                    .bind("id", probeId).bind("component", componentId).bind("target", target)
                    .bind("source", source).execute();
        }
    }

    /** The active probes of vigil.yml not in the list: those a reload or restart without them retires. */
    public List<String> configProbesExcept(Handle handle, List<String> activeIds) {
        return handle.createQuery("SELECT id FROM probes WHERE retired_at IS NULL AND source = 'config' ORDER BY id")
                .mapTo(String.class).list().stream().filter(id -> !activeIds.contains(id)).toList();
    }

    /**
     * Marks one probe retired; its history stays. Returns false when it already was. Only
     * {@link ProbeRetirement} calls it, so that a removed probe's outage never stays open.
     */
    boolean retire(Handle handle, String probeId, Instant now) {
        return handle.createUpdate("UPDATE probes SET retired_at = :now WHERE id = :id AND retired_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", probeId).execute() == 1;
    }

    public boolean isRetired(Handle handle, String probeId) {
        return handle.createQuery("SELECT COUNT(*) FROM probes WHERE id = :id AND retired_at IS NOT NULL")
                .bind("id", probeId).mapTo(Integer.class).one() > 0;
    }

    /** The active probes whose component was retired (console probes of a component that left vigil.yml). */
    public List<String> orphans(Handle handle) {
        return handle.createQuery("""
                SELECT p.id FROM probes p JOIN components c ON c.id = p.component_id
                 WHERE p.retired_at IS NULL AND c.retired_at IS NOT NULL ORDER BY p.id""")
                .mapTo(String.class).list();
    }

    /** Which of the probes are retired. */
    public Set<String> retiredAmong(Handle handle, Collection<String> probeIds) {
        if (probeIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(handle.createQuery("SELECT id FROM probes WHERE id IN (<ids>) AND retired_at IS NOT NULL")
                .bindList("ids", List.copyOf(probeIds)).mapTo(String.class).list());
    }

    /** The stored states of the probes that exist, by id: one query for a batch of results. */
    public Map<String, Versioned> loadAll(Handle handle, Collection<String> probeIds) {
        Map<String, Versioned> states = new HashMap<>();
        if (!probeIds.isEmpty()) {
            handle.createQuery("SELECT * FROM probes WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(probeIds))
                    .map((rs, ctx) -> Map.entry(rs.getString("id"),
                            new Versioned(state(rs), rs.getLong("version"), rs.getString("component_id"))))
                    .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        }
        return states;
    }

    public Optional<Versioned> load(Handle handle, String probeId) {
        return handle.createQuery("SELECT * FROM probes WHERE id = :id")
                .bind("id", probeId)
                .map((rs, ctx) -> new Versioned(state(rs), rs.getLong("version"), rs.getString("component_id")))
                .findOne();
    }

    /**
     * Stores the next state if nobody else stored one since it was loaded (compare-and-set on the
     * version). Returns false when the row moved on, which the caller treats as a lost race.
     */
    public boolean save(Handle handle, String probeId, ProbeState s, long expectedVersion) {
        return saveAll(handle, Map.of(probeId, new Versioned(s, expectedVersion, null))).isEmpty();
    }

    /**
     * Stores each probe's next state, each with its own compare-and-set on the version it was loaded with,
     * in one batch. Returns the probes whose row had moved on (none were saved then, as the caller rolls back).
     */
    public List<String> saveAll(Handle handle, Map<String, Versioned> nextStates) {
        if (nextStates.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch("""
                UPDATE probes SET status = :status,
                       fail_streak = :failCount, fail_started_at = :failSince, fail_reason = :failReason,
                       ok_streak = :okCount, ok_started_at = :okSince,
                       slow_streak = :slowCount, slow_started_at = :slowSince,
                       fast_streak = :fastCount, fast_started_at = :fastSince,
                       last_checked_at = :lastChecked, version = version + 1
                 WHERE id = :id AND version = :version""");
        List<String> ids = List.copyOf(nextStates.keySet());
        for (String id : ids) {
            ProbeState s = nextStates.get(id).state();
            batch.bind("status", s.status().name())
                    .bind("failCount", s.failStreak().count()).bind("failSince", millis(s.failStreak().since()))
                    .bind("failReason", s.failReason())
                    .bind("okCount", s.okStreak().count()).bind("okSince", millis(s.okStreak().since()))
                    .bind("slowCount", s.slowStreak().count()).bind("slowSince", millis(s.slowStreak().since()))
                    .bind("fastCount", s.fastStreak().count()).bind("fastSince", millis(s.fastStreak().since()))
                    .bind("lastChecked", millis(s.lastCheckedAt()))
                    .bind("id", id).bind("version", nextStates.get(id).version())
                    .add();
        }
        int[] counts = batch.execute();
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                moved.add(ids.get(i));
            }
        }
        return moved;
    }

    public void appendTransition(Handle handle, String probeId, ProbeTransition t) {
        handle.createUpdate("""
                INSERT INTO probe_status_changes (probe_id, at, from_status, to_status, reason)
                VALUES (:probe, :at, :from, :to, :reason)""")
                .bind("probe", probeId).bind("at", t.at().toEpochMilli())
                .bind("from", t.from().name()).bind("to", t.to().name()).bind("reason", t.reason())
                .execute();
    }

    /** The component of every probe there ever was, retired ones included, by probe id. */
    public Map<String, String> componentOfEachProbe(Handle handle) {
        return handle.createQuery("SELECT id, component_id FROM probes")
                .reduceRows(new HashMap<String, String>(), (map, row) -> {
                    map.put(row.getColumn("id", String.class), row.getColumn("component_id", String.class));
                    return map;
                });
    }

    /** The confirmed status of every active probe of a component, by probe id. */
    public Map<String, ProbeStatus> statusesOf(Handle handle, String componentId) {
        return handle.createQuery("SELECT id, status FROM probes WHERE component_id = :component AND retired_at IS NULL")
                .bind("component", componentId)
                .reduceRows(new java.util.LinkedHashMap<String, ProbeStatus>(), (map, row) -> {
                    map.put(row.getColumn("id", String.class), ProbeStatus.valueOf(row.getColumn("status", String.class)));
                    return map;
                });
    }

    private static ProbeState state(ResultSet rs) throws SQLException {
        return new ProbeState(
                ProbeStatus.valueOf(rs.getString("status")),
                streak(rs, "fail_streak", "fail_started_at"),
                rs.getString("fail_reason"),
                streak(rs, "ok_streak", "ok_started_at"),
                streak(rs, "slow_streak", "slow_started_at"),
                streak(rs, "fast_streak", "fast_started_at"),
                instant(rs, "last_checked_at"));
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
