package dev.vigil.outages;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.probes.ProbeStatus;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Retires a probe, however it is removed (console, admin API, a component retired, vigil.yml
 * reloaded or restarted without it), and settles what its checks had opened, in the caller's
 * transaction: its open outage closes at the removal time with the reason, its state starts afresh
 * (a status change row says why), its component's status follows its remaining probes, and an
 * automatic incident whose last open outage this was is resolved saying that monitoring stopped.
 * Without this an outage of a removed probe stayed open and its component showed down for good.
 */
public record ProbeRetirement(ProbeStateStore probes, OutageStore outages, ComponentStore components,
        OutageListener autoIncidents) {

    static final String STATE_RESET_REASON = "probe removed: monitoring stopped";

    /** Retires the probe at the given time; does nothing for one already retired or unknown. */
    public void retire(Handle handle, String probeId, Instant at) {
        Optional<ProbeStateStore.Versioned> stored = probes.load(handle, probeId);
        if (stored.isEmpty() || !probes.retire(handle, probeId, at)) {
            return;
        }
        String componentId = stored.get().componentId();
        components.lock(handle, componentId);
        settleState(handle, probeId, stored.get(), at);
        // The component may have been retired just before (its probes follow it), so it is looked up either way.
        Component component = components.findIncludingRetired(handle, componentId).orElseThrow();
        ComponentStatus before = component.status();
        ComponentStatus after = before == ComponentStatus.UNDER_MAINTENANCE ? before
                : ComponentStatus.fromProbes(probes.statusesOf(handle, componentId).values());
        if (after != before) {
            components.changeStatus(handle, componentId, after, at, "probe " + probeId + " removed");
        }
        outages.closeWithoutRecovery(handle, probeId, at, Outage.PROBE_REMOVED).ifPresent(closed ->
                autoIncidents.monitoringStopped(handle, closed, component, before, after, at));
    }

    /** A probe that comes back later starts from no streaks, as a new one does, not from a stale DOWN. */
    private void settleState(Handle handle, String probeId, ProbeStateStore.Versioned stored, Instant at) {
        ProbeStatus was = stored.state().status();
        if (!probes.save(handle, probeId, ProbeState.initial(), stored.version())) {
            throw new IllegalStateException("probe " + probeId + " was updated concurrently");
        }
        new LocationStateStore().forget(handle, probeId); // its locations start afresh too (issue 11)
        if (was != ProbeStatus.UP) {
            probes.appendTransition(handle, probeId, new ProbeTransition(was, ProbeStatus.UP, at, at, STATE_RESET_REASON));
        }
    }
}
