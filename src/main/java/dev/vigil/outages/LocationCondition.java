package dev.vigil.outages;

import java.util.Locale;

/**
 * What one location sees of a probe right now (issue 11). Only FAILING, DEGRADED and PASSING count toward a
 * quorum: a location that stopped reporting (NO_DATA) or whose canary fails too (INCONCLUSIVE) counts neither
 * way, and never shows as downtime.
 */
public enum LocationCondition {
    FAILING("down"),
    DEGRADED("degraded"),
    PASSING("up"),
    NO_DATA("no_data"),
    INCONCLUSIVE("no_data");

    private final String apiName;

    LocationCondition(String apiName) {
        this.apiName = apiName;
    }

    /** The status the API and the public page give it: up, down, degraded or no_data. */
    public String apiName() {
        return apiName;
    }

    public boolean counts() {
        return this == FAILING || this == DEGRADED || this == PASSING;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
