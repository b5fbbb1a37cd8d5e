package dev.vigil.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Changes of an incident's impact after it opened, each an appended row: raised by the automatic
 * incidents as more of the service fails, or corrected by staff. A correction sticks: once staff
 * set the impact, the automatic incidents never change it again. Callers own the transaction.
 */
public final class ImpactChanges {

    /** One change; actor is {@link AutoIncidents#SOURCE} for the automatic incidents, else a person. */
    public record Change(long incidentId, Instant at, Impact from, Impact to, String actor, String actorName) {
        public boolean byStaff() {
            return !AutoIncidents.SOURCE.equals(actor);
        }
    }

    private record Current(Impact impact, boolean corrected) {}

    /**
     * Raises the impact to the given one, unless it is already as high or staff corrected it.
     * Returns whether it changed.
     */
    public boolean raise(Handle handle, long incidentId, Impact to, Instant at) {
        Optional<Current> current = current(handle, incidentId);
        if (current.isEmpty() || current.get().corrected() || current.get().impact().atLeast(to) == current.get().impact()) {
            return false;
        }
        // Compare-and-set: a correction committed meanwhile wins over the automatic raise.
        int changed = handle.createUpdate("""
                UPDATE incidents SET impact = :to
                 WHERE id = :id AND impact = :from AND impact_corrected_at IS NULL""")
                .bind("to", to.apiName()).bind("id", incidentId).bind("from", current.get().impact().apiName())
                .execute();
        if (changed == 0) {
            return false;
        }
        append(handle, new Change(incidentId, at, current.get().impact(), to, AutoIncidents.SOURCE, null));
        return true;
    }

    /**
     * A person sets the impact, higher or lower, and from now on it stays as they set it. Setting
     * the impact it already has still records their decision, once. Returns whether anything changed.
     *
     * @param actor as the audit log names people ("user:3")
     */
    public boolean correct(Handle handle, long incidentId, Impact to, Instant at, String actor, String actorName) {
        Optional<Current> current = current(handle, incidentId);
        if (current.isEmpty() || (current.get().corrected() && current.get().impact() == to)) {
            return false;
        }
        handle.createUpdate("""
                UPDATE incidents SET impact = :to, impact_corrected_at = :at, updated_at = :at WHERE id = :id""")
                .bind("to", to.apiName()).bind("at", at.toEpochMilli()).bind("id", incidentId).execute();
        append(handle, new Change(incidentId, at, current.get().impact(), to, actor, actorName));
        return true;
    }

    /** The incident's impact changes, oldest first. */
    public List<Change> of(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM incident_impact_changes WHERE incident_id = :id ORDER BY at, id")
                .bind("id", incidentId)
                .map((rs, ctx) -> new Change(rs.getLong("incident_id"), Instant.ofEpochMilli(rs.getLong("at")),
                        Impact.fromApiName(rs.getString("from_impact")), Impact.fromApiName(rs.getString("to_impact")),
                        rs.getString("actor"), rs.getString("actor_name")))
                .list();
    }

    private Optional<Current> current(Handle handle, long incidentId) {
        return handle.createQuery("SELECT impact, impact_corrected_at FROM incidents WHERE id = :id")
                .bind("id", incidentId)
                .map((rs, ctx) -> {
                    Impact impact = Impact.fromApiName(rs.getString("impact"));
                    rs.getLong("impact_corrected_at");
                    return new Current(impact, !rs.wasNull());
                })
                .findOne();
    }

    private void append(Handle handle, Change change) {
        handle.createUpdate("""
                INSERT INTO incident_impact_changes (incident_id, at, from_impact, to_impact, actor, actor_name)
                VALUES (:incident, :at, :from, :to, :actor, :name)""")
                .bind("incident", change.incidentId()).bind("at", change.at().toEpochMilli())
                .bind("from", change.from().apiName()).bind("to", change.to().apiName())
                .bind("actor", change.actor()).bind("name", change.actorName())
                .execute();
    }
}
