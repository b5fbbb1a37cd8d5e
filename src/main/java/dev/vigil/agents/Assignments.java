package dev.vigil.agents;

import dev.vigil.agent.AssignmentJson;
import dev.vigil.config.Canary;
import dev.vigil.config.ProbeConfig;
import dev.vigil.monitoring.ProbeRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which probes each location runs (issue 11): the running probes whose locations: name it, and the canary, if
 * one is configured. Read from the registry at each request, so a probe added, changed or removed in the
 * console or by a reload reaches the agents with their next fetch.
 */
public record Assignments(ProbeRegistry probes, ProbeConfig canary) {

    public List<ProbeConfig> of(String location) {
        return probes.running().stream().filter(p -> p.locations().names().contains(location)).toList();
    }

    /** The answer to the agent: settings and their version. */
    public Map<String, Object> json(String location) {
        return AssignmentJson.write(location, of(location), canary);
    }

    public String version(String location) {
        return (String) json(location).get("version");
    }

    /** The probe ids an agent at the location may send results of: its probes, and the canary when there is one. */
    public Set<String> idsAt(String location) {
        Set<String> ids = new HashSet<>();
        of(location).forEach(p -> ids.add(p.id()));
        if (canary != null) {
            ids.add(Canary.ID);
        }
        return ids;
    }

    /**
     * How often each probe of the location is checked, as the server knows it: an agent's result vouches for its
     * probe over one interval (the uptime roll-ups read it), and the server's settings say what that is.
     */
    public Map<String, Duration> intervalsAt(String location) {
        Map<String, Duration> intervals = new HashMap<>();
        of(location).forEach(p -> intervals.put(p.id(), p.interval()));
        return intervals;
    }
}
