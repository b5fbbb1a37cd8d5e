package dev.vigil.engine;

/**
 * Why a due check did not run. The first two are a slow target's doing: Vigil stays polite to it and records
 * the gap. The last two are Vigil's own: it cannot keep up, and {@link EngineHealth#behind()} says so.
 */
public enum SkipReason {
    PREVIOUS_RUNNING("previous_check_running", false),
    HOST_LIMIT("host_limit", false),
    IN_FLIGHT_LIMIT("in_flight_limit", true),
    TIMER_LATE("timer_late", true);

    private final String key;
    private final boolean vigilBehind;

    SkipReason(String key, boolean vigilBehind) {
        this.key = key;
        this.vigilBehind = vigilBehind;
    }

    /** The name in /health. */
    public String key() {
        return key;
    }

    /** True when the skip means Vigil itself could not keep up, rather than a target being slow. */
    public boolean vigilBehind() {
        return vigilBehind;
    }

    /** The sentence stored with the skipped check. */
    String sentence(String host, Limits limits) {
        return switch (this) {
            case PREVIOUS_RUNNING -> "skipped: the previous check was still running";
            case HOST_LIMIT -> "skipped: " + limits.perHost() + " checks of " + host + " were already in flight";
            case IN_FLIGHT_LIMIT -> "skipped: Vigil already had " + limits.overall() + " checks in flight";
            case TIMER_LATE -> "skipped: Vigil's probe timer was late";
        };
    }
}
