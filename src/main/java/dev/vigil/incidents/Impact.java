package dev.vigil.incidents;

import dev.vigil.components.ServiceHealth;
import java.util.Locale;

/** How bad an incident is, with the Statuspage API names. */
public enum Impact {
    NONE,
    MINOR,
    MAJOR,
    CRITICAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Impact fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The impact of an automatic incident: how much of the service its components' failure takes
     * down (see {@link ServiceHealth}), in the Statuspage names.
     */
    public static Impact of(ServiceHealth.Level level) {
        return switch (level) {
            case MAJOR_OUTAGE -> CRITICAL;
            case PARTIAL_OUTAGE -> MAJOR;
            case DEGRADED -> MINOR;
            case OPERATIONAL, MAINTENANCE -> NONE;
        };
    }

    public Impact atLeast(Impact other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
