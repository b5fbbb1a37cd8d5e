package dev.vigil.components;

import dev.vigil.config.ComponentConfig;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.outages.ProbeStateStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Makes the stored components and probes match the YAML file, which is their source of truth.
 * Probe state is kept across restarts; removed components and probes are retired, not deleted,
 * so their history stays.
 */
public final class ConfigSync {
    public static final String SOURCE = "config";

    private final ComponentStore components;
    private final ProbeStateStore probes;

    public ConfigSync(ComponentStore components, ProbeStateStore probes) {
        this.components = components;
        this.probes = probes;
    }

    public void apply(Handle handle, VigilConfig config, Instant now) {
        int position = 1;
        for (ComponentConfig c : config.components()) {
            components.upsert(handle, c.id(), c.name(), c.group(), c.description(), position++, SOURCE, now);
        }
        components.retireAllExcept(handle, config.components().stream().map(ComponentConfig::id).toList(), SOURCE, now);
        for (ProbeConfig p : config.probes()) {
            probes.register(handle, p.id(), p.componentId(), p.url().toString(), now);
        }
        probes.retireAllExcept(handle, config.probes().stream().map(ProbeConfig::id).toList(), now);
        for (Component component : components.all(handle)) {
            List<dev.vigil.outages.ProbeStatus> statuses = List.copyOf(probes.statusesOf(handle, component.id()).values());
            ComponentStatus derived = ComponentStatus.fromProbes(statuses);
            if (derived != component.status() && component.status() != ComponentStatus.UNDER_MAINTENANCE) {
                components.changeStatus(handle, component.id(), derived, now, "configuration changed");
            }
        }
    }
}
