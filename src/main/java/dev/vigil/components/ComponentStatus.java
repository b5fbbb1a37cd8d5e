package dev.vigil.components;

import dev.vigil.probes.ProbeStatus;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** A component's status, with the names and order of the Statuspage API. */
public enum ComponentStatus {
    OPERATIONAL("Operational", 0),
    UNDER_MAINTENANCE("Under maintenance", 1),
    DEGRADED_PERFORMANCE("Degraded performance", 2),
    PARTIAL_OUTAGE("Partial outage", 3),
    MAJOR_OUTAGE("Major outage", 4);

    private final String label;
    private final int severity;

    ComponentStatus(String label, int severity) {
        this.label = label;
        this.severity = severity;
    }

    /** The API value, e.g. "partial_outage". */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public int severity() {
        return severity;
    }

    public boolean isOutage() {
        return this == PARTIAL_OUTAGE || this == MAJOR_OUTAGE;
    }

    public static ComponentStatus fromApiName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * A component's status from its probes: all down is a major outage, some down a partial one,
     * any degraded is degraded performance. A component without probes is operational.
     */
    public static ComponentStatus fromProbes(Collection<ProbeStatus> probes) {
        long down = probes.stream().filter(p -> p == ProbeStatus.DOWN).count();
        if (down > 0) {
            return down == probes.size() ? MAJOR_OUTAGE : PARTIAL_OUTAGE;
        }
        return probes.contains(ProbeStatus.DEGRADED) ? DEGRADED_PERFORMANCE : OPERATIONAL;
    }

    /** The worst of several statuses, as a group shows its worst child. */
    public static ComponentStatus worst(Collection<ComponentStatus> statuses) {
        return statuses.stream().max(Comparator.comparingInt(ComponentStatus::severity)).orElse(OPERATIONAL);
    }
}
