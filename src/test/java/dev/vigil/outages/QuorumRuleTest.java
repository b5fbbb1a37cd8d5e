package dev.vigil.outages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.config.ProbeLocations;
import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.probes.ProbeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quorum of locations (issue 11), as a pure function: which locations count, and what they make of a probe. */
class QuorumRuleTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Duration SILENT_AFTER = Duration.ofSeconds(30);
    private static final ProbeLocations THREE_OF_TWO = new ProbeLocations(List.of("east", "west", "north"), 2);

    private final Map<String, LocationState> states = new HashMap<>();

    @Test
    void twoFailingOfThreeOpenAnOutageDatedFromTheEarlierFailure() {
        failing("east", NOW.minusSeconds(20), "status 503");
        failing("west", NOW.minusSeconds(25), "connection refused");
        passing("north");

        QuorumRule.Verdict verdict = decide(Set.of());

        assertThat(verdict.status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(verdict.since()).isEqualTo(NOW.minusSeconds(25));
        assertThat(verdict.reason()).isEqualTo("connection refused (seen from east, west)");
    }

    @Test
    void aLoneFailingLocationOpensNothing() {
        failing("east", NOW.minusSeconds(20), "status 503");
        passing("west");
        passing("north");

        assertThat(decide(Set.of()).status()).isEqualTo(ProbeStatus.UP);
    }

    @Test
    void withOneLocationSilentTwoFailingStillOpenAnOutage() {
        failing("east", NOW.minusSeconds(20), "status 503");
        failing("west", NOW.minusSeconds(20), "status 503");
        states.put("north", new LocationState(state(ProbeStatus.UP, NOW.minus(SILENT_AFTER).minusSeconds(1)), null, "OK"));

        QuorumRule.Verdict verdict = decide(Set.of());

        assertThat(verdict.status()).isEqualTo(ProbeStatus.DOWN);
        assertThat(verdict.seen()).extracting(QuorumRule.Seen::condition).containsExactly(
                LocationCondition.FAILING, LocationCondition.FAILING, LocationCondition.NO_DATA);
    }

    @Test
    void aFailingLocationThatFallsSilentStopsCounting() {
        failing("east", NOW.minusSeconds(20), "status 503");
        states.put("west", new LocationState(state(ProbeStatus.DOWN, NOW.minusSeconds(31)), NOW.minusSeconds(60), "status 503"));
        passing("north");

        QuorumRule.Verdict verdict = decide(Set.of());

        assertThat(verdict.status()).isEqualTo(ProbeStatus.UP);
        assertThat(verdict.uncounted()).isEqualTo("west has no data");
    }

    @Test
    void aLocationThatNeverReportedHasNoData() {
        failing("east", NOW.minusSeconds(20), "status 503");

        QuorumRule.Verdict verdict = decide(Set.of());

        assertThat(verdict.status()).isEqualTo(ProbeStatus.UP);
        assertThat(verdict.seen()).extracting(QuorumRule.Seen::condition).containsExactly(
                LocationCondition.FAILING, LocationCondition.NO_DATA, LocationCondition.NO_DATA);
    }

    @Test
    void aLocationWhoseCanaryFailsIsInconclusiveAndCountsForNothing() {
        failing("east", NOW.minusSeconds(20), "status 503");
        failing("west", NOW.minusSeconds(20), "status 503");
        passing("north");

        QuorumRule.Verdict verdict = decide(Set.of("west"));

        assertThat(verdict.status()).isEqualTo(ProbeStatus.UP);
        assertThat(verdict.seen().get(1).condition()).isEqualTo(LocationCondition.INCONCLUSIVE);
        assertThat(verdict.uncounted()).isEqualTo("west is inconclusive (the canary failed too)");
    }

    @Test
    void degradedOrFailingAtAQuorumIsDegradedWhenTooFewFail() {
        failing("east", NOW.minusSeconds(20), "status 503");
        states.put("west", new LocationState(state(ProbeStatus.DEGRADED, NOW.minusSeconds(1)), NOW.minusSeconds(40), "slow"));
        passing("north");

        QuorumRule.Verdict verdict = decide(Set.of());

        assertThat(verdict.status()).isEqualTo(ProbeStatus.DEGRADED);
        assertThat(verdict.since()).isEqualTo(NOW.minusSeconds(40));
    }

    @Test
    void noDataAndInconclusiveAreNoDataToTheApi() {
        assertThat(LocationCondition.NO_DATA.apiName()).isEqualTo("no_data");
        assertThat(LocationCondition.INCONCLUSIVE.apiName()).isEqualTo("no_data");
        assertThat(LocationCondition.FAILING.apiName()).isEqualTo("down");
    }

    private QuorumRule.Verdict decide(Set<String> canaryFailing) {
        return QuorumRule.decide(THREE_OF_TWO, states, canaryFailing, NOW, SILENT_AFTER);
    }

    private void failing(String location, Instant since, String reason) {
        ProbeState machine = new ProbeState(ProbeStatus.DOWN, new Streak(3, since), reason, Streak.NONE,
                new Streak(3, since), Streak.NONE, NOW.minusSeconds(1));
        states.put(location, new LocationState(machine, since, reason));
    }

    private void passing(String location) {
        states.put(location, new LocationState(state(ProbeStatus.UP, NOW.minusSeconds(1)), null, "OK"));
    }

    private static ProbeState state(ProbeStatus status, Instant lastCheckedAt) {
        return new ProbeState(status, Streak.NONE, null, Streak.NONE, Streak.NONE, Streak.NONE, lastCheckedAt);
    }
}
