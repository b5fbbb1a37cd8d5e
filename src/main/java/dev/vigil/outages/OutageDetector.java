package dev.vigil.outages;

import dev.vigil.outages.ProbeState.Streak;
import dev.vigil.probes.Outcome;
import dev.vigil.probes.ProbeStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * The state machine of one probe, as a pure function: a state and a check result in, the next
 * state and the transition it confirmed (if any) out.
 *
 * <p>An outage opens after failuresToOpen consecutive DOWN results and is dated from the first of
 * them; it closes after successesToClose consecutive results that are not DOWN, dated from the
 * first of those. Degraded performance is confirmed the same way, with DOWN counting as slow, so a
 * probe that alternates between slow and failing shows degraded rather than flapping.
 */
final class OutageDetector {
    private final Thresholds thresholds;

    public OutageDetector(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The next state after one result, and the transition it confirmed. */
    public Step apply(ProbeState state, Outcome outcome, Instant at, String reason) {
        ProbeState counted = count(state, outcome, at, reason);
        Optional<ProbeTransition> transition = decide(counted, at);
        ProbeState next = transition
                .map(t -> new ProbeState(t.to(), counted.failStreak(), counted.failReason(), counted.okStreak(),
                        counted.slowStreak(), counted.fastStreak(), counted.lastCheckedAt()))
                .orElse(counted);
        return new Step(next, transition);
    }

    private static ProbeState count(ProbeState state, Outcome outcome, Instant at, String reason) {
        boolean down = outcome == Outcome.DOWN;
        boolean up = outcome == Outcome.UP;
        Streak fail = down ? state.failStreak().extend(at) : Streak.NONE;
        String failReason = down ? (state.failStreak().count() == 0 ? reason : state.failReason()) : null;
        Streak ok = down ? Streak.NONE : state.okStreak().extend(at);
        Streak slow = up ? Streak.NONE : state.slowStreak().extend(at);
        Streak fast = up ? state.fastStreak().extend(at) : Streak.NONE;
        return new ProbeState(state.status(), fail, failReason, ok, slow, fast, at);
    }

    private Optional<ProbeTransition> decide(ProbeState s, Instant at) {
        int worse = thresholds.failuresToOpen();
        int better = thresholds.successesToClose();
        return switch (s.status()) {
            case UP -> {
                if (s.failStreak().count() >= worse) {
                    yield transition(s, ProbeStatus.DOWN, s.failStreak(), at, s.failReason());
                }
                if (s.slowStreak().count() >= worse) {
                    yield transition(s, ProbeStatus.DEGRADED, s.slowStreak(), at, "responses slower than allowed");
                }
                yield Optional.empty();
            }
            case DEGRADED -> {
                if (s.failStreak().count() >= worse) {
                    yield transition(s, ProbeStatus.DOWN, s.failStreak(), at, s.failReason());
                }
                if (s.fastStreak().count() >= better) {
                    yield transition(s, ProbeStatus.UP, s.fastStreak(), at, "responses fast again");
                }
                yield Optional.empty();
            }
            case DOWN -> {
                if (s.okStreak().count() >= better) {
                    // Recovered; if the recovery is slow the probe lands in degraded, not up.
                    ProbeStatus to = s.fastStreak().count() >= 1 ? ProbeStatus.UP : ProbeStatus.DEGRADED;
                    yield transition(s, to, s.okStreak(), at, "checks pass again");
                }
                yield Optional.empty();
            }
        };
    }

    private static Optional<ProbeTransition> transition(
            ProbeState s, ProbeStatus to, Streak streak, Instant confirmedAt, String reason) {
        return Optional.of(new ProbeTransition(s.status(), to, streak.since(), confirmedAt, reason));
    }

    /** The result of one step of the machine. */
    public record Step(ProbeState state, Optional<ProbeTransition> transition) {}
}
