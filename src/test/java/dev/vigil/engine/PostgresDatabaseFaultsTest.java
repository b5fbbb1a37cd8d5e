package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 on PostgreSQL: another session locks check_results; Vigil's results wait, then all are written. */
class PostgresDatabaseFaultsTest {
    @RegisterExtension
    final TestDatabase postgres = TestDatabase.postgres();
    @TempDir
    Path dataDir;
    private final TargetServer target = TargetServer.start();
    private RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
        target.close();
    }

    @Test
    void resultsWaitWhileAnotherSessionLocksTheTableAndAreAllWrittenAfter() throws Exception {
        vigil = RunningVigil.start(dataDir, DatabaseFaultsTest.yaml(target), Map.of("VIGIL_DB_URL", postgres.url()));
        CheckLedger ledger = new CheckLedger(postgres.url());
        RunningVigil.await(Duration.ofSeconds(20), "checks of every probe", () ->
                ledger.count("SELECT COUNT(DISTINCT probe_id) FROM check_results") == DatabaseFaultsTest.PROBES.size());
        long lockedAt;
        long releasedAt;
        List<Integer> healthDuring = new ArrayList<>();
        List<Integer> pageDuring = new ArrayList<>();
        try (Connection other = DriverManager.getConnection(postgres.url()); Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("LOCK TABLE check_results IN ACCESS EXCLUSIVE MODE");
            lockedAt = System.currentTimeMillis();
            long end = System.nanoTime() + Duration.ofSeconds(9).toNanos();
            while (System.nanoTime() < end) {
                HttpResponse<String> health = vigil.get("/health");
                healthDuring.add(health.statusCode());
                pageDuring.add(vigil.get("/").statusCode());
                Thread.sleep(250);
            }
            assertThat(DatabaseFaultsTest.json(vigil.get("/health").body()).at("/results/buffered").asInt())
                    .isGreaterThanOrEqualTo(8);
            other.commit();
            releasedAt = System.currentTimeMillis();
        }
        RunningVigil.await(Duration.ofSeconds(30), "/health to answer 200 with nothing left waiting", () -> {
            HttpResponse<String> health = vigil.get("/health");
            return health.statusCode() == 200
                    && DatabaseFaultsTest.json(health.body()).at("/results/buffered").asInt() == 0;
        });

        assertThat(pageDuring).containsOnly(200);
        assertThat(healthDuring).contains(503);
        for (String probe : DatabaseFaultsTest.PROBES) {
            ledger.assertEveryCheckOnce(probe, lockedAt - 2_000, releasedAt, DatabaseFaultsTest.INTERVAL);
        }
    }
}
