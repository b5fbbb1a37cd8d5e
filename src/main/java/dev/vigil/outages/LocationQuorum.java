package dev.vigil.outages;

import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Outage detection for a probe with several locations (issue 11), in the caller's transaction: each result steps
 * its location's own state machine ({@link OutageDetector}, the probe's thresholds), then the probe's status is
 * derived from all of its locations by {@link QuorumRule} and stored in the probes table, where components,
 * outages and incidents read it as they read a server-only probe's. Time passing alone (a location falling
 * silent, a canary flipping) is applied by {@link #rederive}.
 */
final class LocationQuorum {
    private final ProbeStateStore probes;
    private final LocationStateStore locations = new LocationStateStore();
    private final CanaryStore canaries;
    private final OutageStore outages;

    LocationQuorum(ProbeStateStore probes, CanaryStore canaries, OutageStore outages) {
        this.probes = probes;
        this.canaries = canaries;
        this.outages = outages;
    }

    /** What the canary means for this probe's locations; silentAfter is null when there is no canary. */
    record CanaryRule(Duration silentAfter) {
        static final CanaryRule NONE = new CanaryRule(null);

        boolean failingAt(CanaryStore canaries, Handle handle, String location, Instant at) {
            return silentAfter != null && canaries.failingAt(handle, location, at, silentAfter);
        }

        Set<String> failingNow(CanaryStore canaries, Handle handle, Instant now) {
            return silentAfter == null ? Set.of() : canaries.failingNow(handle, now, silentAfter);
        }
    }

    /** Steps the location's machine with the (already stored) result; returns the probe's transition, if any. */
    Optional<ProbeTransition> apply(Handle handle, CheckResult result, String location, Thresholds thresholds,
            Placement placement, CanaryRule canary, Instant now) {
        String probeId = result.probeId();
        locations.lockProbe(handle, probeId);
        LocationState state = locations.load(handle, probeId, location).orElse(LocationState.initial());
        if (state.lastCheckedAt() != null && !result.startedAt().isAfter(state.lastCheckedAt())) {
            return Optional.empty(); // older than what this location reported already: kept as a row, nothing more
        }
        Optional<ProbeTransition> step = Optional.empty();
        if (canary.failingAt(canaries, handle, location, result.startedAt())) {
            state = state.reported(result.startedAt(), result.reason());
        } else {
            OutageDetector.Step next = new OutageDetector(thresholds)
                    .apply(state.machine(), result.outcome(), result.startedAt(), result.reason());
            step = next.transition();
            state = new LocationState(next.state(), step.map(ProbeTransition::at).orElse(state.statusSince()),
                    result.reason());
            step.ifPresent(t -> locations.appendChange(handle, probeId, location, t));
        }
        locations.save(handle, probeId, location, state);
        return derive(handle, probeId, placement, canary, now, step.map(ProbeTransition::at), result.startedAt());
    }

    /** Applies what time alone changed; returns the probe's transition, if any. */
    Optional<ProbeTransition> rederive(Handle handle, String probeId, Placement placement, CanaryRule canary,
            Instant now) {
        locations.lockProbe(handle, probeId);
        return derive(handle, probeId, placement, canary, now, Optional.empty(), now);
    }

    /** The per-location view now, for the API and the public page. */
    QuorumRule.Verdict verdict(Handle handle, String probeId, Placement placement, CanaryRule canary, Instant now) {
        Map<String, LocationState> states = locations.all(handle, probeId);
        return QuorumRule.decide(placement.locations(), states, canary.failingNow(canaries, handle, now), now,
                placement.silentAfter());
    }

    /** A probe that is retired or now runs at the server alone forgets its locations. */
    void forget(Handle handle, String probeId) {
        locations.forget(handle, probeId);
    }

    /**
     * @param now what a location's silence is judged against: the wall clock
     * @param stepAt when the location's own change that prompted this began (its first check), if one did: a
     *     recovery is dated from it rather than from the moment it was confirmed
     * @param confirmedAt the check that confirmed any change (as for a server-only probe), or now when time alone did
     */
    private Optional<ProbeTransition> derive(Handle handle, String probeId, Placement placement, CanaryRule canary,
            Instant now, Optional<Instant> stepAt, Instant confirmedAt) {
        Optional<ProbeStateStore.Versioned> stored = probes.load(handle, probeId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        QuorumRule.Verdict verdict = verdict(handle, probeId, placement, canary, now);
        ProbeStatus before = stored.get().state().status();
        if (verdict.status() == before) {
            return Optional.empty();
        }
        ProbeTransition transition = transition(handle, probeId, placement, before, verdict, confirmedAt, stepAt);
        ProbeState next = new ProbeState(verdict.status(), Streak.NONE, verdict.reason(), Streak.NONE, Streak.NONE,
                Streak.NONE, confirmedAt);
        if (!probes.save(handle, probeId, next, stored.get().version())) {
            throw new IllegalStateException("probe " + probeId + " was updated concurrently");
        }
        return Optional.of(transition);
    }

    private ProbeTransition transition(Handle handle, String probeId, Placement placement, ProbeStatus before,
            QuorumRule.Verdict verdict, Instant confirmedAt, Optional<Instant> stepAt) {
        boolean worse = rank(verdict.status()) > rank(before);
        if (worse) {
            Instant since = verdict.since() == null ? confirmedAt : verdict.since();
            return new ProbeTransition(before, verdict.status(), since, latest(since, confirmedAt), verdict.reason());
        }
        // Better: dated from the location's own recovery when one prompted it, never before the outage began.
        Instant at = stepAt.orElse(confirmedAt);
        if (before == ProbeStatus.DOWN) {
            Optional<Outage> open = outages.openFor(handle, probeId);
            if (open.isPresent() && at.isBefore(open.get().startedAt())) {
                at = open.get().startedAt();
            }
        }
        String uncounted = verdict.uncounted();
        String reason = stepAt.isPresent() && uncounted.isEmpty() ? "checks pass again"
                : "fewer than " + placement.locations().quorum() + " of its " + placement.locations().names().size()
                        + " locations see it failing" + (uncounted.isEmpty() ? "" : ": " + uncounted);
        return new ProbeTransition(before, verdict.status(), at, latest(at, confirmedAt), reason);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static int rank(ProbeStatus status) {
        return switch (status) {
            case UP -> 0;
            case DEGRADED -> 1;
            case DOWN -> 2;
        };
    }
}
