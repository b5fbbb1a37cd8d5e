package dev.vigil.probes;

import java.time.Instant;

/** A kind of check (HTTP now; TCP, DNS and others later). Implementations never throw: every failure is a result. */
interface Probe {
    String id();

    CheckResult check(Instant scheduledAt);
}
