package dev.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.Dispatcher.Decision;
import dev.vigil.engine.Dispatcher.Due;
import dev.vigil.engine.Dispatcher.Skip;
import dev.vigil.engine.Dispatcher.Start;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatcherTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final long MS = Duration.ofMillis(1).toNanos();

    @Test
    void aCheckStartsAtOnceWhenNothingHoldsItBack() {
        Dispatcher dispatcher = new Dispatcher(new Limits(10, 2));

        List<Decision> decisions = dispatcher.due(due("a", "web:80", 0), 3 * MS);

        assertThat(decisions).singleElement().isInstanceOfSatisfying(Start.class,
                start -> assertThat(start.vigilLagNanos()).isEqualTo(3 * MS));
        assertThat(dispatcher.inFlight()).isEqualTo(1);
    }

    @Test
    void aProbesNextCheckWaitsForItsPreviousOneAndIsSkippedWhenTheOneAfterFallsDue() {
        Dispatcher dispatcher = new Dispatcher(new Limits(10, 8));
        dispatcher.due(due("a", "web:80", 0), 0);

        assertThat(dispatcher.due(due("a", "web:80", 1_000), 1_000 * MS)).isEmpty();
        List<Decision> third = dispatcher.due(due("a", "web:80", 2_000), 2_000 * MS);

        assertThat(third).singleElement().isInstanceOfSatisfying(Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo(SkipReason.PREVIOUS_RUNNING);
            assertThat(skip.due().scheduledAt).isEqualTo(T0.plusMillis(1_000));
        });
        assertThat(dispatcher.waiting()).isEqualTo(1);
    }

    @Test
    void noMoreThanThePerHostLimitRunAtOnceAndTheNextStartsWhenOneIsRecorded() {
        Dispatcher dispatcher = new Dispatcher(new Limits(10, 2));
        dispatcher.due(due("a", "web:80", 0), 0);
        dispatcher.due(due("b", "web:80", 0), 0);

        assertThat(dispatcher.due(due("c", "web:80", 0), 0)).isEmpty();
        assertThat(dispatcher.due(due("d", "api:443", 0), 0)).singleElement().isInstanceOf(Start.class);
        List<Decision> afterA = dispatcher.finished("a", "web:80", 700 * MS);

        // c waited 700 ms on its host, not on Vigil: its own start lag begins when the host let it go.
        assertThat(afterA).singleElement().isInstanceOfSatisfying(Start.class, start -> {
            assertThat(start.due().key).isEqualTo("c");
            assertThat(start.vigilLagNanos()).isZero();
        });
    }

    @Test
    void aCheckHeldBackByItsHostForAWholeIntervalIsSkippedForThatReason() {
        Dispatcher dispatcher = new Dispatcher(new Limits(10, 1));
        dispatcher.due(due("a", "web:80", 0), 0);
        dispatcher.due(due("b", "web:80", 0), 0);

        List<Decision> next = dispatcher.due(due("b", "web:80", 1_000), 1_000 * MS);

        assertThat(next).singleElement().isInstanceOfSatisfying(Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo(SkipReason.HOST_LIMIT));
    }

    @Test
    void theOverallLimitHoldsChecksBackAndThatWaitIsVigilsOwnLag() {
        Dispatcher dispatcher = new Dispatcher(new Limits(1, 8));
        dispatcher.due(due("a", "web:80", 0), 0);
        assertThat(dispatcher.due(due("b", "api:443", 0), 0)).isEmpty();

        List<Decision> afterA = dispatcher.finished("a", "web:80", 500 * MS);

        assertThat(afterA).singleElement().isInstanceOfSatisfying(Start.class,
                start -> assertThat(start.vigilLagNanos()).isEqualTo(500 * MS));
        assertThat(dispatcher.due(due("c", "db:5432", 600), 600 * MS)).isEmpty();
        assertThat(dispatcher.due(due("c", "db:5432", 1_600), 1_600 * MS)).singleElement()
                .isInstanceOfSatisfying(Skip.class, skip -> assertThat(skip.reason()).isEqualTo(SkipReason.IN_FLIGHT_LIMIT));
    }

    @Test
    void aStoppedProbesWaitingCheckIsDroppedAndItsRunningOneStillFrees() {
        Dispatcher dispatcher = new Dispatcher(new Limits(10, 1));
        dispatcher.due(due("a", "web:80", 0), 0);
        dispatcher.due(due("b", "web:80", 0), 0);

        dispatcher.forget("b");
        List<Decision> afterA = dispatcher.finished("a", "web:80", 10 * MS);

        assertThat(afterA).isEmpty();
        assertThat(dispatcher.inFlight()).isZero();
        assertThat(dispatcher.waiting()).isZero();
    }

    private static Due due(String key, String host, long atMillis) {
        return new Due(key, host, T0.plusMillis(atMillis), atMillis * MS);
    }
}
