package dev.vigil.components;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How much of the service is affected, from its components' statuses: the one rule that the public
 * page's banner, its Statuspage indicator and the impact of automatic incidents all follow.
 *
 * <ul>
 *   <li>The service is down ({@link Level#MAJOR_OUTAGE}) when every component is in a major outage,
 *       or when an essential one is: losing it loses everything, whatever else still works.</li>
 *   <li>Otherwise any component in a major or partial outage makes a partial outage: one of five
 *       components down is a part of the service, not all of it.</li>
 *   <li>Otherwise any degraded component makes it degraded, and any under maintenance, maintenance.</li>
 * </ul>
 *
 * A component under maintenance is not down: it counts neither as an outage nor towards "every
 * component", since its failures are expected for the length of the window.
 *
 * @param total how many components there are, affected or not
 */
public record ServiceHealth(Level level, List<Component> unavailable, List<Component> partlyUnavailable,
        List<Component> slow, List<Component> inMaintenance, int total) {

    /** From all working to all (or an essential part) down. */
    public enum Level { OPERATIONAL, MAINTENANCE, DEGRADED, PARTIAL_OUTAGE, MAJOR_OUTAGE }

    public ServiceHealth {
        unavailable = List.copyOf(unavailable);
        partlyUnavailable = List.copyOf(partlyUnavailable);
        slow = List.copyOf(slow);
        inMaintenance = List.copyOf(inMaintenance);
    }

    /** The service as its components stand. */
    public static ServiceHealth of(Collection<Component> components) {
        List<Component> unavailable = new ArrayList<>();
        List<Component> partly = new ArrayList<>();
        List<Component> slow = new ArrayList<>();
        List<Component> maintenance = new ArrayList<>();
        for (Component component : components) {
            switch (component.status()) {
                case MAJOR_OUTAGE -> unavailable.add(component);
                case PARTIAL_OUTAGE -> partly.add(component);
                case DEGRADED_PERFORMANCE -> slow.add(component);
                case UNDER_MAINTENANCE -> maintenance.add(component);
                case OPERATIONAL -> { }
            }
        }
        return new ServiceHealth(level(components.size(), unavailable, partly, slow, maintenance),
                unavailable, partly, slow, maintenance, components.size());
    }

    /**
     * The service as if only the given components were affected and every other one worked: how bad
     * an incident of those components is by itself, apart from other incidents at the same time.
     */
    public static ServiceHealth ofOnly(Collection<Component> components, Collection<String> affectedIds) {
        return of(components.stream().map(c -> affectedIds.contains(c.id()) ? c : operational(c)).toList());
    }

    /** How many components are not fully working, maintenance included. */
    public int affected() {
        return unavailable.size() + partlyUnavailable.size() + slow.size() + inMaintenance.size();
    }

    private static Level level(int total, List<Component> unavailable, List<Component> partly, List<Component> slow,
            List<Component> maintenance) {
        if (!unavailable.isEmpty() && (unavailable.size() == total || unavailable.stream().anyMatch(Component::essential))) {
            return Level.MAJOR_OUTAGE;
        }
        if (!unavailable.isEmpty() || !partly.isEmpty()) {
            return Level.PARTIAL_OUTAGE;
        }
        if (!slow.isEmpty()) {
            return Level.DEGRADED;
        }
        return maintenance.isEmpty() ? Level.OPERATIONAL : Level.MAINTENANCE;
    }

    private static Component operational(Component c) {
        return new Component(c.id(), c.name(), c.groupName(), c.description(), c.position(),
                ComponentStatus.OPERATIONAL, c.source(), c.createdAt(), c.updatedAt(), c.essential());
    }
}
