package dev.vigil.probes;

import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.ProbeConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A heartbeat's check (issue 11): it connects to nothing, it reads the probe's latest pings from memory and says
 * whether the job is on time. It answers at once, so it never holds the engine's places for long.
 */
public final class HeartbeatProbe implements Probe {
    private final ProbeConfig config;
    private final HeartbeatTarget target;
    private final Clock clock;
    private final PingBook pings;
    private Outcome previous;
    private Instant previousAt;

    public HeartbeatProbe(ProbeConfig config, Clock clock, PingBook pings) {
        this.config = Objects.requireNonNull(config, "config");
        if (!(config.target() instanceof HeartbeatTarget heartbeat)) {
            throw new IllegalArgumentException("probe " + config.id() + " is not a heartbeat");
        }
        this.target = heartbeat;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pings = Objects.requireNonNull(pings, "pings");
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public synchronized CompletableFuture<CheckResult> start(Instant scheduledAt) {
        Instant now = clock.instant();
        HeartbeatVerdict verdict = HeartbeatVerdict.of(target, pings.latest(config.id()), now);
        Instant at = datedAt(verdict, now);
        if (verdict.outcome() != Outcome.SKIPPED) {
            previous = verdict.outcome();
            previousAt = at;
        }
        Instant scheduled = at.isBefore(scheduledAt) ? at : scheduledAt;
        return CompletableFuture.completedFuture(new CheckResult(config.id(), scheduled, at, Duration.ZERO, null,
                verdict.outcome(), verdict.reason(), null));
    }

    /**
     * A change is dated from the moment it happened, not from the look that noticed it: down from the deadline or
     * the fail ping (also on the first look after Vigil starts, which may find the job late since long ago), up
     * again from the success ping. The outage takes its start and end from these results. Never earlier than this
     * probe's previous result, so that its results stay in order; every other look is dated now.
     */
    private Instant datedAt(HeartbeatVerdict verdict, Instant now) {
        boolean wentDown = verdict.outcome() == Outcome.DOWN && previous != Outcome.DOWN;
        boolean cameBack = verdict.outcome() == Outcome.UP && previous == Outcome.DOWN;
        if (verdict.since() == null || !(wentDown || cameBack)) {
            return now;
        }
        Instant at = verdict.since().isAfter(now) ? now : verdict.since();
        return previousAt != null && at.isBefore(previousAt) ? previousAt : at;
    }
}
