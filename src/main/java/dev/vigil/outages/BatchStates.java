package dev.vigil.outages;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The states of a batch's server-only probes (issue 11): each loaded once, stepped in memory, and saved together
 * at the end of the batch or just before a transition, which reads the component's probes from the store.
 */
final class BatchStates {
    private final ProbeStateStore probes;
    private final Map<String, ProbeStateStore.Versioned> stored;
    private final Map<String, ProbeStateStore.Versioned> unsaved = new LinkedHashMap<>();

    BatchStates(ProbeStateStore probes, Handle handle, Collection<String> probeIds) {
        this.probes = probes;
        this.stored = new HashMap<>(probes.loadAll(handle, probeIds));
    }

    /** The probe's state as the batch has it so far. */
    ProbeStateStore.Versioned current(String probeId) {
        ProbeStateStore.Versioned state = unsaved.getOrDefault(probeId, stored.get(probeId));
        if (state == null) {
            throw new IllegalStateException("probe " + probeId + " is not registered");
        }
        return state;
    }

    void change(String probeId, ProbeState next, ProbeStateStore.Versioned before) {
        unsaved.put(probeId, new ProbeStateStore.Versioned(next, before.version(), before.componentId()));
    }

    /** Saves the changed states (each guarded by the version it was loaded with) and notes their new versions. */
    void save(Handle handle) {
        if (unsaved.isEmpty()) {
            return;
        }
        List<String> moved = probes.saveAll(handle, unsaved);
        if (!moved.isEmpty()) {
            // Only one writer records a probe's results, so this means two Vigil processes share a database.
            throw new IllegalStateException("probe " + moved.get(0) + " was updated concurrently");
        }
        unsaved.forEach((id, state) -> stored.put(id,
                new ProbeStateStore.Versioned(state.state(), state.version() + 1, state.componentId())));
        unsaved.clear();
    }
}
