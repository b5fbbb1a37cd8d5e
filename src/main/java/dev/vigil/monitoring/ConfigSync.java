package dev.vigil.monitoring;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.ComponentConfig;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.outages.ProbeRetirement;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.ProbeSettingsStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Makes the stored components and probes match the YAML file, which is their source of truth.
 * Probe state is kept across restarts; removed components and probes are retired, not deleted,
 * so their history stays. Runs at start-up and when vigil.yml is reloaded from the console; what
 * the console made is left alone, except console probes of a component that left the file.
 * Every probe retired here goes through {@link ProbeRetirement}, which closes its open outage.
 */
public final class ConfigSync {
    public static final String SOURCE = "config";

    private final ComponentStore components;
    private final ProbeStateStore probes;
    private final ProbeRetirement retirement;
    private final ProbeSettingsStore settings = new ProbeSettingsStore();

    public ConfigSync(ComponentStore components, ProbeStateStore probes, ProbeRetirement retirement) {
        this.components = components;
        this.probes = probes;
        this.retirement = retirement;
    }

    public void apply(Handle handle, VigilConfig config, Instant now) {
        int position = 1;
        for (ComponentConfig c : config.components()) {
            components.upsert(handle, c.id(), c.name(), c.group(), c.description(), position++, c.essential(), SOURCE,
                    now);
        }
        components.retireAllExcept(handle, config.components().stream().map(ComponentConfig::id).toList(), SOURCE, now);
        for (ProbeConfig p : config.probes()) {
            // vigil.yml is the source of truth: a probe it declares takes over a console probe of the same id.
            probes.register(handle, p.id(), p.componentId(), p.isHttp() ? p.http().url().toString() : p.target().shown(),
                    SOURCE, now);
            settings.delete(handle, p.id());
        }
        for (String removed : probes.configProbesExcept(handle, config.probes().stream().map(ProbeConfig::id).toList())) {
            retirement.retire(handle, removed, now);
        }
        retireOrphans(handle, now);
        rederiveStatuses(handle, now);
    }

    /** Retires one probe (closing its open outage) and re-derives the statuses. */
    public void retireProbe(Handle handle, String probeId, Instant now) {
        retirement.retire(handle, probeId, now);
        rederiveStatuses(handle, now);
    }

    /** Retires the active probes of retired components; returns their ids. */
    public List<String> retireOrphans(Handle handle, Instant now) {
        List<String> orphans = probes.orphans(handle);
        orphans.forEach(id -> retirement.retire(handle, id, now));
        return orphans;
    }

    /** After probes were added, changed or removed: each component's status from its active probes again. */
    public void rederiveStatuses(Handle handle, Instant now) {
        for (Component component : components.all(handle)) {
            List<dev.vigil.probes.ProbeStatus> statuses = List.copyOf(probes.statusesOf(handle, component.id()).values());
            ComponentStatus derived = ComponentStatus.fromProbes(statuses);
            if (derived != component.status() && component.status() != ComponentStatus.UNDER_MAINTENANCE) {
                components.changeStatus(handle, component.id(), derived, now, "configuration changed");
            }
        }
    }
}
