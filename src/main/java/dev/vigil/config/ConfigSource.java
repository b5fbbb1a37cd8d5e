package dev.vigil.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the running configuration came from, so that the console can read the file again (issue 3).
 *
 * @param env the environment it was read with; the same one is used for every reload
 */
public record ConfigSource(Path file, Map<String, String> env) {
    public ConfigSource {
        env = Map.copyOf(env);
    }

    /** Shown without the environment, which holds secrets. */
    @Override
    public String toString() {
        return "ConfigSource[" + file + "]";
    }
}
