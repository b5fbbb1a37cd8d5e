package dev.vigil.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;

class MonitorSessionStorageTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant RESTART = START.plus(Duration.ofHours(1));

    @OnEachBackend
    void coverageRunsFromEachSessionsStartToItsStopAndForTheCurrentOneToNow(TestDatabase store) {
        Database database = store.open();
        ManualClock clock = new ManualClock(START);
        MonitorSessions first = new MonitorSessions(database, clock);
        first.begin();
        clock.advance(MonitorSessions.HEARTBEAT);
        first.heartbeat();
        clock.advance(Duration.ofSeconds(5));
        first.end();

        clock.set(RESTART);
        MonitorSessions current = new MonitorSessions(database, clock);
        current.begin();
        clock.advance(MonitorSessions.HEARTBEAT);
        current.heartbeat();
        clock.advance(Duration.ofSeconds(3));

        assertThat(current.coverage(START.minus(Duration.ofDays(1)))).containsExactly(
                new Interval(START, START.plusSeconds(15)),
                new Interval(RESTART, RESTART.plusSeconds(13)));
    }

    @OnEachBackend
    void aSessionThatCrashedEndsAtItsLastHeartbeat(TestDatabase store) {
        Database database = store.open();
        ManualClock clock = new ManualClock(START);
        MonitorSessions crashed = new MonitorSessions(database, clock);
        crashed.begin();
        clock.advance(MonitorSessions.HEARTBEAT);
        crashed.heartbeat();

        clock.set(RESTART);
        MonitorSessions current = new MonitorSessions(database, clock);
        current.begin();

        assertThat(current.coverage(START)).containsExactly(
                new Interval(START, START.plus(MonitorSessions.HEARTBEAT)),
                new Interval(RESTART, RESTART));
    }

    @OnEachBackend
    void sessionsThatEndedBeforeTheWindowAreLeftOutButTheCurrentOneNeverIs(TestDatabase store) {
        Database database = store.open();
        ManualClock clock = new ManualClock(START);
        MonitorSessions old = new MonitorSessions(database, clock);
        old.begin();
        clock.advance(Duration.ofMinutes(1));
        old.end();

        clock.set(RESTART);
        MonitorSessions current = new MonitorSessions(database, clock);
        current.begin();
        clock.advance(Duration.ofHours(2));

        assertThat(current.coverage(RESTART.plus(Duration.ofHours(1)))).containsExactly(
                new Interval(RESTART, RESTART.plus(Duration.ofHours(2))));
    }
}
