package dev.vigil.incidents;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.ServiceHealth;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageListener;
import dev.vigil.outages.OutageStore;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Opens an incident when a component's outage is confirmed and resolves it when the component's
 * last outage closes. Probes of one component failing together share one incident. Runs inside
 * the caller's transaction, so an outage and its incident are stored together or not at all.
 *
 * <p>The incident's impact says how much of the service its components' failure takes down
 * ({@link ServiceHealth}): one component of five is a major impact (a partial outage), all of them
 * or an essential one critical. It rises as more fails, until staff correct it; then it stays.
 */
public record AutoIncidents(IncidentStore incidents, OutageStore outages, TimeFormat times) implements OutageListener {

    public static final String SOURCE = "probe";
    private static final ComponentStore COMPONENTS = new ComponentStore();
    private static final ImpactChanges IMPACTS = new ImpactChanges();

    private AutoIncidentWords words() {
        return new AutoIncidentWords(times);
    }

    /** A probe's outage was confirmed; the component moved from before to after. */
    @Override
    public void outageOpened(Handle handle, Outage outage, Component component, ComponentStatus before,
            ComponentStatus after, int failures, Instant now) {
        Optional<Long> existing = incidents.openAutoIncidentOf(handle, component.id());
        List<AffectedComponent> affected = List.of(new AffectedComponent(component.id(), before, after));
        if (existing.isEmpty()) {
            long incidentId = open(handle, outage, component, after, now);
            outages.attachToIncident(handle, outage.id(), incidentId);
            incidents.addUpdate(handle, incidentId, IncidentStatus.INVESTIGATING,
                    words().opened(component.name(), after), now, now, affected);
            return;
        }
        long incidentId = existing.get();
        outages.attachToIncident(handle, outage.id(), incidentId);
        if (after != before) {
            List<String> covered = incidents.find(handle, incidentId).map(Incident::componentIds).orElse(List.of());
            IMPACTS.raise(handle, incidentId, impact(handle, component, after, covered), now);
            incidents.addUpdate(handle, incidentId, IncidentStatus.INVESTIGATING,
                    words().worse(component.name(), after), now, now, affected);
        }
    }

    /** A probe's outage closed; when it was the incident's last open one, the incident resolves. */
    @Override
    public void outageClosed(Handle handle, Outage closed, Component component, ComponentStatus before,
            ComponentStatus after, Instant now) {
        resolveIfLast(handle, closed, component, before, after, now, (incident, since) ->
                words().recovered(component.name(), wasFullyDown(incident, component.id()), incident.startedAt(), since));
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
                words().monitoringStopped(component.name(), closed.startedAt(), since));
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
        Impact impact = impact(handle, component, status, List.of(component.id()));
        long id = incidents.create(handle, new NewIncident(words().name(component.name(), status),
                IncidentStatus.INVESTIGATING, impact, outage.startedAt(), now, SOURCE, component.id()));
        incidents.addComponent(handle, id, component.id());
        return id;
    }

    /** How much of the service the incident's components take down, this component now being in the given status. */
    private static Impact impact(Handle handle, Component component, ComponentStatus status, Collection<String> covered) {
        List<Component> all = COMPONENTS.all(handle).stream()
                .map(c -> c.id().equals(component.id()) ? withStatus(c, status) : c).toList();
        Set<String> ids = new LinkedHashSet<>(covered);
        ids.add(component.id());
        return Impact.of(ServiceHealth.ofOnly(all, ids).level());
    }

    private static Component withStatus(Component c, ComponentStatus status) {
        return new Component(c.id(), c.name(), c.groupName(), c.description(), c.position(), status, c.source(),
                c.createdAt(), c.updatedAt(), c.essential());
    }

    /** Whether the component was wholly unavailable at some point of the incident, not only partly. */
    private static boolean wasFullyDown(Incident incident, String componentId) {
        return incident.updates().stream().flatMap(u -> u.affectedComponents().stream())
                .anyMatch(a -> a.componentId().equals(componentId) && a.newStatus() == ComponentStatus.MAJOR_OUTAGE);
    }
}
