package dev.vigil.outages;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records check results and everything that follows from them, each batch of results in one transaction:
 * the raw result, the probe's next state, its status change, the outage, the component's status
 * and the automatic incident. A crash at any moment leaves either all of it or none of it. A skipped
 * check is stored as such and changes nothing else.
 */
public final class OutageService {
    private static final Logger log = LoggerFactory.getLogger(OutageService.class);

    private final Database database;
    private final CheckStore checks;
    private final ProbeStateStore probes;
    private final OutageStore outages;
    private final ComponentStore components;
    private final OutageListener autoIncidents;
    private final MaintenanceWindows maintenance;
    private final Map<String, Thresholds> thresholdsByProbe;
    private final Clock clock;
    private final Runnable onStatusChange;

    public OutageService(Database database, CheckStore checks, ProbeStateStore probes, OutageStore outages,
            ComponentStore components, OutageListener autoIncidents, MaintenanceWindows maintenance,
            Map<String, Thresholds> thresholdsByProbe, Clock clock, Runnable onStatusChange) {
        this.database = database;
        this.checks = checks;
        this.probes = probes;
        this.outages = outages;
        this.components = components;
        this.autoIncidents = autoIncidents;
        this.maintenance = maintenance;
        this.thresholdsByProbe = new ConcurrentHashMap<>(thresholdsByProbe);
        this.clock = clock;
        this.onStatusChange = onStatusChange;
    }

    /** Sets or replaces a probe's thresholds, for probes added or changed while Vigil runs (issue 3). */
    public void useThresholds(String probeId, Thresholds thresholds) {
        thresholdsByProbe.put(probeId, thresholds);
    }

    /** Forgets a removed probe: a check of it still in flight is then dropped instead of recorded. */
    public void forget(String probeId) {
        thresholdsByProbe.remove(probeId);
    }

    /** Stores one result and applies it. Returns the transition it confirmed, if any. */
    public Optional<ProbeTransition> record(CheckResult result) {
        return recordAll(List.of(result)).stream().findFirst();
    }

    /**
     * Stores the results and applies them in order, all in one transaction (group commit: one commit for
     * many checks), or throws and keeps none of them. Each transition is applied exactly once: a batch that
     * failed half-way is rolled back whole, so the caller may try it again as it was (the probe engine does,
     * after a pause, while the database cannot write; and it writes a batch refused for its data one result
     * at a time, so that one bad result costs only itself). Returns the transitions.
     */
    public List<ProbeTransition> recordAll(List<CheckResult> results) {
        List<Pending> kept = results.stream().map(this::withThresholds).flatMap(Optional::stream).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        List<Confirmed> confirmed = database.write(handle -> applyAll(handle, kept));
        confirmed.forEach(c -> log.info("Probe {} is {} (was {}) since {}: {}",
                c.probeId(), c.transition().to(), c.transition().from(), c.transition().at(), c.transition().reason()));
        if (!confirmed.isEmpty()) {
            onStatusChange.run();
        }
        return confirmed.stream().map(Confirmed::transition).toList();
    }

    private record Pending(CheckResult result, Thresholds thresholds) {}

    private record Confirmed(String probeId, ProbeTransition transition) {}

    private Optional<Pending> withThresholds(CheckResult result) {
        Thresholds thresholds = thresholdsByProbe.get(result.probeId());
        if (thresholds == null) {
            log.info("Probe {} was removed while it was checking; its last result is dropped", result.probeId());
            return Optional.empty();
        }
        return Optional.of(new Pending(result, thresholds));
    }

    /**
     * Writes the batch's results with one insert, then applies them to their probes in order. Each probe's
     * state is loaded once and saved once at the end (issue 11: at 20,000 results a second, statements per
     * result are what costs), except that states are saved before a transition is applied, which reads the
     * statuses of the component's other probes from the store.
     */
    private List<Confirmed> applyAll(Handle handle, List<Pending> pending) {
        // Removed after its check began and before the registry forgot it: its outage is already closed.
        Set<String> retired = probes.retiredAmong(handle, pending.stream().map(p -> p.result().probeId())
                .collect(Collectors.toSet()));
        List<Pending> live = pending.stream().filter(p -> !retired.contains(p.result().probeId())).toList();
        checks.insertAll(handle, live.stream().map(Pending::result).toList());
        Map<String, ProbeStateStore.Versioned> stored = probes.loadAll(handle, live.stream()
                .filter(p -> p.result().outcome() != Outcome.SKIPPED).map(p -> p.result().probeId())
                .collect(Collectors.toSet()));
        Map<String, ProbeStateStore.Versioned> unsaved = new LinkedHashMap<>();
        List<Confirmed> confirmed = new ArrayList<>();
        for (Pending p : live) {
            if (p.result().outcome() == Outcome.SKIPPED) {
                continue; // no data: the probe's state and counters stay as they were
            }
            String probeId = p.result().probeId();
            ProbeStateStore.Versioned before = unsaved.getOrDefault(probeId, stored.get(probeId));
            if (before == null) {
                throw new IllegalStateException("probe " + probeId + " is not registered");
            }
            OutageDetector.Step step = new OutageDetector(p.thresholds())
                    .apply(before.state(), p.result().outcome(), p.result().startedAt(), p.result().reason());
            unsaved.put(probeId, new ProbeStateStore.Versioned(step.state(), before.version(), before.componentId()));
            if (step.transition().isPresent()) {
                save(handle, unsaved, stored);
                applyTransition(handle, probeId, before.componentId(), step.transition().get(), p.thresholds());
                confirmed.add(new Confirmed(probeId, step.transition().get()));
            }
        }
        save(handle, unsaved, stored);
        return confirmed;
    }

    /** Saves the unsaved states (each guarded by the version it was loaded with) and notes their new versions. */
    private void save(Handle handle, Map<String, ProbeStateStore.Versioned> unsaved,
            Map<String, ProbeStateStore.Versioned> stored) {
        List<String> moved = probes.saveAll(handle, unsaved);
        if (!moved.isEmpty()) {
            // Only one writer records a probe's results, so this means two Vigil processes share a database.
            throw new IllegalStateException("probe " + moved.get(0) + " was updated concurrently");
        }
        unsaved.forEach((id, state) -> stored.put(id,
                new ProbeStateStore.Versioned(state.state(), state.version() + 1, state.componentId())));
        unsaved.clear();
    }

    private void applyTransition(Handle handle, String probeId, String componentId, ProbeTransition t,
            Thresholds thresholds) {
        components.lock(handle, componentId);
        probes.appendTransition(handle, probeId, t);
        Component component = components.find(handle, componentId).orElseThrow();
        ComponentStatus before = component.status();
        // Issue 3: inside a maintenance window the window sets the component's status and a failure opens no
        // outage; an outage already open when the window began still closes when its probe recovers.
        boolean inMaintenance = maintenance.covers(handle, componentId, t.confirmedAt());
        ComponentStatus after = inMaintenance ? before
                : ComponentStatus.fromProbes(probes.statusesOf(handle, componentId).values());
        if (after != before) {
            components.changeStatus(handle, componentId, after, t.at(), "probe " + probeId + ": " + t.reason());
        }
        Instant now = clock.instant();
        if (t.opensOutage() && !inMaintenance) {
            long outageId = outages.open(handle, probeId, componentId, t, thresholds.failuresToOpen());
            Outage outage = outages.find(handle, outageId).orElseThrow();
            autoIncidents.outageOpened(handle, outage, component, before, after, thresholds.failuresToOpen(), now);
        } else if (t.closesOutage()) {
            outages.close(handle, probeId, t)
                    .ifPresent(closed -> autoIncidents.outageClosed(handle, closed, component, before, after, now));
        }
    }

    /**
     * A maintenance window of the component ended at the given time (issue 3). Unless another window
     * still covers it, its status comes from its probes again, and each probe that went down during
     * the window and is still down opens its outage (and the incident) now, dated from the window's
     * end: time under maintenance does not count. Runs in the caller's transaction.
     */
    public void maintenanceEnded(Handle handle, String componentId, Instant at) {
        if (maintenance.covers(handle, componentId, at)) {
            return;
        }
        components.lock(handle, componentId);
        Optional<Component> found = components.find(handle, componentId);
        if (found.isEmpty()) {
            return; // retired from the configuration meanwhile
        }
        ComponentStatus before = found.get().status();
        Map<String, ProbeStatus> statuses = probes.statusesOf(handle, componentId);
        ComponentStatus after = ComponentStatus.fromProbes(statuses.values());
        if (after != before) {
            components.changeStatus(handle, componentId, after, at, "maintenance ended");
        }
        Instant now = clock.instant();
        for (Map.Entry<String, ProbeStatus> probe : statuses.entrySet()) {
            String probeId = probe.getKey();
            if (probe.getValue() != ProbeStatus.DOWN || outages.openFor(handle, probeId).isPresent()) {
                continue;
            }
            String reason = probes.load(handle, probeId).map(p -> p.state().failReason()).orElse(null);
            ProbeTransition down = new ProbeTransition(ProbeStatus.UP, ProbeStatus.DOWN, at, at, reason);
            Outage outage = outages.find(handle, outages.open(handle, probeId, componentId, down)).orElseThrow();
            int failures = thresholdsByProbe.getOrDefault(probeId, new Thresholds(1, 1)).failuresToOpen();
            autoIncidents.outageOpened(handle, outage, found.get(), before, after, failures, now);
            before = after; // a second probe joins the incident without repeating the component's change
        }
    }
}
