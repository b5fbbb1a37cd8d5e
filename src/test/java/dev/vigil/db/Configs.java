package dev.vigil.db;

import dev.vigil.components.ComponentStore;
import dev.vigil.components.ConfigSync;
import dev.vigil.config.VigilConfig;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.testing.RunningVigil;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Configurations for storage tests, and their sync into a store as Vigil does at start-up. */
final class Configs {

    private Configs() {}

    /** Parses the components and probes part of a YAML file; the site block is filled in. */
    static VigilConfig parse(String yaml) {
        return RunningVigil.config(Path.of("unused"), yaml, Map.of());
    }

    static void sync(Database database, VigilConfig config, Instant at) {
        database.write(handle -> {
            new ConfigSync(new ComponentStore(), new ProbeStateStore()).apply(handle, config, at);
            return null;
        });
    }
}
