package dev.vigil.statuspage;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ServiceHealth;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.Incident;
import dev.vigil.maintenance.Maintenance;
import dev.vigil.uptime.DayUptime;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the public page and API are built from: one consistent read of the store.
 *
 * @param uptime each component's last days, oldest first
 * @param recent incidents of the history window (open ones included), newest first
 * @param maintenances maintenance windows not yet completed (in progress or upcoming), soonest first
 * @param latestMaintenances the maintenance windows with the latest starts, upcoming ones included, latest first
 */
public record StatusData(
        Instant now, List<Component> components, Map<String, List<DayUptime>> uptime,
        List<Incident> unresolved, List<Incident> recent,
        List<Maintenance> maintenances, List<Maintenance> latestMaintenances) {

    /**
     * The overall indicator and its sentence, as the Statuspage API words them. It follows how much
     * of the service is affected ({@link ServiceHealth}); an open incident whose impact a person set
     * (opened by hand, or corrected) can only raise it. An automatic incident's own impact is not
     * counted: it comes from the same component statuses, and would otherwise keep the page at its
     * worst moment after the other components recovered.
     */
    public Overall overall() {
        String level = indicator(health().level());
        Impact staffImpact = unresolved.stream().filter(Incident::impactSetByStaff).map(Incident::impact)
                .reduce(Impact.NONE, Impact::atLeast);
        if (rank(staffImpact.apiName()) > rank(level)) {
            level = staffImpact.apiName();
        }
        return new Overall(level, describe(level));
    }

    /** How much of the service is affected, from the components alone. */
    public ServiceHealth health() {
        return ServiceHealth.of(components);
    }

    private static String indicator(ServiceHealth.Level level) {
        return switch (level) {
            case MAJOR_OUTAGE -> "critical";
            case PARTIAL_OUTAGE -> "major";
            case DEGRADED -> "minor";
            case MAINTENANCE -> "maintenance";
            case OPERATIONAL -> "none";
        };
    }

    private static int rank(String level) {
        return List.of("none", "maintenance", "minor", "major", "critical").indexOf(level);
    }

    private static String describe(String level) {
        return switch (level) {
            case "critical" -> "Major Service Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
            case "maintenance" -> "Service Under Maintenance";
            default -> "All Systems Operational";
        };
    }

    public static ComponentStatus worstOf(Collection<Component> components) {
        return ComponentStatus.worst(components.stream().map(Component::status).toList());
    }

    public record Overall(String indicator, String description) {}
}
