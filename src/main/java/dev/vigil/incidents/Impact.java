package dev.vigil.incidents;

import dev.vigil.components.ComponentStatus;
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

    /** The impact an automatic incident takes from the worst component status it covers. */
    public static Impact of(ComponentStatus status) {
        return switch (status) {
            case MAJOR_OUTAGE -> CRITICAL;
            case PARTIAL_OUTAGE -> MAJOR;
            case DEGRADED_PERFORMANCE -> MINOR;
            case OPERATIONAL, UNDER_MAINTENANCE -> NONE;
        };
    }

    public Impact atLeast(Impact other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
