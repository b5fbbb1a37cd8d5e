package dev.vigil.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.ProbeLocations;
import dev.vigil.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A nightly backup's heartbeat, every 5 minutes with 1 minute of grace, looked at by the engine now and then. */
class HeartbeatProbeTest {
    private static final Instant SET_UP = Instant.parse("2026-12-03T10:00:00Z");
    private static final HeartbeatTarget FIVE_MINUTES =
            new HeartbeatTarget(Duration.ofMinutes(5), Duration.ofMinutes(1), null);

    private final ManualClock clock = new ManualClock(SET_UP);
    private final Map<String, LatestPings> pings = new HashMap<>(Map.of("backup", new LatestPings(SET_UP, null, null)));
    private final HeartbeatProbe probe = new HeartbeatProbe(new ProbeConfig("backup", "jobs", FIVE_MINUTES,
            FIVE_MINUTES.cadence(), Duration.ofSeconds(1), FIVE_MINUTES.cadence(), 1, 1, ProbeLocations.SERVER_ONLY),
            clock, id -> pings.getOrDefault(id, LatestPings.NONE));

    @Test
    void aJobThatHasNotPingedYetIsUpUntilItsFirstDeadline() {
        clock.advance(Duration.ofMinutes(5));

        CheckResult look = look();

        assertThat(look.outcome()).isEqualTo(Outcome.UP);
        assertThat(look.reason()).isEqualTo("waiting for the first ping, due by 2026-12-03 10:06:00 UTC");
    }

    @Test
    void aPingOnTimeKeepsItUpAndSaysHowLongAgoItCame() {
        ping(Duration.ofMinutes(4));
        clock.advance(Duration.ofMinutes(3));

        CheckResult look = look();

        assertThat(look.outcome()).isEqualTo(Outcome.UP);
        assertThat(look.reason()).isEqualTo("last ping 3 min ago");
        assertThat(look.startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aLatePingIsDownFromItsDeadlineNotFromTheLookThatNoticedIt() {
        ping(Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(6).plusSeconds(20));

        CheckResult first = look();
        clock.advance(Duration.ofSeconds(15));
        CheckResult second = look();

        assertThat(first.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(first.startedAt()).isEqualTo(SET_UP.plus(Duration.ofMinutes(8)));
        assertThat(first.scheduledAt()).isEqualTo(first.startedAt());
        assertThat(first.reason()).isEqualTo("no ping since 2026-12-03 10:02:00 UTC, expected every 5m + 1m grace");
        assertThat(second.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(second.startedAt()).as("later looks are dated when they happen").isEqualTo(clock.instant());
    }

    @Test
    void aJobThatNeverPingsIsLateFromItsSetUpPlusPeriodAndGrace() {
        clock.advance(Duration.ofMinutes(7));

        CheckResult look = look();

        assertThat(look.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(look.startedAt()).isEqualTo(SET_UP.plus(Duration.ofMinutes(6)));
        assertThat(look.reason()).startsWith("no ping since it was set up at 2026-12-03 10:00:00 UTC");
    }

    @Test
    void aFailPingIsDownFromThatPingUntilASuccessFollows() {
        ping(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        look();
        Instant failedAt = clock.instant().plusSeconds(5);
        pings.compute("backup", (id, p) -> p.withFail(failedAt));
        clock.advance(Duration.ofSeconds(6));

        CheckResult down = look();
        Instant recoveredAt = clock.instant().plusSeconds(10);
        pings.compute("backup", (id, p) -> p.withSuccess(recoveredAt));
        clock.advance(Duration.ofSeconds(12));
        CheckResult up = look();

        assertThat(down.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(down.startedAt()).isEqualTo(failedAt);
        assertThat(down.reason()).isEqualTo("the job reported a failure at 2026-12-03 10:02:05 UTC");
        assertThat(up.outcome()).isEqualTo(Outcome.UP);
        assertThat(up.startedAt()).as("back up from the success ping").isEqualTo(recoveredAt);
    }

    @Test
    void aChangeIsNeverDatedBeforeTheProbesPreviousResult() {
        clock.advance(Duration.ofMinutes(1));
        Instant failedAt = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        CheckResult upBeforeTheFailWasKnown = look();
        pings.compute("backup", (id, p) -> p.withFail(failedAt));

        CheckResult down = look();

        assertThat(down.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(down.startedAt()).isEqualTo(upBeforeTheFailWasKnown.startedAt());
    }

    @Test
    void agesAreRoundedDownToTheirLargestUnit() {
        assertThat(HeartbeatVerdict.ago(Duration.ofSeconds(40))).isEqualTo("40 s");
        assertThat(HeartbeatVerdict.ago(Duration.ofMinutes(12).plusSeconds(59))).isEqualTo("12 min");
        assertThat(HeartbeatVerdict.ago(Duration.ofHours(30))).isEqualTo("30 h");
        assertThat(HeartbeatVerdict.ago(Duration.ofDays(3))).isEqualTo("3 days");
    }

    private void ping(Duration afterSetUp) {
        clock.set(SET_UP.plus(afterSetUp));
        pings.compute("backup", (id, p) -> p.withSuccess(clock.instant()));
    }

    private CheckResult look() {
        return probe.start(clock.instant()).join();
    }
}
