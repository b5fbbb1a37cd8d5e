package dev.vigil.outages;

import dev.vigil.config.ProbeLocations;
import dev.vigil.probes.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A probe's status from what its locations see (issue 11), as a pure function.
 *
 * <p>Each location is failing, degraded or passing by its own confirmed state (its own failures_to_open and
 * successes_to_close), or it counts neither way: no data when it has not reported for {@link Placement#silentAfter},
 * inconclusive while the canary fails there too. The probe is down while at least quorum locations are failing,
 * dated from the earliest failure among them; degraded while at least quorum are degraded or failing; up
 * otherwise. So with three locations, a quorum of two and one of them silent, two failing still make an outage,
 * one failing alone never does, and a failing location that falls silent stops counting.
 */
final class QuorumRule {
    private QuorumRule() {}

    /** What one location sees, with its state (null when it never reported). */
    record Seen(String location, LocationCondition condition, LocationState state) {}

    /**
     * @param since when the status began: the earliest confirmed change among the agreeing locations; null for up
     * @param reason the failure in words, with the locations that see it; null for up
     */
    record Verdict(ProbeStatus status, Instant since, String reason, List<Seen> seen) {
        /** The locations that count neither way, in words, for a recovery's reason: "eu-west has no data". */
        String uncounted() {
            List<String> parts = seen.stream().filter(s -> !s.condition().counts())
                    .map(s -> s.location() + (s.condition() == LocationCondition.NO_DATA ? " has no data"
                            : " is inconclusive (the canary failed too)")).toList();
            return String.join(", ", parts);
        }
    }

    static LocationCondition condition(LocationState state, boolean canaryFailing, Instant now, Duration silentAfter) {
        if (state == null || state.lastCheckedAt() == null || state.lastCheckedAt().plus(silentAfter).isBefore(now)) {
            return LocationCondition.NO_DATA;
        }
        if (canaryFailing) {
            return LocationCondition.INCONCLUSIVE;
        }
        return switch (state.machine().status()) {
            case DOWN -> LocationCondition.FAILING;
            case DEGRADED -> LocationCondition.DEGRADED;
            case UP -> LocationCondition.PASSING;
        };
    }

    static Verdict decide(ProbeLocations locations, Map<String, LocationState> states, Set<String> canaryFailing,
            Instant now, Duration silentAfter) {
        List<Seen> seen = new ArrayList<>();
        for (String name : locations.names()) {
            LocationState state = states.get(name);
            seen.add(new Seen(name, condition(state, canaryFailing.contains(name), now, silentAfter), state));
        }
        List<Seen> failing = seen.stream().filter(s -> s.condition() == LocationCondition.FAILING).toList();
        if (failing.size() >= locations.quorum()) {
            Seen first = earliest(failing);
            return new Verdict(ProbeStatus.DOWN, first.state().statusSince(),
                    Objects.requireNonNullElse(first.state().machine().failReason(), "check failed") + at(failing), seen);
        }
        List<Seen> slow = seen.stream().filter(s -> s.condition() == LocationCondition.FAILING
                || s.condition() == LocationCondition.DEGRADED).toList();
        if (slow.size() >= locations.quorum()) {
            return new Verdict(ProbeStatus.DEGRADED, earliest(slow).state().statusSince(),
                    "responses slower than allowed" + at(slow), seen);
        }
        return new Verdict(ProbeStatus.UP, null, null, seen);
    }

    private static Seen earliest(List<Seen> agreeing) {
        return agreeing.stream().min(Comparator.comparing((Seen s) -> s.state().statusSince(),
                Comparator.nullsLast(Comparator.naturalOrder()))).orElseThrow();
    }

    private static String at(List<Seen> agreeing) {
        return " (seen from " + String.join(", ", agreeing.stream().map(Seen::location).toList()) + ")";
    }
}
