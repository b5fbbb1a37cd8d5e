package dev.vigil.probes;

import dev.vigil.config.ConfigLoader;
import dev.vigil.config.ProbeConfig;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

/** A probe written as in vigil.yml (one entry of its probes list), read by the real loader and checked once. */
final class YamlProbe {
    private static final String HEAD = """
            site: {name: Acme, url: "http://localhost:7070"}
            components: [{id: web, name: Web}]
            probes:
            """;

    private YamlProbe() {}

    /** @param entry the probe's keys, indented as a list entry ("  - id: p\n    component: web\n ...") */
    static ProbeConfig read(String entry, Map<String, String> env) {
        return ConfigLoader.parse(HEAD + entry, env).probes().get(0);
    }

    static CheckResult check(String entry) {
        return check(read(entry, Map.of()));
    }

    static CheckResult check(ProbeConfig config) {
        try (HttpClients clients = new HttpClients()) {
            return Probes.of(config, Clock.fixed(ProbeUnderTest.NOW, ZoneOffset.UTC), clients, id -> LatestPings.NONE)
                    .start(ProbeUnderTest.SCHEDULED).join();
        }
    }
}
