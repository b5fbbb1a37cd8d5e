package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testing.FileSystemFaults;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import dev.vigil.testing.VigilProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: faults of the files under SQLite that once killed the JVM (SIGBUS when the WAL index it maps into
 * memory became unwritable), so Vigil runs as a child process here and the test lives to see whether it did.
 */
class DatabaseFaultsProcessTest {
    @TempDir
    Path folder;
    private final TargetServer target = TargetServer.start();
    private final FileSystemFaults faults = new FileSystemFaults();
    private VigilProcess vigil;

    @AfterEach
    void stop() throws Exception {
        if (vigil != null) {
            vigil.close();
        }
        faults.close();
        target.close();
    }

    @Test
    void anUnwritableDatabaseFileNeitherKillsVigilNorLosesACheck() throws Exception {
        FileSystemFaults.assumeRoot();
        Path data = folder.resolve("data");
        vigil = VigilProcess.start(site() + DatabaseFaultsTest.yaml(target), data, folder);
        awaitChecks(data);
        Path database = data.resolve("vigil.db");
        sync(); // the WAL index's pages are clean, so the next write to them asks the file system first
        long unwritableAt = System.currentTimeMillis();
        faults.immutable(data.resolve("vigil.db-shm"));
        List<Seen> seen = watch(Duration.ofSeconds(4));
        faults.immutable(database, data.resolve("vigil.db-wal"), data);
        seen.addAll(watch(Duration.ofSeconds(4)));
        faults.release();
        long writableAt = System.currentTimeMillis();
        RunningVigil.await(Duration.ofSeconds(40), "/health to answer 200 with nothing left waiting", () -> {
            try {
                var health = vigil.get("/health");
                return health.statusCode() == 200
                        && DatabaseFaultsTest.json(health.body()).at("/results/buffered").asInt() == 0;
            } catch (IOException e) {
                return false;
            }
        });

        assertThat(vigil.isAlive()).isTrue();
        assertThat(seen).allSatisfy(s -> assertThat(s.pageStatus()).as("GET / while unwritable").isEqualTo(200));
        assertThat(seen).anySatisfy(s -> {
            assertThat(s.healthStatus()).isEqualTo(503);
            assertThat(s.health().path("database").asText()).startsWith("cannot write results for")
                    .contains("cannot be written");
        });
        CheckLedger ledger = new CheckLedger("jdbc:sqlite:" + database);
        for (String probe : DatabaseFaultsTest.PROBES) {
            ledger.assertEveryCheckOnce(probe, unwritableAt - 2_000, writableAt, DatabaseFaultsTest.INTERVAL);
        }
        // One line as the fault began and one as it ended, not one per check.
        assertThat(vigil.log().lines().filter(line -> line.contains("Probe results cannot be written"))).hasSize(1);
        assertThat(vigil.log()).doesNotContain("SIGBUS");
    }

    @Test
    void aFileSystemTurnedReadOnlyUnderVigilLeavesItServingAndSayingSo() throws Exception {
        Path data = faults.ext4(folder.resolve("disk.img"), folder.resolve("disk"));
        vigil = VigilProcess.start(site() + DatabaseFaultsTest.yaml(target), data, folder);
        awaitChecks(data);
        sync();
        faults.failExt4(data); // as a failing disk would: the kernel remounts it read-only, for good

        List<Seen> seen = watch(Duration.ofSeconds(8));

        assertThat(vigil.isAlive()).isTrue();
        assertThat(seen).allSatisfy(s -> assertThat(s.pageStatus()).as("GET / while read-only").isEqualTo(200));
        Seen last = seen.get(seen.size() - 1);
        assertThat(last.healthStatus()).isEqualTo(503);
        assertThat(last.health().path("database").asText()).startsWith("cannot write results for")
                .contains("read-only file system");
        assertThat(last.health().at("/results/buffered").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(vigil.log()).doesNotContain("SIGBUS");
    }

    /** What /health and GET / answered at one moment of a fault. */
    record Seen(int healthStatus, JsonNode health, int pageStatus) {}

    private List<Seen> watch(Duration during) throws IOException, InterruptedException {
        List<Seen> seen = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            try {
                var health = vigil.get("/health");
                seen.add(new Seen(health.statusCode(), DatabaseFaultsTest.json(health.body()), vigil.status("/")));
            } catch (IOException nothingAnswers) {
                assertThat(vigil.isAlive()).as("Vigil's process is alive").isTrue();
                throw nothingAnswers;
            }
            Thread.sleep(250);
        }
        return seen;
    }

    private static void awaitChecks(Path data) {
        CheckLedger ledger = new CheckLedger("jdbc:sqlite:" + data.resolve("vigil.db"));
        RunningVigil.await(Duration.ofSeconds(30), "checks of every probe", () ->
                ledger.count("SELECT COUNT(DISTINCT probe_id) FROM check_results") == DatabaseFaultsTest.PROBES.size());
    }

    private static void sync() throws IOException, InterruptedException {
        new ProcessBuilder("sync").start().waitFor();
    }

    private static String site() {
        return "site:\n  name: Test Status\n  url: http://status.test\n";
    }
}
