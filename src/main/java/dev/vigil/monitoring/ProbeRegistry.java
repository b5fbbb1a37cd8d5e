package dev.vigil.monitoring;

import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import dev.vigil.db.Database;
import dev.vigil.engine.ProbeEngine;
import dev.vigil.engine.ProbeSchedule;
import dev.vigil.heartbeats.Heartbeats;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.Placement;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.Probe;
import dev.vigil.probes.Probes;
import dev.vigil.probes.ProbeSettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The probes that run: those of vigil.yml and those made in the console (issue 3). Each runs on
 * the {@link ProbeEngine}, apart from Vigil's own jobs, with its thresholds in the {@link OutageService}. {@link #refresh} makes the
 * running set match what is declared, starting new probes, restarting changed ones and stopping
 * removed ones, while Vigil runs.
 */
public final class ProbeRegistry {
    private static final Logger log = LoggerFactory.getLogger(ProbeRegistry.class);

    private final Database database;
    private final ProbeSettingsStore settings;
    private final ProbeEngine engine;
    private final OutageService outages;
    private final HttpClients clients;
    private final Heartbeats heartbeats;
    private final Clock clock;
    private final Map<String, ProbeConfig> running = new LinkedHashMap<>();
    private List<ProbeConfig> fromConfig;

    public ProbeRegistry(List<ProbeConfig> fromConfig, Database database, ProbeSettingsStore settings,
            ProbeEngine engine, OutageService outages, HttpClients clients, Heartbeats heartbeats, Clock clock) {
        this.fromConfig = List.copyOf(fromConfig);
        this.database = database;
        this.settings = settings;
        this.engine = engine;
        this.outages = outages;
        this.clients = clients;
        this.heartbeats = heartbeats;
        this.clock = clock;
    }

    /** Runs the probes of vigil.yml and the console's active ones from the database, and only those. */
    public synchronized void refresh() {
        List<ProbeConfig> wanted = new ArrayList<>(fromConfig);
        Set<String> yamlIds = Set.copyOf(fromConfig.stream().map(ProbeConfig::id).toList());
        database.read(settings::active).stream().filter(p -> !yamlIds.contains(p.id())).forEach(wanted::add);
        runExactly(wanted);
    }

    /** After vigil.yml was reloaded: its probes are now these. */
    public synchronized void refresh(List<ProbeConfig> newFromConfig) {
        fromConfig = List.copyOf(newFromConfig);
        refresh();
    }

    /** The running probes: vigil.yml's in file order, then the console's by id. */
    public synchronized List<ProbeConfig> running() {
        return List.copyOf(running.values());
    }

    public synchronized boolean isFromConfig(String probeId) {
        return fromConfig.stream().anyMatch(p -> p.id().equals(probeId));
    }

    private void runExactly(List<ProbeConfig> wanted) {
        Map<String, ProbeConfig> next = new LinkedHashMap<>();
        wanted.forEach(p -> next.put(p.id(), p));
        // Before any starts: a heartbeat's first check reads the pings loaded here, its token works from now on.
        heartbeats.follow(List.copyOf(next.values()));
        for (String id : List.copyOf(running.keySet())) {
            if (!next.containsKey(id)) {
                engine.cancel(id);
                outages.forget(id);
                log.info("Probe {} stopped", id);
            }
        }
        for (ProbeConfig probe : next.values()) {
            ProbeConfig before = running.get(probe.id());
            if (probe.equals(before)) {
                continue;
            }
            start(probe);
            log.info("Probe {} {} ({} every {})", probe.id(), before == null ? "started" : "restarted with new settings",
                    probe.target().shown(), probe.interval());
        }
        running.clear();
        running.putAll(next);
    }

    /**
     * Each probe's first check is spread over its interval, by a hash of its id, so that checks
     * do not bunch at the top of the minute and the spread stays the same across restarts.
     */
    private void start(ProbeConfig probe) {
        outages.useThresholds(probe.id(), new Thresholds(probe.failuresToOpen(), probe.successesToClose()));
        outages.usePlacement(probe.id(), Placement.of(probe));
        if (!probe.locations().names().contains(ProbeLocations.SERVER)) {
            engine.cancel(probe.id()); // only agents check it (issue 11)
            return;
        }
        Probe check = Probes.of(probe, clock, clients, heartbeats);
        long spread = Math.floorMod(probe.id().hashCode(), Math.max(1, probe.interval().toMillis()));
        // Scheduling an id again replaces its schedule: a changed probe is restarted in one step.
        engine.schedule(new ProbeSchedule(check, hostOf(probe), probe.interval(),
                probe.timeout(), Duration.ofMillis(spread), probe.retryInterval(), probe.failuresToOpen()));
    }

    /**
     * Runs the canary at the server, as every agent runs it (issue 11): a check of Vigil's own connectivity whose
     * failure makes the server's results inconclusive. Does nothing when none is configured.
     */
    public void startCanary(ProbeConfig canary) {
        if (canary == null) {
            return;
        }
        outages.useCanary(Placement.silentAfter(canary));
        engine.schedule(new ProbeSchedule(Probes.of(canary, clock, clients, heartbeats), hostOf(canary), canary.interval(),
                canary.timeout(), Duration.ZERO));
        log.info("The canary runs every {} ({})", canary.interval(), canary.target().shown());
    }

    /** What the per-host limit counts by; a probe that connects nowhere counts on its own. */
    private static String hostOf(ProbeConfig probe) {
        String host = probe.target().host();
        return host != null ? host : "probe:" + probe.id();
    }
}
