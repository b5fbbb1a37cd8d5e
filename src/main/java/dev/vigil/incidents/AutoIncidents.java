package dev.vigil.incidents;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageListener;
import dev.vigil.outages.OutageStore;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Opens an incident when a component's outage is confirmed and resolves it when the component's
 * last outage closes. Probes of one component failing together share one incident. Runs inside
 * the caller's transaction, so an outage and its incident are stored together or not at all.
 */
public record AutoIncidents(IncidentStore incidents, OutageStore outages,
        TimeFormat times) implements OutageListener  {

    public static final String SOURCE = "probe";

    /** A probe's outage was confirmed; the component moved from before to after. */
    @Override
    public void outageOpened(Handle handle, Outage outage, Component component, ComponentStatus before,
            ComponentStatus after, int failures, Instant now) {
        Optional<Long> existing = incidents.openAutoIncidentOf(handle, component.id());
        long incidentId = existing.orElseGet(() -> open(handle, outage, component, after, now));
        outages.attachToIncident(handle, outage.id(), incidentId);
        String firstWords = firstUpdate(outage, component, failures);
        List<AffectedComponent> affected = List.of(new AffectedComponent(component.id(), before, after));
        if (existing.isEmpty()) {
            incidents.addUpdate(handle, incidentId, IncidentStatus.INVESTIGATING, firstWords, now, now, affected);
        } else if (after != before) {
            incidents.raiseImpact(handle, incidentId, Impact.of(after));
            incidents.addUpdate(handle, incidentId, IncidentStatus.INVESTIGATING, firstWords, now, now, affected);
        }
    }

    /** A probe's outage closed; when it was the incident's last open one, the incident resolves. */
    @Override
    public void outageClosed(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now) {
        resolveIfLast(handle, closed, component, before, after, now, (incident, since) ->
                "**%s** has recovered: our checks have passed since %s. The outage lasted %s, from %s to %s."
                        .formatted(component.name(), times.time(since),
                                TimeFormat.duration(Duration.between(incident.startedAt(), since)),
                                times.dateTime(incident.startedAt()), times.dateTime(since)));
    }

    /**
     * A probe's outage closed because the probe was removed: nobody checks any more, so nothing is
     * known to have recovered. When it was the incident's last open outage, the incident resolves
     * saying exactly that, rather than leaving the component shown down for good.
     */
    @Override
    public void monitoringStopped(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now) {
        resolveIfLast(handle, closed, component, before, after, now, (incident, since) ->
                ("Monitoring of **%s** stopped at %s because its check `%s` was removed. This closes the incident; "
                        + "it does not mean the service recovered, as nothing checks it any more. The check had "
                        + "failed for %s, since %s.")
                        .formatted(component.name(), times.time(since), closed.probeId(),
                                TimeFormat.duration(Duration.between(closed.startedAt(), since)),
                                times.dateTime(closed.startedAt())));
    }

    private void resolveIfLast(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now, BiFunction<Incident, Instant, String> words) {
        if (closed.incidentId() == null) {
            return;
        }
        long incidentId = closed.incidentId();
        Optional<Incident> incident = incidents.find(handle, incidentId);
        if (incident.isEmpty() || !incident.get().status().isOpen()
                || !outages.openForIncident(handle, incidentId).isEmpty()) {
            return;
        }
        incidents.addUpdate(handle, incidentId, IncidentStatus.RESOLVED, words.apply(incident.get(), closed.endedAt()),
                now, now, List.of(new AffectedComponent(component.id(), before, after)));
    }

    private long open(Handle handle, Outage outage, Component component, ComponentStatus status, Instant now) {
        String name = status == ComponentStatus.MAJOR_OUTAGE
                ? component.name() + " is unavailable"
                : component.name() + " is partly unavailable";
        long id = incidents.create(handle, new NewIncident(name, IncidentStatus.INVESTIGATING, Impact.of(status),
                outage.startedAt(), now, SOURCE, component.id()));
        incidents.addComponent(handle, id, component.id());
        return id;
    }

    private String firstUpdate(Outage outage, Component component, int failures) {
        return ("Our automated checks of **%s** have failed since %s (%s). The failure was confirmed by %d "
                + "consecutive checks at %s. We are investigating.")
                .formatted(component.name(), times.time(outage.startedAt()), outage.firstFailureReason(),
                        failures, times.time(outage.confirmedAt()));
    }
}
