package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.Probe;
import dev.vigil.testing.RunningVigil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A probe checked at once, besides its schedule, because what it reads changed (a heartbeat's ping, issue 11). */
class CheckNowTest {
    private final List<CheckResult> recorded = new CopyOnWriteArrayList<>();
    private final ProbeEngine engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aProbeAskedForNowIsCheckedWithoutWaitingForItsNextTurn() {
        engine.schedule(new ProbeSchedule(answersAtOnce("backup"), "probe:backup", Duration.ofHours(1),
                Duration.ofSeconds(1), Duration.ofHours(1)));

        engine.checkNow("backup");

        Duration waited = RunningVigil.await(Duration.ofSeconds(20), "the check asked for", () -> !recorded.isEmpty());
        assertThat(waited).isLessThan(Duration.ofSeconds(5));
        assertThat(recorded).extracting(CheckResult::outcome).containsExactly(Outcome.UP);
    }

    @Test
    void aProbeThatIsNotScheduledIsNotChecked() throws InterruptedException {
        engine.schedule(new ProbeSchedule(answersAtOnce("backup"), "probe:backup", Duration.ofHours(1),
                Duration.ofSeconds(1), Duration.ofHours(1)));
        engine.cancel("backup");

        engine.checkNow("backup");
        engine.checkNow("never-scheduled");
        Thread.sleep(300);

        assertThat(recorded).isEmpty();
    }

    private static Probe answersAtOnce(String id) {
        return new Probe() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public CompletableFuture<CheckResult> start(Instant scheduledAt) {
                return CompletableFuture.completedFuture(CheckResult.of(id, scheduledAt, Outcome.UP, "OK"));
            }
        };
    }
}
