package dev.vigil.outages;

import static dev.vigil.probes.Outcome.DEGRADED;
import static dev.vigil.probes.Outcome.DOWN;
import static dev.vigil.probes.Outcome.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probe state machine, fed one result every 10 seconds from T0. */
class OutageDetectorTest {
    private static final Instant T0 = Instant.parse("2026-11-17T19:00:00Z");

    private final OutageDetector detector = new OutageDetector(new Thresholds(3, 2));

    @Test
    void opensAnOutageAfterThreeFailuresDatedFromTheFirst() {
        List<ProbeTransition> transitions = run(UP, DOWN, DOWN, DOWN);

        assertThat(transitions).hasSize(1);
        ProbeTransition opened = transitions.get(0);
        assertThat(opened.to()).isEqualTo(ProbeStatus.DOWN);
        assertThat(opened.at()).isEqualTo(at(1));
        assertThat(opened.confirmedAt()).isEqualTo(at(3));
        assertThat(opened.reason()).isEqualTo("failure 1");
    }

    @Test
    void twoFailuresAreNotAnOutage() {
        assertThat(run(UP, DOWN, DOWN, UP, DOWN, DOWN, UP)).isEmpty();
    }

    @Test
    void closesAfterTwoSuccessesDatedFromTheFirstOfThem() {
        List<ProbeTransition> transitions = run(DOWN, DOWN, DOWN, UP, UP);

        assertThat(transitions).extracting(ProbeTransition::to).containsExactly(ProbeStatus.DOWN, ProbeStatus.UP);
        ProbeTransition closed = transitions.get(1);
        assertThat(closed.at()).isEqualTo(at(3));
        assertThat(closed.confirmedAt()).isEqualTo(at(4));
        assertThat(closed.closesOutage()).isTrue();
    }

    @Test
    void aFlappingTargetStaysDownUntilItPassesTwiceInARow() {
        List<ProbeTransition> transitions = run(DOWN, DOWN, DOWN, UP, DOWN, UP, DOWN, UP, UP);

        assertThat(transitions).extracting(ProbeTransition::to).containsExactly(ProbeStatus.DOWN, ProbeStatus.UP);
        assertThat(transitions.get(1).at()).isEqualTo(at(7));
    }

    @Test
    void aFlappingTargetThatNeverFailsThreeTimesInARowOpensNothing() {
        assertThat(run(DOWN, UP, DOWN, DOWN, UP, DOWN, DOWN, UP, DOWN)).isEmpty();
    }

    @Test
    void slowResponsesAreDegradedNotDown() {
        List<ProbeTransition> transitions = run(UP, DEGRADED, DEGRADED, DEGRADED, UP, UP);

        assertThat(transitions).extracting(ProbeTransition::to)
                .containsExactly(ProbeStatus.DEGRADED, ProbeStatus.UP);
        assertThat(transitions.get(0).opensOutage()).isFalse();
        assertThat(transitions.get(0).at()).isEqualTo(at(1));
    }

    @Test
    void aSlowRecoveryLandsInDegraded() {
        List<ProbeTransition> transitions = run(DOWN, DOWN, DOWN, DEGRADED, DEGRADED);

        assertThat(transitions).extracting(ProbeTransition::to)
                .containsExactly(ProbeStatus.DOWN, ProbeStatus.DEGRADED);
        assertThat(transitions.get(1).closesOutage()).isTrue();
    }

    @Test
    void aDegradedProbeThatFailsOpensAnOutage() {
        List<ProbeTransition> transitions = run(DEGRADED, DEGRADED, DEGRADED, DOWN, DOWN, DOWN);

        assertThat(transitions).extracting(ProbeTransition::to)
                .containsExactly(ProbeStatus.DEGRADED, ProbeStatus.DOWN);
        assertThat(transitions.get(1).from()).isEqualTo(ProbeStatus.DEGRADED);
        assertThat(transitions.get(1).at()).isEqualTo(at(3));
    }

    @Test
    void aRestartMidConfirmationResumesFromTheStoredState() {
        ProbeState beforeCrash = feed(ProbeState.initial(), 0, UP, DOWN, DOWN);
        // The stored state is all that survives a restart; the next check continues the streak.
        ProbeState restored = new ProbeState(beforeCrash.status(), beforeCrash.failStreak(), beforeCrash.failReason(),
                beforeCrash.okStreak(), beforeCrash.slowStreak(), beforeCrash.fastStreak(), beforeCrash.lastCheckedAt());

        OutageDetector.Step step = detector.apply(restored, DOWN, at(10), "failure 10");

        assertThat(step.transition()).isPresent();
        assertThat(step.transition().get().at()).isEqualTo(at(1));
        assertThat(step.transition().get().confirmedAt()).isEqualTo(at(10));
    }

    @Test
    void anOutageIsNeverOpenedTwice() {
        List<ProbeTransition> transitions = run(DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN);

        assertThat(transitions).hasSize(1);
    }

    @Test
    void thresholdsOfOneFlipOnEveryChange() {
        OutageDetector eager = new OutageDetector(new Thresholds(1, 1));
        ProbeState state = ProbeState.initial();
        List<ProbeStatus> seen = new ArrayList<>();
        Outcome[] outcomes = {DOWN, UP, DOWN};
        for (int i = 0; i < outcomes.length; i++) {
            OutageDetector.Step step = eager.apply(state, outcomes[i], at(i), "r");
            step.transition().ifPresent(t -> seen.add(t.to()));
            state = step.state();
        }
        assertThat(seen).containsExactly(ProbeStatus.DOWN, ProbeStatus.UP, ProbeStatus.DOWN);
    }

    private List<ProbeTransition> run(Outcome... outcomes) {
        List<ProbeTransition> transitions = new ArrayList<>();
        ProbeState state = ProbeState.initial();
        for (int i = 0; i < outcomes.length; i++) {
            OutageDetector.Step step = detector.apply(state, outcomes[i], at(i), "failure " + i);
            step.transition().ifPresent(transitions::add);
            state = step.state();
        }
        return transitions;
    }

    private ProbeState feed(ProbeState state, int from, Outcome... outcomes) {
        for (int i = 0; i < outcomes.length; i++) {
            state = detector.apply(state, outcomes[i], at(from + i), "failure " + (from + i)).state();
        }
        return state;
    }

    private static Instant at(int step) {
        return T0.plusSeconds(10L * step);
    }
}
