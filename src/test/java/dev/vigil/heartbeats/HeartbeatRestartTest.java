package dev.vigil.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vigil stops and starts again over the same data while the backup job keeps (or stops) pinging (issue 11). */
class HeartbeatRestartTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;
    private final MovableClock clock = new MovableClock();
    private RunningVigil vigil;

    @AfterEach
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void aGeneratedTokenStaysTheSameAcrossARestart() {
        start();
        String before = (String) HeartbeatTokenTest.row(database(), "cleanup").get("generated_token");
        restart();

        String after = (String) HeartbeatTokenTest.row(database(), "cleanup").get("generated_token");
        assertThat(after).isEqualTo(before);
        assertThat(vigil.get("/ping/" + before).statusCode()).isEqualTo(200);
    }

    @Test
    void anOutageOpenAcrossARestartIsNeitherOpenedAgainNorClosed() {
        start();
        vigil.get("/ping/" + HeartbeatPingTest.BACKUP_TOKEN);
        vigil.post("/ping/" + HeartbeatPingTest.BACKUP_TOKEN + "/fail");
        RunningVigil.await(PATIENCE, "the backup's outage", () -> HeartbeatPingTest.latestOutage(database(), "backup") != null);
        restart();

        long looks = looksAtBackup();
        RunningVigil.await(PATIENCE, "three looks after the restart", () -> looksAtBackup() >= looks + 3);

        assertThat(HeartbeatPingTest.outageCount(database(), "backup")).isEqualTo(1);
        assertThat(HeartbeatPingTest.latestOutage(database(), "backup").get("ended_at")).isNull();
        assertThat(automaticIncidents()).isEqualTo(1);
        vigil.get("/ping/" + HeartbeatPingTest.BACKUP_TOKEN);
        RunningVigil.await(PATIENCE, "the backup's recovery",
                () -> HeartbeatPingTest.latestOutage(database(), "backup").get("ended_at") != null);
        assertThat(HeartbeatPingTest.outageCount(database(), "backup")).isEqualTo(1);
    }

    @Test
    void aJobThatWasDueWhileVigilWasStoppedIsLateFromItsDeadline() {
        start();
        vigil.get("/ping/" + HeartbeatPingTest.BACKUP_TOKEN);
        Instant pinged = HeartbeatPingTest.oldestFirst(database(), "backup").get(0).receivedAt();
        vigil.close();
        vigil = null;
        clock.advance(Duration.ofSeconds(90));
        start();

        RunningVigil.await(PATIENCE, "the backup's outage", () -> HeartbeatPingTest.latestOutage(database(), "backup") != null);
        Map<String, Object> outage = HeartbeatPingTest.latestOutage(database(), "backup");
        assertThat(outage.get("started_at")).isEqualTo(pinged.plusSeconds(61).toEpochMilli());
    }

    private void start() {
        vigil = RunningVigil.start(dataDir, HeartbeatTokenTest.YAML, Map.of(), clock);
    }

    private void restart() {
        vigil.close();
        vigil = null;
        start();
    }

    private Database database() {
        return vigil.vigil().database();
    }

    private long looksAtBackup() {
        return database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM check_results WHERE probe_id = 'backup'")
                .mapTo(Long.class).one());
    }

    private long automaticIncidents() {
        return database().read(handle -> handle.createQuery("SELECT COUNT(*) FROM incidents WHERE source = 'probe'")
                .mapTo(Long.class).one());
    }
}
