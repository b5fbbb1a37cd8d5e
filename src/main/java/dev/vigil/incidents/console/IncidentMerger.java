package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Merges one incident into another, for when two incidents turn out to be one problem (often an
 * outage the probes opened and an incident staff opened by hand). The absorbed incident's updates,
 * components and outages move over; it keeps its row, marked merged, and vanishes from the public
 * page, the API and the console. The absorbing incident keeps its name and status, starts at the
 * earlier of the two starts and takes the worse impact, unless staff corrected its impact: that
 * correction stands.
 */
record IncidentMerger(Database database, IncidentStore incidents, StaffIncidentStore staff, OutageStore outages,
        AuditLog audit, Clock clock, Runnable onChange) {

    /** Merges incident fromId into incident intoId. */
    void merge(User by, long intoId, long fromId) {
        Instant now = clock.instant();
        database.write(handle -> {
            Incident into = incidents.find(handle, intoId).orElseThrow(() -> new NotFound("No incident " + intoId));
            if (fromId == intoId) {
                throw InvalidInput.of("from", "Choose another incident: an incident cannot be merged into itself.");
            }
            Incident from = incidents.find(handle, fromId).orElseThrow(() -> InvalidInput.of("from",
                    "There is no incident #" + fromId + "; it may have been merged already. Reload the page."));
            if (!into.status().isOpen() && from.status().isOpen()) {
                throw InvalidInput.of("from", "\"" + from.name() + "\" is still open and this incident is resolved. "
                        + "Merge this incident into it instead, or resolve it first.");
            }
            Optional<String> autoComponent = staff.autoComponentOf(handle, fromId);
            staff.moveUpdates(handle, fromId, intoId);
            for (String componentId : from.componentIds()) {
                incidents.addComponent(handle, intoId, componentId);
            }
            staff.unlinkComponents(handle, fromId);
            for (Outage outage : outages.forIncident(handle, fromId)) {
                outages.attachToIncident(handle, outage.id(), intoId);
            }
            staff.markMerged(handle, fromId, intoId, now);
            // New failures of that component should join the merged incident while it is open, as they joined B.
            if (autoComponent.isPresent() && into.status().isOpen() && staff.autoComponentOf(handle, intoId).isEmpty()) {
                staff.takeAutoComponent(handle, intoId, autoComponent.get());
            }
            Instant started = from.startedAt().isBefore(into.startedAt()) ? from.startedAt() : into.startedAt();
            Instant resolved = into.resolvedAt() == null || from.resolvedAt() == null
                    || into.resolvedAt().isAfter(from.resolvedAt()) ? into.resolvedAt() : from.resolvedAt();
            Impact impact = into.impactCorrected() ? into.impact() : into.impact().atLeast(from.impact());
            staff.widen(handle, intoId, started, resolved, impact, now);
            audit.record(handle, now, by.actor(), "incident.merged", "incident", Long.toString(intoId),
                    "#" + fromId + " \"" + from.name() + "\" merged into #" + intoId);
            return null;
        });
        onChange.run();
    }
}
