package dev.vigil.probes;

import dev.vigil.config.DnsTarget;
import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.StepsTarget;
import dev.vigil.config.TcpTarget;
import dev.vigil.config.TlsTarget;
import java.time.Clock;

/** Makes the {@link Probe} that checks a configured probe's target, by its type. */
public final class Probes {
    private Probes() {}

    /**
     * @param clients the HTTP clients and socket group shared by all probes that run together
     * @param pings the heartbeats' latest pings, which heartbeat probes read
     */
    public static Probe of(ProbeConfig config, Clock clock, HttpClients clients, PingBook pings) {
        if (config.target() instanceof HttpTarget) {
            return new HttpProbe(config, clock, clients);
        }
        if (config.target() instanceof StepsTarget) {
            return new StepsProbe(config, clock, clients);
        }
        if (config.target() instanceof HeartbeatTarget) {
            return new HeartbeatProbe(config, clock, pings);
        }
        if (config.target() instanceof TcpTarget) {
            return new TcpProbe(config, clock, clients);
        }
        if (config.target() instanceof TlsTarget) {
            return new TlsProbe(config, clock, clients);
        }
        if (config.target() instanceof DnsTarget) {
            return new DnsProbe(config, clock);
        }
        throw new IllegalArgumentException("no probe runs targets of type " + config.type());
    }
}
