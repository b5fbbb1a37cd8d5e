package dev.vigil.probes;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A kind of check (HTTP now; TCP, DNS and others later). A check is started and answers later, so that one
 * waiting for a slow target holds a timer, not a thread. The future never completes exceptionally: every
 * failure is a result.
 */
public interface Probe {
    String id();

    CompletableFuture<CheckResult> start(Instant scheduledAt);
}
