package dev.vigil.outages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for outages. Callers own the transaction. */
public final class OutageStore {

    /** Opens an outage whose confirmation is not counted in checks. */
    public long open(Handle handle, String probeId, String componentId, ProbeTransition t) {
        return open(handle, probeId, componentId, t, null);
    }

    /** @param confirmingChecks how many failed checks in a row confirmed it, or null when none did as such */
    public long open(Handle handle, String probeId, String componentId, ProbeTransition t, Integer confirmingChecks) {
        return handle.createQuery("""
                INSERT INTO outages (probe_id, component_id, started_at, confirmed_at, first_failure_reason,
                                     confirming_checks)
                VALUES (:probe, :component, :started, :confirmed, :reason, :checks) RETURNING id""")
                .bind("probe", probeId).bind("component", componentId).bind("checks", confirmingChecks)
                .bind("started", t.at().toEpochMilli()).bind("confirmed", t.confirmedAt().toEpochMilli())
                .bind("reason", t.reason() == null ? "check failed" : t.reason())
                .mapTo(Long.class).one();
    }

    /** Closes the probe's open outage, returning it as closed, or empty when none was open. */
    public Optional<Outage> close(Handle handle, String probeId, ProbeTransition t) {
        Optional<Outage> open = openFor(handle, probeId);
        open.ifPresent(o -> handle.createUpdate(
                        "UPDATE outages SET ended_at = :ended, recovery_confirmed_at = :confirmed WHERE id = :id")
                .bind("ended", t.at().toEpochMilli()).bind("confirmed", t.confirmedAt().toEpochMilli())
                .bind("id", o.id()).execute());
        return open.map(o -> new Outage(o.id(), o.probeId(), o.componentId(), o.startedAt(), o.confirmedAt(),
                o.firstFailureReason(), t.at(), t.confirmedAt(), o.incidentId(), null, o.confirmingChecks()));
    }

    /**
     * Closes the probe's open outage without a recovery, at the given time and for the given reason
     * (its probe was removed): no check confirmed anything, so recovery_confirmed_at stays empty.
     */
    public Optional<Outage> closeWithoutRecovery(Handle handle, String probeId, Instant at, String reason) {
        Optional<Outage> open = openFor(handle, probeId);
        open.ifPresent(o -> handle.createUpdate("UPDATE outages SET ended_at = :ended, end_reason = :reason WHERE id = :id")
                .bind("ended", at.toEpochMilli()).bind("reason", reason).bind("id", o.id()).execute());
        return open.map(o -> new Outage(o.id(), o.probeId(), o.componentId(), o.startedAt(), o.confirmedAt(),
                o.firstFailureReason(), at, null, o.incidentId(), reason, o.confirmingChecks()));
    }

    public Optional<Outage> openFor(Handle handle, String probeId) {
        return handle.createQuery("SELECT * FROM outages WHERE probe_id = :probe AND ended_at IS NULL")
                .bind("probe", probeId).map((rs, ctx) -> outage(rs)).findOne();
    }

    public Optional<Outage> find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM outages WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> outage(rs)).findOne();
    }

    public List<Outage> openForIncident(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM outages WHERE incident_id = :incident AND ended_at IS NULL")
                .bind("incident", incidentId).map((rs, ctx) -> outage(rs)).list();
    }

    public List<Outage> forIncident(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM outages WHERE incident_id = :incident ORDER BY started_at")
                .bind("incident", incidentId).map((rs, ctx) -> outage(rs)).list();
    }

    public List<Outage> since(Handle handle, Instant since) {
        return handle.createQuery("SELECT * FROM outages WHERE ended_at IS NULL OR ended_at >= :since ORDER BY started_at")
                .bind("since", since.toEpochMilli()).map((rs, ctx) -> outage(rs)).list();
    }

    public void attachToIncident(Handle handle, long outageId, long incidentId) {
        handle.createUpdate("UPDATE outages SET incident_id = :incident WHERE id = :id")
                .bind("incident", incidentId).bind("id", outageId).execute();
    }

    private static Outage outage(ResultSet rs) throws SQLException {
        long ended = rs.getLong("ended_at");
        boolean open = rs.wasNull();
        long recovered = rs.getLong("recovery_confirmed_at");
        boolean unrecovered = rs.wasNull();
        long incident = rs.getLong("incident_id");
        boolean noIncident = rs.wasNull();
        int checks = rs.getInt("confirming_checks");
        boolean uncounted = rs.wasNull();
        return new Outage(rs.getLong("id"), rs.getString("probe_id"), rs.getString("component_id"),
                Instant.ofEpochMilli(rs.getLong("started_at")), Instant.ofEpochMilli(rs.getLong("confirmed_at")),
                rs.getString("first_failure_reason"),
                open ? null : Instant.ofEpochMilli(ended), unrecovered ? null : Instant.ofEpochMilli(recovered),
                noIncident ? null : incident, rs.getString("end_reason"), uncounted ? null : checks);
    }
}
