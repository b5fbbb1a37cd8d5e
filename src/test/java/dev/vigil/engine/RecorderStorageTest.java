package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.SqliteWriteLock;
import dev.vigil.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recorder writing into a real SQLite file while another connection holds its write lock (issue 11). */
class RecorderStorageTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @RegisterExtension
    final TestDatabase store = TestDatabase.sqlite();
    private final CheckStore checks = new CheckStore();
    private Database database;
    private Recorder recorder;

    @BeforeEach
    void openTheStore() {
        database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/health
                """), T0);
    }

    @AfterEach
    void stop() {
        if (recorder != null) {
            recorder.close();
        }
    }

    @Test
    void whatAFullBufferDroppedIsRecordedAsNoDataOnceTheDatabaseAnswers() throws Exception {
        recorder = new Recorder(sink(), 3);
        recorder.start();
        try (SqliteWriteLock lock = SqliteWriteLock.take(file())) {
            recorder.add(check(0));
            Thread.sleep(1_000); // the recorder has taken it, and waits for the lock
            for (int second = 1; second < 10; second++) {
                recorder.add(check(second));
            }
            assertThat(recorder.backlog().waiting()).isEqualTo(4);
            assertThat(recorder.backlog().dropped()).isEqualTo(6);
            Thread.sleep(2_000);
        }
        RunningVigil.await(Duration.ofSeconds(20), "nothing left waiting", () -> recorder.backlog().waiting() == 0
                && stored().size() == 5);

        List<CheckResult> stored = stored();
        assertThat(stored).extracting(CheckResult::outcome).containsExactly(Outcome.UP, Outcome.SKIPPED, Outcome.UP,
                Outcome.UP, Outcome.UP);
        assertThat(stored).extracting(CheckResult::scheduledAt)
                .containsExactly(second(0), second(1), second(7), second(8), second(9));
        assertThat(stored.get(1).reason()).matches("result lost: the database could not take it for \\d+ s "
                + "\\(6 checks, 2025-03-01T10:00:01Z to 2025-03-01T10:00:06Z\\)");
    }

    @Test
    void aResultTheStoreRefusesCostsOnlyItselfAndTheOthersAreWrittenInOrder() throws Exception {
        recorder = new Recorder(sink(), 100);
        recorder.start();
        try (SqliteWriteLock lock = SqliteWriteLock.take(file())) {
            recorder.add(check(0));
            Thread.sleep(1_000);
            recorder.add(check(1));
            recorder.add(CheckResult.of("ghost", second(2), Outcome.DOWN, "status 500")); // no such probe
            recorder.add(check(3));
        }
        RunningVigil.await(Duration.ofSeconds(20), "the others written", () -> stored().size() == 3
                && recorder.backlog().waiting() == 0);

        assertThat(stored()).extracting(CheckResult::scheduledAt).containsExactly(second(0), second(1), second(3));
        long all = database.read(h -> checks.count(h));
        assertThat(all).isEqualTo(3);
    }

    private ResultSink sink() {
        return ResultSink.of(batch -> database.write(handle -> {
            batch.forEach(result -> checks.insert(handle, result));
            return null;
        }), database::writeFault);
    }

    private List<CheckResult> stored() {
        List<CheckResult> oldestFirst = new ArrayList<>(database.read(h -> checks.latest(h, "web-home", 100)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private Path file() {
        return Path.of(store.url().substring("jdbc:sqlite:".length()));
    }

    private static CheckResult check(int second) {
        return CheckResult.of("web-home", second(second), Outcome.UP, "OK");
    }

    private static Instant second(int second) {
        return T0.plusSeconds(second);
    }
}
