package dev.vigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the vigil.yml of a fleet: a hundred components, the monitors spread over them and the targets' ports. */
final class FleetConfig {
    private static final int COMPONENTS = 100;

    private FleetConfig() {}

    static Path write(Path dir, FleetSettings settings, List<Integer> answeringPorts, List<Integer> hangingPorts)
            throws IOException {
        StringBuilder yaml = new StringBuilder("""
                site:
                  name: Fleet benchmark
                  url: http://localhost
                components:
                """);
        for (int c = 0; c < COMPONENTS; c++) {
            yaml.append(String.format(Locale.ROOT, "  - {id: c%03d, name: Service %03d}%n", c, c));
        }
        yaml.append("probes:\n");
        int hanging = settings.hangingMonitors();
        for (int m = 0; m < settings.monitors(); m++) {
            // The never-answering monitors are the last ones: a few services broken, not all a little.
            boolean stuck = m >= settings.monitors() - hanging;
            int index = stuck ? m - (settings.monitors() - hanging) : m;
            List<Integer> ports = stuck ? hangingPorts : answeringPorts;
            int port = ports.get(index / 10 % ports.size());
            yaml.append(String.format(Locale.ROOT,
                    "  - {id: m%05d, component: c%03d, url: \"http://127.0.0.1:%d/m%05d\", interval: %ds,"
                            + " timeout: %ds}%n",
                    m, m * COMPONENTS / settings.monitors(), port, m, settings.interval().toSeconds(),
                    settings.timeout().toSeconds()));
        }
        Path file = dir.resolve("vigil.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
