package dev.vigil.probes;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import java.time.Clock;

/** Makes the {@link Probe} that checks a configured probe's target, by its type. */
public final class Probes {
    private Probes() {}

    /** @param clients the HTTP clients shared by all probes that run together */
    public static Probe of(ProbeConfig config, Clock clock, HttpClients clients) {
        if (config.target() instanceof HttpTarget) {
            return new HttpProbe(config, clock, clients);
        }
        if (config.target() instanceof dev.vigil.config.StepsTarget) return new StepsProbe(config, clock, clients);
        throw new IllegalArgumentException("no probe runs targets of type " + config.type());
    }
}
