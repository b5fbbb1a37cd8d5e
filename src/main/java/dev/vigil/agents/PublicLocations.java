package dev.vigil.agents;

import dev.vigil.config.ProbeConfig;
import dev.vigil.monitoring.ProbeRegistry;
import dev.vigil.outages.LocationView;
import dev.vigil.outages.OutageService;
import dev.vigil.statuspage.ComponentLocations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What each location sees of each component (issue 11), for the public page. A component with several probes is
 * seen at a location as the worst of its probes there; a location has no data only when none of them has any.
 */
public record PublicLocations(ProbeRegistry probes, OutageService outages) implements ComponentLocations {
    private static final List<String> WORSE = List.of("no_data", "up", "degraded", "down");

    @Override
    public Map<String, List<Place>> read(Handle handle) {
        Map<String, Map<String, String>> byComponent = new LinkedHashMap<>();
        for (ProbeConfig probe : probes.running()) {
            if (probe.locations().serverOnly()) {
                continue;
            }
            Map<String, String> places = byComponent.computeIfAbsent(probe.componentId(), id -> new LinkedHashMap<>());
            for (LocationView view : outages.locationsOf(handle, probe.id())) {
                places.merge(view.name(), view.condition().apiName(), PublicLocations::worse);
            }
        }
        Map<String, List<Place>> read = new LinkedHashMap<>();
        byComponent.forEach((component, places) -> {
            List<Place> list = new ArrayList<>();
            places.forEach((name, status) -> list.add(new Place(name, status)));
            read.put(component, List.copyOf(list));
        });
        return read;
    }

    private static String worse(String a, String b) {
        return WORSE.indexOf(a) >= WORSE.indexOf(b) ? a : b;
    }
}
