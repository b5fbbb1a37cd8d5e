package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.ImpactChanges;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What staff do to incidents by hand: open one, record a past one, post updates, rename, and
 * correct an update. Each change is one transaction with its audit entry; the public page is
 * rebuilt after it commits.
 */
record IncidentEditor(Database database, IncidentStore incidents, StaffIncidentStore staff, RevisionStore revisions,
        ImpactChanges impacts, ComponentStore components, AuditLog audit, Clock clock, Runnable onChange) {

    static final String SOURCE = "staff";

    /** Opens an incident now, setting the chosen components' statuses; returns its id. */
    long open(User by, IncidentForms.NewIncident form) {
        Instant now = clock.instant();
        long id = database.write(handle -> {
            long incidentId = incidents.create(handle, new NewIncident(form.name(), form.status(), form.impact(),
                    now, now, SOURCE, null));
            List<AffectedComponent> affected = setStatuses(handle, by, incidentId, form.components(), now);
            incidents.addUpdate(handle, incidentId, form.status(), form.body(), now, now, affected);
            audit.record(handle, now, by.actor(), "incident.opened", "incident", Long.toString(incidentId), form.name());
            return incidentId;
        });
        onChange.run();
        return id;
    }

    /**
     * Records an incident that is already over, dated as it happened: a first update at the start
     * and a resolution at the end. The components' live statuses and their history are left
     * alone, since history rows are never written into the past; the updates still say which
     * components were affected and how.
     */
    long backfill(User by, IncidentForms.Backfill form) {
        Instant now = clock.instant();
        long id = database.write(handle -> {
            long incidentId = incidents.create(handle, new NewIncident(form.name(), IncidentStatus.INVESTIGATING,
                    form.impact(), form.startedAt(), now, SOURCE, null));
            List<AffectedComponent> began = new ArrayList<>();
            List<AffectedComponent> ended = new ArrayList<>();
            for (Map.Entry<String, ComponentStatus> chosen : form.components().entrySet()) {
                existing(handle, chosen.getKey());
                incidents.addComponent(handle, incidentId, chosen.getKey());
                if (chosen.getValue() != ComponentStatus.OPERATIONAL) {
                    began.add(new AffectedComponent(chosen.getKey(), ComponentStatus.OPERATIONAL, chosen.getValue()));
                    ended.add(new AffectedComponent(chosen.getKey(), chosen.getValue(), ComponentStatus.OPERATIONAL));
                }
            }
            incidents.addUpdate(handle, incidentId, IncidentStatus.INVESTIGATING, form.body(), form.startedAt(), now, began);
            incidents.addUpdate(handle, incidentId, IncidentStatus.RESOLVED, form.resolution(), form.resolvedAt(), now,
                    ended);
            audit.record(handle, now, by.actor(), "incident.backfilled", "incident", Long.toString(incidentId),
                    form.name() + " (" + form.startedAt() + " to " + form.resolvedAt() + ")");
            return incidentId;
        });
        onChange.run();
        return id;
    }

    /** Posts an update; see {@link IncidentLifecycle} for which statuses may follow which. */
    void postUpdate(User by, long incidentId, IncidentForms.Update form) {
        Instant now = clock.instant();
        database.write(handle -> {
            Incident incident = incidents.find(handle, incidentId)
                    .orElseThrow(() -> new NotFound("No incident " + incidentId));
            IncidentLifecycle.Step step = IncidentLifecycle.step(incident.status(), form.status());
            List<AffectedComponent> affected = setStatuses(handle, by, incidentId, form.components(), now);
            long updateId = incidents.addUpdate(handle, incidentId, form.status(), form.body(), now, now, affected);
            if (step == IncidentLifecycle.Step.REOPENS) {
                staff.reopen(handle, incidentId);
            }
            audit.record(handle, now, by.actor(), "incident.update_posted", "incident", Long.toString(incidentId),
                    "update " + updateId + ": " + form.status().apiName()
                            + (step == IncidentLifecycle.Step.REOPENS ? " (reopened)"
                                    : step == IncidentLifecycle.Step.FOLLOWS_UP ? " (follow-up)" : ""));
            return null;
        });
        onChange.run();
    }

    void rename(User by, long incidentId, String name) {
        Instant now = clock.instant();
        boolean changed = database.write(handle -> {
            Incident incident = incidents.find(handle, incidentId)
                    .orElseThrow(() -> new NotFound("No incident " + incidentId));
            if (incident.name().equals(name)) {
                return false;
            }
            staff.rename(handle, incidentId, name, now);
            audit.record(handle, now, by.actor(), "incident.renamed", "incident", Long.toString(incidentId),
                    "\"" + incident.name() + "\" to \"" + name + "\"");
            return true;
        });
        if (changed) {
            onChange.run();
        }
    }

    /**
     * Sets the impact as staff judge it, higher or lower than the checks did; from then on the
     * automatic updates leave it alone. The change is a row with who and when, and audited.
     */
    void correctImpact(User by, long incidentId, Impact impact) {
        Instant now = clock.instant();
        boolean changed = database.write(handle -> {
            Incident incident = incidents.find(handle, incidentId)
                    .orElseThrow(() -> new NotFound("No incident " + incidentId));
            if (!impacts.correct(handle, incidentId, impact, now, by.actor(), by.name())) {
                return false;
            }
            audit.record(handle, now, by.actor(), "incident.impact_corrected", "incident", Long.toString(incidentId),
                    incident.impact().apiName() + " to " + impact.apiName());
            return true;
        });
        if (changed) {
            onChange.run();
        }
    }

    /** Replaces an update's text, keeping the text it had as a revision. Unchanged text changes nothing. */
    void correct(User by, long incidentId, long updateId, String body) {
        Instant now = clock.instant();
        boolean changed = database.write(handle -> {
            incidents.find(handle, incidentId).orElseThrow(() -> new NotFound("No incident " + incidentId));
            StaffIncidentStore.UpdateText update = staff.update(handle, updateId)
                    .filter(u -> u.incidentId() == incidentId)
                    .orElseThrow(() -> new NotFound("No update " + updateId + " in incident " + incidentId));
            if (update.body().equals(body)) {
                return false;
            }
            revisions.add(handle, new RevisionStore.Revision(updateId, now, by.actor(), by.name(), update.body()));
            staff.correctBody(handle, updateId, body, now);
            audit.record(handle, now, by.actor(), "incident_update.corrected", "incident_update",
                    Long.toString(updateId), "incident " + incidentId);
            return true;
        });
        if (changed) {
            onChange.run();
        }
    }

    /**
     * Links the components to the incident and sets their statuses, each change an appended
     * history row; returns the changes for the update's list of affected components.
     */
    private List<AffectedComponent> setStatuses(Handle handle, User by, long incidentId,
            Map<String, ComponentStatus> chosen, Instant now) {
        List<AffectedComponent> affected = new ArrayList<>();
        for (Map.Entry<String, ComponentStatus> entry : chosen.entrySet()) {
            Component component = existing(handle, entry.getKey());
            incidents.addComponent(handle, incidentId, component.id());
            if (component.status() != entry.getValue()) {
                components.changeStatus(handle, component.id(), entry.getValue(), now, "staff: " + by.name());
                affected.add(new AffectedComponent(component.id(), component.status(), entry.getValue()));
            }
        }
        return affected;
    }

    /** The component, or a field message when it was removed from the configuration meanwhile. */
    private Component existing(Handle handle, String componentId) {
        return components.find(handle, componentId).orElseThrow(() -> InvalidInput.of("components",
                "There is no component \"" + componentId + "\" any more. Reload the page and choose again."));
    }
}
