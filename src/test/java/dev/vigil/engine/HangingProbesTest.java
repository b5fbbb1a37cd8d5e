package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.StallingTarget;
import dev.vigil.testing.TargetServer;
import dev.vigil.uptime.MonitorSessions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 probes of a target that accepts and never answers, beside a few of a healthy one: Vigil's own jobs keep
 * their schedule, the healthy probes are checked on time, and the hanging checks hold no threads.
 */
class HangingProbesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HANGING = 200;
    private static final int HEALTHY = 3;
    private static final Duration WARM_UP = Duration.ofSeconds(4);
    private static final Duration WATCHED = Duration.ofSeconds(22);

    @TempDir
    Path dataDir;
    private final StallingTarget stuck = StallingTarget.neverAnswers();
    private final TargetServer healthy = TargetServer.start();
    private RunningVigil vigil;

    @AfterEach
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        stuck.close();
        healthy.close();
    }

    @Test
    void hangingProbesCostTheirOwnChecksAndNeitherVigilsJobsNorOtherProbesNorThreads() throws Exception {
        vigil = RunningVigil.start(dataDir, yaml());
        long startedAt = System.currentTimeMillis();
        Thread.sleep(WARM_UP.toMillis());
        int threadsWarm = threads();
        long watchFrom = System.currentTimeMillis();

        List<Long> heartbeats = watchHeartbeats(WATCHED);
        long watchTo = System.currentTimeMillis();
        int threadsLater = threads();

        // Vigil's own job: the monitor heartbeat (every 10 s) still ran on time, twice or more.
        assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(2);
        long slack = Duration.ofSeconds(2).toMillis();
        assertThat(heartbeats.get(0) - startedAt).isLessThan(MonitorSessions.HEARTBEAT.toMillis() + slack);
        for (int i = 1; i < heartbeats.size(); i++) {
            assertThat(heartbeats.get(i) - heartbeats.get(i - 1))
                    .isBetween(MonitorSessions.HEARTBEAT.toMillis() - slack, MonitorSessions.HEARTBEAT.toMillis() + slack);
        }
        // The healthy probes (every second) were checked on schedule throughout.
        long expected = Duration.ofMillis(watchTo - watchFrom).toSeconds();
        for (int i = 0; i < HEALTHY; i++) {
            Map<String, Object> checks = checksOf("fine-" + i, watchFrom, watchTo);
            assertThat(((Number) checks.get("up")).longValue()).as("checks of fine-%d", i)
                    .isGreaterThanOrEqualTo(expected - 2);
            assertThat(((Number) checks.get("other")).longValue()).as("failed or skipped checks of fine-%d", i).isZero();
            assertThat(((Number) checks.get("worst_lag")).longValue()).as("start lag of fine-%d", i).isLessThan(1_000);
        }
        // The hanging probes time out, eight at a time, and the checks they could not fit are recorded as skipped.
        assertThat(count("outcome = 'DOWN' AND reason LIKE 'timeout after%'")).isPositive();
        assertThat(count("outcome = 'SKIPPED' AND reason LIKE 'skipped: 8 checks of %'")).isPositive();
        // Hanging checks hold timers, not threads.
        assertThat(threadsLater - threadsWarm).isLessThanOrEqualTo(10);
        assertThat(threadsLater).isLessThan(HANGING);

        var response = vigil.get("/health");
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.at("/probes/skipped_by_reason/host_limit").asInt()).isPositive();
        assertThat(health.at("/probes/skipped_by_reason/in_flight_limit").asInt()).isZero();
        assertThat(health.at("/probes/status").asText()).isEqualTo("ok");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** The distinct times the current monitor session was stamped alive, after its start. */
    private List<Long> watchHeartbeats(Duration during) throws InterruptedException {
        List<Long> stamps = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            long alive = vigil.vigil().database().read(h -> h.createQuery(
                    "SELECT last_alive_at - started_at FROM monitor_sessions ORDER BY id DESC LIMIT 1")
                    .mapTo(Long.class).one());
            long stamp = vigil.vigil().database().read(h -> h.createQuery(
                    "SELECT last_alive_at FROM monitor_sessions ORDER BY id DESC LIMIT 1").mapTo(Long.class).one());
            if (alive > 0 && (stamps.isEmpty() || stamps.get(stamps.size() - 1) != stamp)) {
                stamps.add(stamp);
            }
            Thread.sleep(200);
        }
        return stamps;
    }

    private Map<String, Object> checksOf(String probe, long from, long to) {
        return vigil.vigil().database().read(h -> h.createQuery("""
                SELECT SUM(CASE WHEN outcome = 'UP' THEN 1 ELSE 0 END) AS up,
                       SUM(CASE WHEN outcome <> 'UP' THEN 1 ELSE 0 END) AS other,
                       MAX(started_at - scheduled_at) AS worst_lag
                  FROM check_results WHERE probe_id = :probe AND scheduled_at >= :from AND scheduled_at < :to""")
                .bind("probe", probe).bind("from", from).bind("to", to).mapToMap().one());
    }

    private long count(String where) {
        return vigil.vigil().database().read(h -> h.createQuery("SELECT COUNT(*) FROM check_results WHERE " + where)
                .mapTo(Long.class).one());
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private String yaml() {
        StringBuilder yaml = new StringBuilder("""
                components:
                  - id: stuck
                    name: Stuck service
                  - id: fine
                    name: Fine service
                probes:
                """);
        for (int i = 0; i < HANGING; i++) {
            yaml.append("  - {id: hang-%03d, component: stuck, url: \"%s\", interval: 5s, timeout: %ds}\n"
                    .formatted(i, stuck.url(), 2 + i % 2));
        }
        for (int i = 0; i < HEALTHY; i++) {
            yaml.append("  - {id: fine-%d, component: fine, url: \"%s\", interval: 1s, timeout: 1s}\n"
                    .formatted(i, healthy.url()));
        }
        return yaml.toString();
    }
}
