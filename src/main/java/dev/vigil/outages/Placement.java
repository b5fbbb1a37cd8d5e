package dev.vigil.outages;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import java.time.Duration;

/**
 * Where a probe runs (issue 11) and when a location that stopped reporting counts as "no data": after three
 * intervals and the timeout without a result, plus {@link #SEND_ALLOWANCE} because an agent sends its results in
 * batches (every two seconds) and they travel.
 */
public record Placement(ProbeLocations locations, Duration silentAfter) {
    public static final Duration SEND_ALLOWANCE = Duration.ofSeconds(5);
    static final int SILENT_INTERVALS = 3;
    public static final Placement SERVER_ONLY = new Placement(ProbeLocations.SERVER_ONLY, Duration.ofMinutes(3));

    public static Placement of(ProbeConfig probe) {
        return new Placement(probe.locations(), silentAfter(probe));
    }

    /** How long a location may go without a result of this probe before it has no data. */
    public static Duration silentAfter(ProbeConfig probe) {
        return probe.interval().multipliedBy(SILENT_INTERVALS).plus(probe.timeout()).plus(SEND_ALLOWANCE);
    }

    /** The probe runs at the server alone: its outages follow the server's checks exactly as before issue 11. */
    public boolean serverOnly() {
        return locations.serverOnly();
    }

    public boolean at(String location) {
        return locations.names().contains(location);
    }
}
