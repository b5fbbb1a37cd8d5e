package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.Conflict;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.incidents.NoticeStore.Notice;
import dev.vigil.markdown.Prompts;
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

    /** Writes a fresh draft from the record, replacing any draft; the published text stays. by is the audit actor. */
    void draft(String by, long incidentId) {
        Instant now = clock.instant();
        database.write(handle -> {
            Incident incident = resolved(handle, incidentId, "Resolve the incident before drafting its notice: "
                    + "the notice tells customers what happened once it is over.");
            Map<String, String> names = components.all(handle).stream()
                    .collect(Collectors.toMap(Component::id, Component::name));
            String text = drafts.write(incident, names, outages.forIncident(handle, incidentId));
            notices.saveDraft(handle, incidentId, text, now, by);
            audit.record(handle, now, by, "notice.drafted", "incident", Long.toString(incidentId), null);
            return null;
        });
    }

    /** Saves edits to the draft only. */
    void save(String by, long incidentId, String draft) {
        Instant now = clock.instant();
        database.write(handle -> {
            incident(handle, incidentId);
            notices.saveDraft(handle, incidentId, draft, now, by);
            audit.record(handle, now, by, "notice.draft_saved", "incident", Long.toString(incidentId), null);
            return null;
        });
    }

    /**
     * Publishes the saved draft as it is; refused while the incident is open, and while any part
     * is unwritten (a {@link Prompts} prompt is left), naming each, so that nothing customers read
     * is text nobody wrote.
     */
    void publish(String by, long incidentId) {
        Instant now = clock.instant();
        database.write(handle -> {
            resolved(handle, incidentId, "This incident is not resolved, so its notice cannot be published yet. "
                    + "Post a resolved update first, then publish.");
            Notice notice = notices.find(handle, incidentId).orElseThrow(() -> InvalidInput.of("notice",
                    "There is no draft to publish yet. Draft the notice first."));
            Prompts.refusal(notice.draft()).ifPresent(reason -> {
                throw InvalidInput.of("notice", reason);
            });
            if (!notices.publish(handle, incidentId, notice.draft(), now, by)) {
                throw new Conflict("The draft was saved again while you published it, so nothing was published. "
                        + "Read it again, then publish.");
            }
            audit.record(handle, now, by, "notice.published", "incident", Long.toString(incidentId), null);
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
