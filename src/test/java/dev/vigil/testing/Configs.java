package dev.vigil.testing;

import dev.vigil.components.ComponentStore;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.monitoring.ConfigSync;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeRetirement;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.time.TimeFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Configurations for storage tests, and their sync into a store as Vigil does at start-up. */
public final class Configs {

    private Configs() {}

    /** Parses the components and probes part of a YAML file; the site block is filled in. */
    public static VigilConfig parse(String yaml) {
        return RunningVigil.config(Path.of("unused"), yaml, Map.of());
    }

    /** The sync as Vigil builds it: retiring a probe settles its outage and automatic incident. */
    public static ConfigSync sync() {
        ComponentStore components = new ComponentStore();
        ProbeStateStore probes = new ProbeStateStore();
        OutageStore outages = new OutageStore();
        AutoIncidents autoIncidents = new AutoIncidents(new IncidentStore(), outages, new TimeFormat(ZoneId.of("UTC")));
        return new ConfigSync(components, probes, new ProbeRetirement(probes, outages, components, autoIncidents));
    }

    public static void sync(Database database, VigilConfig config, Instant at) {
        database.write(handle -> {
            sync().apply(handle, config, at);
            return null;
        });
    }
}
