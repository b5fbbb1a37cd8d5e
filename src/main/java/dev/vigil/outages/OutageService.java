package dev.vigil.outages;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.Canary;
import dev.vigil.config.ProbeLocations;
import dev.vigil.db.Database;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 *
 * <p>Issue 11: a result says where it was taken. A probe at the server alone is detected as it always was; a probe
 * with several locations steps each location's own machine and follows a quorum of them ({@link LocationQuorum}).
 * Results of the canary ({@link #CANARY_ID}) say whether their location can be trusted at all.
 */
public final class OutageService {
    /** The probe id the canary's checks carry, at the server and on every agent; no configured probe has it. */
    public static final String CANARY_ID = Canary.ID;
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
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();
    private final CanaryStore canaries = new CanaryStore();
    private final LocationQuorum quorum;
    private volatile LocationQuorum.CanaryRule canary = LocationQuorum.CanaryRule.NONE;
    /** What each probe's locations were last seen as, so a change of view alone refreshes the public page. */
    private final Map<String, List<LocationCondition>> lastSeen = new ConcurrentHashMap<>();

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
        this.quorum = new LocationQuorum(probes, canaries, outages);
    }

    /** Sets or replaces a probe's thresholds, for probes added or changed while Vigil runs (issue 3). */
    public void useThresholds(String probeId, Thresholds thresholds) {
        thresholdsByProbe.put(probeId, thresholds);
    }

    /** Sets where a probe runs and its quorum (issue 11); a probe never given one runs at the server alone. */
    public void usePlacement(String probeId, Placement placement) {
        placements.put(probeId, placement);
    }

    /**
     * Trusts results only where the canary passes (issue 11): a location whose canary's last check failed is
     * inconclusive. silentAfter: how long a canary result stands; null when no canary is configured.
     */
    public void useCanary(Duration silentAfter) {
        canary = new LocationQuorum.CanaryRule(silentAfter);
    }

    /** Forgets a removed probe: a check of it still in flight is then dropped instead of recorded. */
    public void forget(String probeId) {
        thresholdsByProbe.remove(probeId);
        placements.remove(probeId);
        lastSeen.remove(probeId);
    }

    /** Where the probe runs, as last set. */
    public Placement placementOf(String probeId) {
        return placements.getOrDefault(probeId, Placement.SERVER_ONLY);
    }

    /** Stores one result and applies it. Returns the transition it confirmed, if any. */
    public Optional<ProbeTransition> record(CheckResult result) {
        return recordAll(List.of(result)).stream().findFirst();
    }

    /**
     * Stores the results and applies them in order, all in one transaction (group commit: one commit for
     * many checks). If any of them fails, none is kept, and each is then recorded on its own, so that one bad
     * result costs only itself; either way each transition is applied exactly once. Returns the transitions.
     */
    public List<ProbeTransition> recordAll(List<CheckResult> results) {
        List<Pending> kept = results.stream().map(r -> withThresholds(r, ProbeLocations.SERVER))
                .flatMap(Optional::stream).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        List<Confirmed> confirmed;
        try {
            confirmed = database.write(handle -> applyAll(handle, kept));
        } catch (RuntimeException batchFailed) {
            if (kept.size() == 1) {
                throw batchFailed;
            }
            log.warn("A batch of {} results failed ({}); recording them one by one", kept.size(), batchFailed.toString());
            confirmed = oneByOne(kept);
        }
        return announced(confirmed);
    }

    /** How many results of an agent's batch were new, and how many were recorded before (sent again). */
    public record Recorded(int recorded, int alreadyRecorded) {}

    /**
     * Stores an agent's results, taken at its location, and applies them, all in one transaction (issue 11). A
     * result recorded before (same probe, location and scheduled time) is left out, so a batch sent again is
     * recorded once. Results are applied by probe, each probe's in time order, so that two batches lock probes
     * in one order. A failure rolls back the whole batch and is thrown: the agent sends it again.
     */
    public Recorded recordFromLocation(String location, List<CheckResult> results) {
        List<CheckResult> ordered = results.stream().sorted(Comparator.comparing(CheckResult::probeId)
                .thenComparing(CheckResult::startedAt)).toList();
        List<Pending> kept = ordered.stream().map(r -> withThresholds(r, location)).flatMap(Optional::stream).toList();
        int[] already = new int[1];
        List<Confirmed> confirmed = database.write(handle -> {
            List<Pending> fresh = new ArrayList<>();
            for (Pending p : kept) {
                if (!p.canary() && checks.hasAgentResult(handle, p.result().probeId(), location, p.result().scheduledAt())) {
                    already[0]++;
                } else {
                    fresh.add(p);
                }
            }
            return applyAll(handle, fresh);
        });
        announced(confirmed);
        return new Recorded(results.size() - already[0], already[0]);
    }

    /**
     * Applies what time alone changed for probes with several locations (issue 11): a location that stopped
     * reporting, a canary that failed or passed again. Reads first, and writes only the probes that change. When
     * only what a location sees changed (one of them fell silent, or fails alone), the public page is rebuilt too.
     */
    public List<ProbeTransition> applyElapsedTime() {
        Instant now = clock.instant();
        List<String> changing = new ArrayList<>();
        boolean[] viewsChanged = new boolean[1];
        database.read(handle -> {
            for (Map.Entry<String, Placement> e : placements.entrySet()) {
                if (e.getValue().serverOnly() || !thresholdsByProbe.containsKey(e.getKey())) {
                    continue;
                }
                QuorumRule.Verdict verdict = quorum.verdict(handle, e.getKey(), e.getValue(), canary, now);
                List<LocationCondition> seen = verdict.seen().stream().map(QuorumRule.Seen::condition).toList();
                viewsChanged[0] |= !seen.equals(lastSeen.put(e.getKey(), seen));
                if (probes.load(handle, e.getKey()).map(v -> v.state().status() != verdict.status()).orElse(false)) {
                    changing.add(e.getKey());
                }
            }
            return null;
        });
        if (changing.isEmpty()) {
            if (viewsChanged[0]) {
                onStatusChange.run();
            }
            return List.of();
        }
        List<Confirmed> confirmed = database.write(handle -> {
            List<Confirmed> all = new ArrayList<>();
            for (String probeId : changing.stream().sorted().toList()) {
                all.addAll(rederive(handle, probeId, now));
            }
            return all;
        });
        if (confirmed.isEmpty() && viewsChanged[0]) {
            onStatusChange.run();
        }
        return announced(confirmed);
    }

    /** The per-location view of a probe now: what each of its locations sees (issue 11). */
    public List<LocationView> locationsOf(Handle handle, String probeId) {
        return LocationView.of(handle, probeId, placementOf(probeId), quorum, probes, canary, canaries,
                clock.instant());
    }

    private List<ProbeTransition> announced(List<Confirmed> confirmed) {
        confirmed.forEach(c -> log.info("Probe {} is {} (was {}) since {}: {}",
                c.probeId(), c.transition().to(), c.transition().from(), c.transition().at(), c.transition().reason()));
        if (!confirmed.isEmpty()) {
            onStatusChange.run();
        }
        return confirmed.stream().map(Confirmed::transition).toList();
    }

    private List<Confirmed> rederive(Handle handle, String probeId, Instant now) {
        Thresholds thresholds = thresholdsByProbe.get(probeId);
        Placement placement = placements.get(probeId);
        if (thresholds == null || placement == null || placement.serverOnly()) {
            return List.of();
        }
        Optional<ProbeStateStore.Versioned> stored = probes.load(handle, probeId);
        Optional<ProbeTransition> t = stored.isEmpty() || probes.isRetired(handle, probeId) ? Optional.empty()
                : quorum.rederive(handle, probeId, placement, canary, now);
        t.ifPresent(transition -> applyTransition(handle, probeId, stored.get().componentId(), transition, thresholds));
        return t.map(transition -> List.of(new Confirmed(probeId, transition))).orElse(List.of());
    }

    /** canary: a result of the canary, whose location is judged by it rather than a probe. */
    private record Pending(CheckResult result, Thresholds thresholds, String location, boolean canary) {}

    private record Confirmed(String probeId, ProbeTransition transition) {}

    private Optional<Pending> withThresholds(CheckResult result, String location) {
        if (CANARY_ID.equals(result.probeId())) {
            return Optional.of(new Pending(result, null, location, true));
        }
        Thresholds thresholds = thresholdsByProbe.get(result.probeId());
        if (thresholds == null) {
            log.info("Probe {} was removed while it was checking; its last result is dropped", result.probeId());
            return Optional.empty();
        }
        return Optional.of(new Pending(result, thresholds, location, false));
    }

    private List<Confirmed> applyAll(Handle handle, List<Pending> pending) {
        List<Confirmed> confirmed = new ArrayList<>();
        for (Pending p : pending) {
            if (p.canary()) {
                confirmed.addAll(applyCanary(handle, p.location(), p.result()));
                continue;
            }
            apply(handle, p.result(), p.thresholds(), p.location())
                    .ifPresent(t -> confirmed.add(new Confirmed(p.result().probeId(), t)));
        }
        return confirmed;
    }

    /** A canary that flipped at a location changes what that location's results count for, at once. */
    private List<Confirmed> applyCanary(Handle handle, String location, CheckResult result) {
        if (!canaries.record(handle, location, result)) {
            return List.of();
        }
        log.info("The canary at {} {} (its check at {}: {})", location,
                result.outcome().isDown() ? "fails: results taken there are inconclusive" : "passes again",
                result.startedAt(), result.reason());
        Instant now = clock.instant();
        List<Confirmed> confirmed = new ArrayList<>();
        placements.entrySet().stream().filter(e -> !e.getValue().serverOnly() && e.getValue().at(location))
                .map(Map.Entry::getKey).sorted().forEach(probeId -> confirmed.addAll(rederive(handle, probeId, now)));
        return confirmed;
    }

    private List<Confirmed> oneByOne(List<Pending> pending) {
        List<Confirmed> confirmed = new ArrayList<>();
        for (Pending p : pending) {
            try {
                confirmed.addAll(database.write(handle -> applyAll(handle, List.of(p))));
            } catch (RuntimeException e) {
                log.error("The result of probe {} at {} could not be recorded: {}", p.result().probeId(),
                        p.result().startedAt(), e.toString(), e);
            }
        }
        return confirmed;
    }

    private Optional<ProbeTransition> apply(Handle handle, CheckResult result, Thresholds thresholds, String location) {
        if (probes.isRetired(handle, result.probeId())) {
            // Removed after this check began and before the registry forgot it: its outage is already closed.
            return Optional.empty();
        }
        checks.insert(handle, result, location);
        if (result.outcome() == Outcome.SKIPPED) {
            return Optional.empty(); // no data: the probe's state and counters stay as they were
        }
        Placement placement = placementOf(result.probeId());
        if (!placement.serverOnly() || !ProbeLocations.SERVER.equals(location)) {
            return applyAtLocation(handle, result, thresholds, location, placement);
        }
        if (canary.failingAt(canaries, handle, location, result.startedAt())) {
            return Optional.empty(); // inconclusive: the canary failed at the server too; kept as a row
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

    private Optional<ProbeTransition> applyAtLocation(Handle handle, CheckResult result, Thresholds thresholds,
            String location, Placement placement) {
        if (!placement.at(location)) {
            log.info("Probe {} does not run at {} (any more); its result there is kept and counts for nothing",
                    result.probeId(), location);
            return Optional.empty();
        }
        String componentId = probes.load(handle, result.probeId())
                .orElseThrow(() -> new IllegalStateException("probe " + result.probeId() + " is not registered"))
                .componentId();
        Optional<ProbeTransition> t = quorum.apply(handle, result, location, thresholds, placement, canary,
                clock.instant());
        t.ifPresent(transition -> applyTransition(handle, result.probeId(), componentId, transition, thresholds));
        return t;
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
