package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.outages.OutageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The customer-facing notice of a resolved incident: drafted from the record, edited as a
 * draft, and published when ready. Customers only ever see the published text.
 */
record Notices(Database database, IncidentStore incidents, NoticeStore notices, ComponentStore components,
        OutageStore outages, NoticeDraft drafts, AuditLog audit, Clock clock, Runnable onChange) {

    /** Writes a fresh draft from the record, replacing any draft; the published text stays. */
    void draft(User by, long incidentId) {
        Instant now = clock.instant();
        database.write(handle -> {
            Incident incident = resolved(handle, incidentId, "Resolve the incident before drafting its notice: "
                    + "the notice tells customers what happened once it is over.");
            Map<String, String> names = components.all(handle).stream()
                    .collect(Collectors.toMap(Component::id, Component::name));
            String text = drafts.write(incident, names, outages.forIncident(handle, incidentId));
            notices.saveDraft(handle, incidentId, text, now, by.actor());
            audit.record(handle, now, by.actor(), "notice.drafted", "incident", Long.toString(incidentId), null);
            return null;
        });
    }

    /** Saves edits to the draft only. */
    void save(User by, long incidentId, String draft) {
        Instant now = clock.instant();
        database.write(handle -> {
            incident(handle, incidentId);
            notices.saveDraft(handle, incidentId, draft, now, by.actor());
            audit.record(handle, now, by.actor(), "notice.draft_saved", "incident", Long.toString(incidentId), null);
            return null;
        });
    }

    /** Publishes the draft as it is; refused while the incident is open. */
    void publish(User by, long incidentId) {
        Instant now = clock.instant();
        database.write(handle -> {
            resolved(handle, incidentId, "This incident is not resolved, so its notice cannot be published yet. "
                    + "Post a resolved update first, then publish.");
            if (notices.find(handle, incidentId).isEmpty()) {
                throw InvalidInput.of("notice", "There is no draft to publish yet. Draft the notice first.");
            }
            notices.publish(handle, incidentId, now, by.actor());
            audit.record(handle, now, by.actor(), "notice.published", "incident", Long.toString(incidentId), null);
            return null;
        });
        onChange.run();
    }

    private Incident incident(Handle handle, long incidentId) {
        return incidents.find(handle, incidentId).orElseThrow(() -> new NotFound("No incident " + incidentId));
    }

    private Incident resolved(Handle handle, long incidentId, String refusal) {
        Incident incident = incident(handle, incidentId);
        if (incident.status().isOpen() || incident.resolvedAt() == null) {
            throw InvalidInput.of("notice", refusal);
        }
        return incident;
    }
}
