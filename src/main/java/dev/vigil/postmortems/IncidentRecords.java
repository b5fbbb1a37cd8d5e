package dev.vigil.postmortems;

import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The reads a postmortem needs from the incident and probe records: the incidents to choose from,
 * an outage's first failing check, the component names. Read only; callers own the transaction.
 */
public final class IncidentRecords {

    /** An incident offered on the "new postmortem" page. */
    public record Candidate(long id, String name, IncidentStatus status, Impact impact, Instant startedAt,
            Instant resolvedAt) {}

    /** Resolved incidents, most recently resolved first, and the given one whatever its state. */
    public List<Candidate> candidates(Handle handle, Long include, int limit) {
        return handle.createQuery("""
                SELECT * FROM incidents WHERE merged_into_id IS NULL AND (resolved_at IS NOT NULL OR id = :include)
                 ORDER BY CASE WHEN id = :include THEN 0 ELSE 1 END, resolved_at DESC, id DESC LIMIT :limit""")
                .bind("include", include == null ? -1L : include).bind("limit", limit)
                .map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getString("name"),
                        IncidentStatus.fromApiName(rs.getString("status")), Impact.fromApiName(rs.getString("impact")),
                        Instant.ofEpochMilli(rs.getLong("started_at")), PostmortemStore.instant(rs, "resolved_at")))
                .list();
    }

    /** The first check of the probe at or after the outage's start that failed (a skipped check is no evidence). */
    public Optional<TimelineBuilder.FirstFailure> firstFailure(Handle handle, String probeId, Instant outageStart) {
        return handle.createQuery("""
                SELECT started_at, status_code, reason FROM check_results
                 WHERE probe_id = :probe AND started_at >= :start AND outcome IN ('DOWN', 'DEGRADED')
                 ORDER BY started_at, id LIMIT 1""")
                .bind("probe", probeId).bind("start", outageStart.toEpochMilli())
                .map((rs, ctx) -> {
                    int code = rs.getInt("status_code");
                    Integer statusCode = rs.wasNull() ? null : code;
                    return new TimelineBuilder.FirstFailure(Instant.ofEpochMilli(rs.getLong("started_at")),
                            statusCode, rs.getString("reason"));
                })
                .findOne();
    }

    public Map<String, String> componentNames(Handle handle) {
        return handle.createQuery("SELECT id, name FROM components")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getString("name")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
