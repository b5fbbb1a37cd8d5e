package dev.vigil.heartbeats;

import java.time.Duration;
import java.time.Instant;

/**
 * One ping, as stored.
 *
 * @param runDuration for a success or fail that came right after a start: from that start to this ping; else null
 * @param source the caller's address as Vigil saw it (a proxy's, behind one)
 */
public record Ping(String probeId, PingKind kind, Instant receivedAt, Duration runDuration, String source,
        String userAgent) {}
