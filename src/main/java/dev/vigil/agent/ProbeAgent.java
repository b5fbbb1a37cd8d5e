package dev.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.agent.AssignmentJson.Assignment;
import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.engine.ProbeEngine;
import dev.vigil.engine.ProbeSchedule;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.LatestPings;
import dev.vigil.probes.PingBook;
import dev.vigil.probes.Probes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe agent at one location (issue 11): its probes come from the server (fetched every refresh interval, and
 * at once when an answer says their version changed), run on an engine of its own, and their results go through
 * the {@link ResultBuffer} on disk to the server, a batch at a time. One thread fetches and sends; the engine's
 * threads check and buffer. The last probes fetched are kept on disk too, so an agent restarted while the server
 * is away goes on checking.
 */
public final class ProbeAgent implements AutoCloseable {
    static final int BATCH_SIZE = 200;
    /** Batches sent in one go after an absence, before probes are fetched again. */
    private static final int MAX_BATCHES_PER_ROUND = 50;
    private static final String ASSIGNMENT_FILE = "assignment.json";
    private static final Logger log = LoggerFactory.getLogger(ProbeAgent.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentSettings settings;
    private final Clock clock;
    private final ResultBuffer buffer;
    private final ServerLink link;
    private final HttpClients clients = new HttpClients();
    private final ProbeEngine engine;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vigil-agent");
        thread.setDaemon(false); // keeps the agent's JVM alive
        return thread;
    });
    // Touched on the rounds thread only.
    private final Map<String, ProbeConfig> running = new LinkedHashMap<>();
    private String version;
    private String etag;
    private Instant fetchedAt;
    private boolean fetchNow = true;
    private String lastProblem;
    private long refusedOnce = -1;

    public ProbeAgent(AgentSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.buffer = ResultBuffer.open(settings.dataDir(), settings.capacity());
        this.link = new ServerLink(settings);
        this.engine = new ProbeEngine(buffer::append, clock);
    }

    /** Runs the probes last fetched (if any) at once, then fetches and sends every sendEvery. */
    public ProbeAgent start() {
        rounds.execute(this::resumeFromDisk);
        rounds.scheduleWithFixedDelay(this::round, 0, settings.sendEvery().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops checking; what was checked is in the buffer on disk and goes out after the next start. */
    @Override
    public void close() {
        rounds.shutdown();
        try {
            rounds.awaitTermination(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engine.close();
        clients.close();
    }

    private void round() {
        try {
            Instant now = clock.instant();
            if (fetchNow || fetchedAt == null || !fetchedAt.plus(settings.refreshEvery()).isAfter(now)) {
                fetch(now);
            }
            send();
        } catch (RuntimeException e) {
            log.error("The agent's round failed: {}", e.toString(), e);
        }
    }

    private void resumeFromDisk() {
        Path file = settings.dataDir().resolve(ASSIGNMENT_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            use(JSON.readTree(file.toFile()), null);
            log.info("Checking the {} probes fetched before, until the server answers", running.size());
        } catch (IOException | RuntimeException e) {
            log.warn("The probes kept in {} cannot be read ({}); waiting for the server's", file, e.toString());
        }
    }

    private void fetch(Instant now) {
        ServerLink.Answer answer = link.fetchProbes(etag);
        if (answer.status() == 304) {
            fetchedAt = now;
            fetchNow = false;
            return;
        }
        if (answer.status() != 200 || answer.body() == null) {
            problem(answer, "fetching the probes");
            return;
        }
        reachable();
        fetchedAt = now;
        fetchNow = false;
        etag = answer.etag();
        String before = version;
        use(answer.body(), answer.body());
        if (!Objects.equals(before, version)) {
            log.info("{} probes to run at {} (version {})", running.size() - (running.containsKey(canaryId()) ? 1 : 0),
                    settings.location(), version);
        }
    }

    /** @param toKeep the server's answer to keep on disk, or null when it came from there */
    private void use(JsonNode json, JsonNode toKeep) {
        List<String> refused = new ArrayList<>();
        Assignment assignment = AssignmentJson.read(json, refused);
        refused.forEach(problem -> log.warn("This agent cannot run {}", problem));
        Map<String, ProbeConfig> next = new LinkedHashMap<>();
        assignment.probes().forEach(p -> next.put(p.id(), p));
        if (assignment.canary() != null) {
            next.put(assignment.canary().id(), assignment.canary());
        }
        running.keySet().stream().filter(id -> !next.containsKey(id)).toList().forEach(id -> {
            engine.cancel(id);
            running.remove(id);
        });
        next.values().stream().filter(p -> !p.equals(running.get(p.id()))).forEach(this::run);
        version = assignment.version();
        if (toKeep != null) {
            keep(toKeep);
        }
    }

    private void run(ProbeConfig probe) {
        try {
            long spread = Math.floorMod(probe.id().hashCode(), Math.max(1, probe.interval().toMillis()));
            String host = probe.target().host() == null ? "probe:" + probe.id() : probe.target().host();
            if (probe.target() instanceof HeartbeatTarget) {
                // Pinged at Vigil itself, it connects nowhere and has no locations; no agent is handed one.
                throw new IllegalArgumentException("a heartbeat is pinged at Vigil, not checked from a location");
            }
            PingBook noPings = probeId -> LatestPings.NONE;
            engine.schedule(new ProbeSchedule(Probes.of(probe, clock, clients, noPings), host, probe.interval(), probe.timeout(),
                    Duration.ofMillis(spread), probe.retryInterval(), probe.failuresToOpen()));
            running.put(probe.id(), probe);
        } catch (IllegalArgumentException e) {
            log.warn("This agent cannot run probe {}: {}", probe.id(), e.getMessage());
        }
    }

    private void send() {
        for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
            ResultBuffer.Batch batch = buffer.peek(BATCH_SIZE);
            if (batch.isEmpty()) {
                return;
            }
            List<JsonNode> results = stillAssigned(batch.results());
            ServerLink.Answer answer = results.isEmpty() && batch.dropped() == null ? null
                    : link.sendResults(results, batch.dropped());
            if (answer == null || answer.status() == 200) {
                buffer.acknowledge(batch);
                if (answer != null) {
                    reachable();
                    String latest = answer.body() == null ? null : answer.body().path("probes_version").asText(null);
                    fetchNow |= latest != null && !latest.equals(version);
                }
            } else if (answer.status() == 422 && refusedOnce != batch.lastSeq()) {
                // Most likely a probe that no longer runs here: fetch the probes, and the next try leaves it out.
                log.warn("The server refused a batch of {} results ({}); fetching the probes before trying again",
                        results.size(), answer.body() == null ? answer.problem() : answer.body().path("fields"));
                refusedOnce = batch.lastSeq();
                fetchNow = true;
                return;
            } else if (answer.status() == 400 || answer.status() == 422) {
                // The server will never take these as they are; keeping them would stop every later result.
                log.error("The server refused {} results, which are dropped: {}", results.size(),
                        answer.body() == null ? answer.problem() : answer.body());
                buffer.acknowledge(batch);
            } else {
                problem(answer, "sending " + buffer.waiting() + " results");
                return;
            }
        }
    }

    /** Results of probes the location no longer runs would be refused; once the probes are known, they go. */
    private List<JsonNode> stillAssigned(List<JsonNode> results) {
        if (version == null) {
            return results;
        }
        List<JsonNode> kept = results.stream().filter(r -> running.containsKey(r.path("probe").asText())).toList();
        if (kept.size() < results.size()) {
            log.info("{} buffered results of probes no longer run at {} are dropped", results.size() - kept.size(),
                    settings.location());
        }
        return kept;
    }

    private void problem(ServerLink.Answer answer, String doing) {
        String what = answer.status() == 0 ? "cannot reach the server (" + answer.problem() + ")"
                : answer.unreachable() ? "the server answers " + answer.status()
                : "the server refuses this agent (" + answer.status() + ": " + answer.problem() + ")";
        if (!what.equals(lastProblem)) {
            log.warn("While {}: {}; {}", doing, what, version == null ? "no probes to run until it answers"
                    : "results wait on disk in " + settings.dataDir() + " (" + buffer.waiting()
                            + " now) and are sent with their times once it answers");
            lastProblem = what;
        }
    }

    private void reachable() {
        if (lastProblem != null) {
            log.info("The server answers again; {} results wait to be sent", buffer.waiting());
            lastProblem = null;
        }
    }

    /** The probes' settings hold secrets: the copy on disk is for this agent's user alone. */
    private void keep(JsonNode answer) {
        Path file = settings.dataDir().resolve(ASSIGNMENT_FILE);
        Path temporary = settings.dataDir().resolve(ASSIGNMENT_FILE + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            Files.write(temporary, JSON.writeValueAsBytes(answer));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("The probes could not be kept in {} ({}); a restart waits for the server", file, e.toString());
        }
    }

    private static String canaryId() {
        return dev.vigil.config.Canary.ID;
    }
}
