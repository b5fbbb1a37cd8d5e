package dev.vigil.probes;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionException;

/** Turns how a check's last request ended into the stored result. */
final class CheckResults {
    private CheckResults() {}

    /**
     * @param startNanos when the check started, in System.nanoTime terms; time to first byte counts from it
     * @param last the check's last answer: its status and time to first byte are the result's
     */
    static CheckResult of(String probeId, Instant scheduledAt, Instant startedAt, long startNanos, Duration duration,
            Answer last, Verdict verdict) {
        Duration timeToFirstByte = last.headersArrivedNanos().isPresent()
                ? Duration.ofNanos(last.headersArrivedNanos().getAsLong() - startNanos) : null;
        return new CheckResult(probeId, scheduledAt, startedAt, duration, timeToFirstByte, verdict.outcome(),
                verdict.reason(), last.status());
    }

    /** A probe must report, not throw: the engine would otherwise lose the check altogether. */
    static CheckResult unexpected(String probeId, Throwable failure, Instant scheduledAt, Instant startedAt,
            long startNanos) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String reason = "request failed: " + Objects.requireNonNullElse(
                cause.getMessage(), cause.getClass().getSimpleName());
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        return new CheckResult(probeId, scheduledAt, startedAt, duration, null, Outcome.DOWN,
                ReasonText.shorten(reason), null);
    }
}
