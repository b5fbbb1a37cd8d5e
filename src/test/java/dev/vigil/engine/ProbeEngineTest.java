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
import dev.vigil.testing.StallingTarget;
import dev.vigil.testing.TargetServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on its own, checking real local targets; its results are collected as they are recorded. */
class ProbeEngineTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

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
    void eachProbeIsCheckedEveryIntervalAndItsStartLagIsKept() {
        try (TargetServer target = TargetServer.start()) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan("web", target.url(), Duration.ofMillis(250), Duration.ofMillis(200)));

            RunningVigil.await(PATIENCE, "eight checks", () -> recorded.size() >= 8);

            List<CheckResult> results = List.copyOf(recorded);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.UP);
                assertThat(Duration.between(r.scheduledAt(), r.startedAt())).isBetween(Duration.ZERO,
                        Duration.ofMillis(200));
            });
            for (int i = 1; i < results.size(); i++) {
                Duration spacing = Duration.between(results.get(i - 1).scheduledAt(), results.get(i).scheduledAt());
                assertThat(spacing).isBetween(Duration.ofMillis(230), Duration.ofMillis(270));
            }
            assertThat(engine.health().checksStarted()).isGreaterThanOrEqualTo(8);
            assertThat(engine.health().behind()).isFalse();
        }
    }

    @Test
    void aCheckOfATargetThatNeverAnswersEndsAsATimeout() throws Exception {
        try (StallingTarget target = StallingTarget.neverAnswers()) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan("stuck", target.url(), Duration.ofSeconds(1), Duration.ofMillis(500)));

            RunningVigil.await(PATIENCE, "a first result", () -> !recorded.isEmpty());

            CheckResult first = recorded.get(0);
            assertThat(first.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(first.reason()).startsWith("timeout after");
            assertThat(first.duration()).isBetween(Duration.ofMillis(450), Duration.ofMillis(1_500));
        }
    }

    @Test
    void aCheckStillRunningWhenTheNextTwoFallDueCostsTheFirstOfThemItsTurnAndSaysWhy() throws Exception {
        try (StallingTarget target = StallingTarget.neverAnswers()) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            // Longer than the interval, which vigil.yml refuses, so that checks of one probe queue up.
            engine.schedule(plan("stuck", target.url(), Duration.ofMillis(300), Duration.ofMillis(1_000)));

            RunningVigil.await(PATIENCE, "a skipped check", () -> skipped().size() >= 1);

            assertThat(skipped().get(0).reason()).isEqualTo("skipped: the previous check was still running");
            assertThat(skipped().get(0).duration()).isZero();
            assertThat(engine.health().skipped().get(SkipReason.PREVIOUS_RUNNING)).isPositive();
            assertThat(engine.health().behind()).isFalse();
        }
    }

    @Test
    void manyProbesOfOneSlowHostNeverHaveMoreThanEightChecksThereAtOnce() throws Exception {
        // 8 at a time for 300 ms each is fewer checks a second than 40 probes want: some must wait their turn.
        try (StallingTarget target = StallingTarget.answersAfter(Duration.ofMillis(300))) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            for (int i = 0; i < 40; i++) {
                engine.schedule(plan("slow-" + i, target.url(), Duration.ofSeconds(1), Duration.ofMillis(900)));
            }

            RunningVigil.await(PATIENCE, "checks skipped for the host limit",
                    () -> skipped().stream().anyMatch(r -> r.reason().contains("were already in flight")));
            RunningVigil.await(PATIENCE, "forty answers", () -> outcomes(Outcome.UP) >= 40);

            assertThat(outcomes(Outcome.DOWN)).isZero();
            assertThat(target.mostAtOnce()).isEqualTo(Limits.MAX_IN_FLIGHT_PER_HOST);
            String host = HttpTarget.hostOf(URI.create(target.url()));
            assertThat(skipped()).allSatisfy(r -> assertThat(r.reason())
                    .isEqualTo("skipped: 8 checks of " + host + " were already in flight"));
            // A slow target costs its own checks; Vigil itself keeps up.
            assertThat(engine.health().behind()).isFalse();
        }
    }

    @Test
    void withTheOverallLimitFullChecksAreSkippedAndVigilSaysItIsBehind() throws Exception {
        try (StallingTarget target = StallingTarget.answersAfter(Duration.ofMillis(900))) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC(), new Limits(2, 8));
            for (int i = 0; i < 4; i++) {
                engine.schedule(plan("busy-" + i, target.url(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
            }

            RunningVigil.await(PATIENCE, "a check skipped for the overall limit", () -> skipped().stream()
                    .anyMatch(r -> r.reason().equals("skipped: Vigil already had 2 checks in flight")));

            assertThat(target.mostAtOnce()).isLessThanOrEqualTo(2);
            EngineHealth health = engine.health();
            assertThat(health.skipped().get(SkipReason.IN_FLIGHT_LIMIT)).isPositive();
            assertThat(health.behind()).isTrue();
        }
    }

    @Test
    void aCancelledProbeStartsNoFurtherCheck() throws Exception {
        try (TargetServer target = TargetServer.start()) {
            engine = new ProbeEngine(recorded::addAll, Clock.systemUTC());
            engine.schedule(plan("web", target.url(), Duration.ofMillis(200), Duration.ofMillis(150)));
            RunningVigil.await(PATIENCE, "two checks", () -> recorded.size() >= 2);

            engine.cancel("web");
            int requestsAtCancel = target.requests();
            Thread.sleep(800);

            assertThat(target.requests()).isLessThanOrEqualTo(requestsAtCancel + 1);
            assertThat(engine.health().inFlight()).isZero();
            assertThat(engine.health().waiting()).isZero();
        }
    }

    @Test
    void resultsThatArriveWhileABatchIsWrittenGoTogetherIntoTheNextAndEachIsRecordedOnce() {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (TargetServer target = TargetServer.start()) {
            engine = new ProbeEngine(batch -> {
                batchSizes.add(batch.size());
                pause(Duration.ofMillis(300)); // a slow database
                recorded.addAll(batch);
            }, Clock.systemUTC());
            for (int i = 0; i < 10; i++) {
                engine.schedule(plan("web-" + i, target.url(), Duration.ofMillis(200), Duration.ofMillis(150)));
            }

            RunningVigil.await(PATIENCE, "forty results", () -> recorded.size() >= 40);

            assertThat(batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0)).isGreaterThan(1);
            List<String> checks = recorded.stream().map(r -> r.probeId() + "@" + r.scheduledAt()).toList();
            assertThat(checks).doesNotHaveDuplicates();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<CheckResult> skipped() {
        return recorded.stream().filter(r -> r.outcome() == Outcome.SKIPPED).toList();
    }

    private long outcomes(Outcome outcome) {
        return recorded.stream().filter(r -> r.outcome() == outcome).count();
    }

    private ProbeSchedule plan(String id, String url, Duration interval, Duration timeout) {
        HttpTarget target = new HttpTarget(URI.create(url), timeout, HttpTarget.DEFAULT_MAX_BODY_BYTES,
                new HttpTarget.Expectation(200, null, null));
        ProbeConfig config = new ProbeConfig(id, "web", target, interval, timeout, interval, 2, 2,
                ProbeLocations.SERVER_ONLY);
        return new ProbeSchedule(new HttpProbe(config, Clock.systemUTC(), clients), target.host(), interval, timeout,
                Duration.ZERO);
    }
}
