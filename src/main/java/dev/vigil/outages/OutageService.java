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
     * many checks), or throws and keeps none of them. Each transition is applied exactly once: a batch that
     * failed half-way is rolled back whole, so the caller may try it again as it was (the probe engine does,
     * after a pause, while the database cannot write; and it writes a batch refused for its data one result
     * at a time, so that one bad result costs only itself). Returns the transitions.
     */
    public List<ProbeTransition> recordAll(List<CheckResult> results) {
        List<Pending> kept = results.stream().map(r -> withThresholds(r, ProbeLocations.SERVER))
                .flatMap(Optional::stream).toList();
        if (kept.isEmpty()) {
            return List.of();
        }
        return announced(database.write(handle -> applyAll(handle, kept, ProbeLocations.SERVER)));
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
            return applyAll(handle, fresh, location);
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

    /**
     * Writes the batch's results (all taken at one location) with one insert, then applies them in order. A
     * server-only probe's state is loaded once and saved once at the end (issue 11: at 20,000 results a second,
     * statements per result are what costs), except that states are saved before a transition is applied, which
     * reads the statuses of the component's other probes from the store. A probe with several locations, or a
     * result taken elsewhere, steps that location's machine instead ({@link #applyAtLocation}); the canary's
     * results say whether their location is trusted.
     */
    private List<Confirmed> applyAll(Handle handle, List<Pending> pending, String location) {
        // Removed after its check began and before the registry forgot it: its outage is already closed.
        Set<String> retired = probes.retiredAmong(handle, pending.stream().filter(p -> !p.canary())
                .map(p -> p.result().probeId()).collect(Collectors.toSet()));
        List<Pending> live = pending.stream().filter(p -> !retired.contains(p.result().probeId())).toList();
        checks.insertAll(handle, live.stream().filter(p -> !p.canary()).map(Pending::result).toList(), location);
        BatchStates states = new BatchStates(probes, handle, live.stream()
                .filter(p -> !p.canary() && p.result().outcome() != Outcome.SKIPPED && atServerAlone(p))
                .map(p -> p.result().probeId()).collect(Collectors.toSet()));
        List<Confirmed> confirmed = new ArrayList<>();
        for (Pending p : live) {
            if (p.canary()) {
                states.save(handle);
                confirmed.addAll(applyCanary(handle, p.location(), p.result()));
            } else if (p.result().outcome() == Outcome.SKIPPED) {
                continue; // no data: the probe's state and counters stay as they were
            } else if (!atServerAlone(p)) {
                applyAtLocation(handle, p, states).ifPresent(confirmed::add);
            } else if (!canary.failingAt(canaries, handle, p.location(), p.result().startedAt())) {
                // (while the canary fails at the server too, the result is inconclusive: kept as a row, no more)
                stepAtServer(handle, p, states).ifPresent(confirmed::add);
            }
        }
        states.save(handle);
        return confirmed;
    }

    /** Whether the result is of a probe the server alone checks, taken there: its machine is the probes row. */
    private boolean atServerAlone(Pending p) {
        return ProbeLocations.SERVER.equals(p.location()) && placementOf(p.result().probeId()).serverOnly();
    }

    private Optional<Confirmed> stepAtServer(Handle handle, Pending p, BatchStates states) {
        String probeId = p.result().probeId();
        ProbeStateStore.Versioned before = states.current(probeId);
        OutageDetector.Step step = new OutageDetector(p.thresholds())
                .apply(before.state(), p.result().outcome(), p.result().startedAt(), p.result().reason());
        states.change(probeId, step.state(), before);
        if (step.transition().isEmpty()) {
            return Optional.empty();
        }
        states.save(handle);
        applyTransition(handle, probeId, before.componentId(), step.transition().get(), p.thresholds());
        return Optional.of(new Confirmed(probeId, step.transition().get()));
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

    /** Steps the machine of the result's location and the probe's quorum (issue 11). */
    private Optional<Confirmed> applyAtLocation(Handle handle, Pending p, BatchStates states) {
        CheckResult result = p.result();
        Placement placement = placementOf(result.probeId());
        if (!placement.at(p.location())) {
            log.info("Probe {} does not run at {} (any more); its result there is kept and counts for nothing",
                    result.probeId(), p.location());
            return Optional.empty();
        }
        String componentId = probes.load(handle, result.probeId())
                .orElseThrow(() -> new IllegalStateException("probe " + result.probeId() + " is not registered"))
                .componentId();
        Optional<ProbeTransition> t = quorum.apply(handle, result, p.location(), p.thresholds(), placement, canary,
                clock.instant());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        states.save(handle); // the transition reads the statuses of the component's other probes
        applyTransition(handle, result.probeId(), componentId, t.get(), p.thresholds());
        return Optional.of(new Confirmed(result.probeId(), t.get()));
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
