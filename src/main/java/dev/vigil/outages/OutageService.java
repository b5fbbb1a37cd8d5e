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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private List<Confirmed> applyAll(Handle handle, List<Pending> pending) {
        List<Confirmed> confirmed = new ArrayList<>();
        for (Pending p : pending) {
            apply(handle, p.result(), p.thresholds())
                    .ifPresent(t -> confirmed.add(new Confirmed(p.result().probeId(), t)));
        }
        return confirmed;
    }

    private Optional<ProbeTransition> apply(Handle handle, CheckResult result, Thresholds thresholds) {
        if (probes.isRetired(handle, result.probeId())) {
            // Removed after this check began and before the registry forgot it: its outage is already closed.
            return Optional.empty();
        }
        checks.insert(handle, result);
        if (result.outcome() == Outcome.SKIPPED) {
            return Optional.empty(); // no data: the probe's state and counters stay as they were
        }
        ProbeStateStore.Versioned stored = probes.load(handle, result.probeId())
                .orElseThrow(() -> new IllegalStateException("probe " + result.probeId() + " is not registered"));
        OutageDetector.Step step = new OutageDetector(thresholds)
                .apply(stored.state(), result.outcome(), result.startedAt(), result.reason());
        if (!probes.save(handle, result.probeId(), step.state(), stored.version())) {
            // Only one writer records a probe's results, so this means two Vigil processes share a database.
            throw new IllegalStateException("probe " + result.probeId() + " was updated concurrently");
        }
        step.transition().ifPresent(t -> applyTransition(handle, result.probeId(), stored.componentId(), t, thresholds));
        return step.transition();
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
