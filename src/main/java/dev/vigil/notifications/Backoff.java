package dev.vigil.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after first, then twice as long each time up to cap,
 * until maxAttempts attempts have been made.
 */
public record Backoff(Duration first, Duration cap, int maxAttempts) {
    /** 30 s, 1 min, 2 min ... capped at an hour: ten attempts span about three hours. */
    public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 10);

    public Backoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < first <= cap and at least one attempt");
        }
    }

    /** The time of the next attempt after attemptsMade failed ones, or empty when there is to be none. */
    public Optional<Instant> retryAt(int attemptsMade, Instant failedAt) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delayAfter(attemptsMade)));
    }

    /** The wait after the given number of failed attempts (at least one). */
    public Duration delayAfter(int attemptsMade) {
        int doublings = Math.max(0, Math.min(attemptsMade - 1, 30));
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
