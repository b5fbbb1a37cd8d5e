package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testing.FileSystemFaults;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.SqliteWriteLock;
import dev.vigil.testing.TargetServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: a real Vigil on a real SQLite file whose database stops taking writes for a while (another
 * connection holds its write lock, the disk is full). Every check keeps its turn, waits in memory, and is
 * written once the database answers, with its own times; /health says what is wrong meanwhile, and the public
 * page never stops.
 */
class DatabaseFaultsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration RECOVERY = Duration.ofSeconds(40);
    static final List<String> PROBES = List.of("web-home", "web-api");

    @TempDir
    Path dataDir;
    private final TargetServer target = TargetServer.start();
    private final FileSystemFaults faults = new FileSystemFaults();
    private RunningVigil vigil;

    @AfterEach
    void stop() throws IOException {
        if (vigil != null) {
            vigil.close();
        }
        faults.close();
        target.close();
    }

    @Test
    void lockedDatabaseLosesNoCheck() throws Exception {
        vigil = RunningVigil.start(dataDir, yaml(target));
        awaitChecksOfEveryProbe();
        long lockedAt;
        long releasedAt;
        List<Seen> seen;
        try (SqliteWriteLock lock = SqliteWriteLock.take(dataDir.resolve("vigil.db"))) {
            lockedAt = System.currentTimeMillis();
            // Longer than the writer's busy timeout (10 s): the write first waits, then fails, then is tried again.
            seen = watch(Duration.ofSeconds(4));
            target.down(); // the failures that open the outages wait in memory too
            seen.addAll(watch(Duration.ofSeconds(9)));
            releasedAt = System.currentTimeMillis();
        }
        awaitHealthy();

        assertThat(seen).allSatisfy(s -> assertThat(s.pageStatus()).as("GET / during the lock").isEqualTo(200));
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.healthStatus()).isEqualTo(503);
            assertThat(s.health().path("database").asText()).startsWith("cannot write results for");
            assertThat(s.health().path("reason").asText()).startsWith("database: cannot write results for")
                    .contains("locked");
            assertThat(s.health().at("/results/buffered").asInt()).isPositive();
            assertThat(s.health().at("/results/oldest_age_ms").asLong()).isPositive();
        });
        CheckLedger ledger = new CheckLedger("jdbc:sqlite:" + dataDir.resolve("vigil.db"));
        for (String probe : PROBES) {
            List<CheckLedger.Row> rows = ledger.assertEveryCheckOnce(probe, lockedAt - 2_000, releasedAt, INTERVAL);
            // Made during the lock and written after it, each with the time it was made.
            assertThat(rows.stream().filter(r -> r.startedAt() > lockedAt + 1_000 && r.startedAt() < releasedAt - 1_000))
                    .hasSizeGreaterThanOrEqualTo(8);
            // The state machine saw each failure once: one transition down, one outage, dated by the first failure.
            long firstFailure = rows.stream().filter(r -> r.outcome().equals("DOWN")).mapToLong(CheckLedger.Row::startedAt)
                    .min().orElseThrow();
            assertThat(firstFailure).isBetween(lockedAt, releasedAt);
            assertThat(ledger.count("SELECT COUNT(*) FROM probe_status_changes WHERE probe_id = '" + probe + "'"))
                    .isEqualTo(1);
            assertThat(ledger.count("SELECT COUNT(*) FROM outages WHERE probe_id = '" + probe + "' AND started_at = "
                    + firstFailure)).isEqualTo(1);
        }
        assertThat(ledger.count("SELECT COUNT(*) FROM outages")).isEqualTo(PROBES.size());
    }

    @Test
    void thePublicPageServesWhileTheDatabaseIsLocked() throws Exception {
        vigil = RunningVigil.start(dataDir, yaml(target));
        awaitChecksOfEveryProbe();
        List<Seen> seen;
        try (SqliteWriteLock lock = SqliteWriteLock.take(dataDir.resolve("vigil.db"))) {
            seen = watch(Duration.ofSeconds(7));
            HttpResponse<String> page = vigil.get("/");
            HttpResponse<String> summary = vigil.get("/api/v2/summary.json");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Test Status").contains("Web application");
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(summary.body()).contains("\"name\":\"Web application\"");
        }
        assertThat(seen).hasSizeGreaterThan(10).allSatisfy(s -> assertThat(s.pageStatus()).isEqualTo(200));
        // Seven seconds of waiting: past the point where a write that waits counts as failing.
        assertThat(seen).anySatisfy(s -> assertThat(s.healthStatus()).isEqualTo(503));
        awaitHealthy();
    }

    @Test
    void aFullDiskLosesNoCheckAndSaysTheDiskIsFull() throws Exception {
        Path disk = faults.tmpfs(dataDir.resolve("disk"), "32m");
        vigil = RunningVigil.start(disk, yaml(target));
        awaitChecksOfEveryProbe();
        emptyTheWriteAheadLog(disk.resolve("vigil.db")); // so that the next commits need new space
        Path filler = faults.fill(disk);
        long fullAt = System.currentTimeMillis();
        List<Seen> seen = watch(Duration.ofSeconds(8));
        Files.delete(filler);
        long freedAt = System.currentTimeMillis();
        awaitHealthy();

        assertThat(seen).allSatisfy(s -> assertThat(s.pageStatus()).isEqualTo(200));
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.healthStatus()).isEqualTo(503);
            assertThat(s.health().path("database").asText()).startsWith("cannot write results for").contains("disk full");
        });
        CheckLedger ledger = new CheckLedger("jdbc:sqlite:" + disk.resolve("vigil.db"));
        for (String probe : PROBES) {
            ledger.assertEveryCheckOnce(probe, fullAt - 2_000, freedAt, INTERVAL);
        }
    }

    /** What /health and GET / answered at one moment of a fault. */
    record Seen(int healthStatus, JsonNode health, int pageStatus) {}

    private List<Seen> watch(Duration during) throws InterruptedException {
        List<Seen> seen = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            HttpResponse<String> health = vigil.get("/health");
            seen.add(new Seen(health.statusCode(), json(health.body()), vigil.get("/").statusCode()));
            Thread.sleep(250);
        }
        return seen;
    }

    private void awaitChecksOfEveryProbe() {
        RunningVigil.await(Duration.ofSeconds(20), "a check of every probe", () -> PROBES.stream().allMatch(probe ->
                vigil.vigil().database().read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM check_results WHERE probe_id = :probe").bind("probe", probe)
                        .mapTo(Long.class).one()) > 0));
    }

    private void awaitHealthy() {
        RunningVigil.await(RECOVERY, "/health to answer 200 with nothing left waiting", () -> {
            HttpResponse<String> health = vigil.get("/health");
            return health.statusCode() == 200 && json(health.body()).at("/results/buffered").asInt() == 0;
        });
    }

    /** Checkpoints the WAL into the database and truncates it, retrying while a reader holds an old snapshot. */
    static void emptyTheWriteAheadLog(Path database) throws SQLException, InterruptedException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            for (int attempt = 0; attempt < 50; attempt++) {
                try (ResultSet rs = db.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    if (rs.next() && rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the WAL of " + database + " could not be emptied");
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String yaml(TargetServer target) {
        StringBuilder yaml = new StringBuilder("""
                components:
                  - id: web
                    name: Web application
                probes:
                """);
        for (String probe : PROBES) {
            yaml.append("  - {id: %s, component: web, url: \"%s\", interval: 1s, timeout: 1s, failures_to_open: 2, successes_to_close: 2}\n"
                    .formatted(probe, target.url()));
        }
        return yaml.toString();
    }
}
