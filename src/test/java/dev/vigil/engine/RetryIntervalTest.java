package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.HttpTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.HttpProbe;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.TargetServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing probe is checked again after its retry interval until its failure is confirmed, then at its pace. */
class RetryIntervalTest {
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration RETRY = Duration.ofMillis(500);

    private final List<CheckResult> recorded = new CopyOnWriteArrayList<>();
    private final HttpClients clients = new HttpClients();
    private ProbeEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        clients.close();
    }

    @Test
    void aFailureIsConfirmedWithinRetriesNotWholeIntervalsAndThenTheProbeKeepsItsInterval() throws Exception {
        try (TargetServer target = TargetServer.start()) {
            target.answer(503);
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan(target.url(), 3));

            RunningVigil.await(Duration.ofSeconds(20), "three failed checks", () -> recorded.size() >= 3);
            Thread.sleep(3 * RETRY.toMillis());

            assertThat(recorded).hasSize(3).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.DOWN));
            for (int i = 1; i < 3; i++) {
                Duration spacing = Duration.between(recorded.get(i - 1).scheduledAt(), recorded.get(i).scheduledAt());
                assertThat(spacing).isBetween(RETRY.minusMillis(20), Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void aPassingProbeIsNotRetried() throws Exception {
        try (TargetServer target = TargetServer.start()) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan(target.url(), 3));

            RunningVigil.await(Duration.ofSeconds(20), "a first check", () -> !recorded.isEmpty());
            Thread.sleep(4 * RETRY.toMillis());

            assertThat(recorded).hasSize(1).first().extracting(CheckResult::outcome).isEqualTo(Outcome.UP);
        }
    }

    @Test
    void aProbeThatOpensOnItsFirstFailureIsNotRetried() throws Exception {
        try (TargetServer target = TargetServer.start()) {
            target.answer(503);
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan(target.url(), 1));

            RunningVigil.await(Duration.ofSeconds(20), "a first check", () -> !recorded.isEmpty());
            Thread.sleep(4 * RETRY.toMillis());

            assertThat(recorded).hasSize(1);
        }
    }

    private ProbeSchedule plan(String url, int failuresToOpen) {
        HttpTarget target = new HttpTarget(URI.create(url), Duration.ofSeconds(2), HttpTarget.DEFAULT_MAX_BODY_BYTES,
                new HttpTarget.Expectation(200, null, null));
        ProbeConfig config = new ProbeConfig("web", "web", target, INTERVAL, Duration.ofSeconds(2), RETRY,
                failuresToOpen, 2, ProbeLocations.SERVER_ONLY);
        return new ProbeSchedule(new HttpProbe(config, Clock.systemUTC(), clients), target.host(), INTERVAL,
                config.timeout(), Duration.ZERO, RETRY, failuresToOpen);
    }
}
