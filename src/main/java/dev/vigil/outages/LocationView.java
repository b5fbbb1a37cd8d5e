package dev.vigil.outages;

import dev.vigil.config.ProbeLocations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What one location sees of a probe now (issue 11), for the probe API and the public page.
 *
 * @param lastCheckAt the start of the location's last result; null when it never reported
 * @param reason in words: the failure, "no result in the last 9 s", "inconclusive: the canary failed too"; null
 *     when nothing needs saying
 */
public record LocationView(String name, LocationCondition condition, Instant lastCheckAt, String reason) {
    public static final String INCONCLUSIVE = "inconclusive: the canary failed too";

    static List<LocationView> of(Handle handle, String probeId, Placement placement, LocationQuorum quorum,
            ProbeStateStore probes, LocationQuorum.CanaryRule canary, CanaryStore canaries, Instant now) {
        if (placement.serverOnly()) {
            return List.of(server(probes.load(handle, probeId).map(ProbeStateStore.Versioned::state),
                    canary.failingAt(canaries, handle, ProbeLocations.SERVER, now)));
        }
        return quorum.verdict(handle, probeId, placement, canary, now).seen().stream()
                .map(seen -> new LocationView(seen.location(), seen.condition(),
                        seen.state() == null ? null : seen.state().lastCheckedAt(), reason(seen, placement)))
                .toList();
    }

    /** A probe at the server alone: its own state machine is the server's view. */
    private static LocationView server(Optional<ProbeState> state, boolean canaryFailing) {
        if (state.isEmpty() || state.get().lastCheckedAt() == null) {
            return new LocationView(ProbeLocations.SERVER, LocationCondition.NO_DATA, null, "no results yet");
        }
        ProbeState s = state.get();
        if (canaryFailing) {
            return new LocationView(ProbeLocations.SERVER, LocationCondition.INCONCLUSIVE, s.lastCheckedAt(), INCONCLUSIVE);
        }
        return switch (s.status()) {
            case DOWN -> new LocationView(ProbeLocations.SERVER, LocationCondition.FAILING, s.lastCheckedAt(), s.failReason());
            case DEGRADED -> new LocationView(ProbeLocations.SERVER, LocationCondition.DEGRADED, s.lastCheckedAt(),
                    "responses slower than allowed");
            case UP -> new LocationView(ProbeLocations.SERVER, LocationCondition.PASSING, s.lastCheckedAt(), null);
        };
    }

    private static String reason(QuorumRule.Seen seen, Placement placement) {
        return switch (seen.condition()) {
            case NO_DATA -> seen.state() == null ? "no results yet"
                    : "no result in the last " + placement.silentAfter().toSeconds() + " s";
            case INCONCLUSIVE -> INCONCLUSIVE;
            case FAILING -> seen.state().machine().failReason();
            case DEGRADED -> "responses slower than allowed";
            case PASSING -> null;
        };
    }
}
