package dev.vigil.heartbeats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@link #PER_WINDOW} pings of one heartbeat are recorded per {@link #WINDOW}, so that a job stuck in a loop
 * (or someone holding its token) cannot fill the database; a job pinging as documented never comes near it.
 */
final class PingRateLimit {
    static final int PER_WINDOW = 60;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Window(Instant start, int count) {}

    private final Map<String, Window> windows = new HashMap<>();

    synchronized boolean allow(String probeId, Instant now) {
        Window window = windows.get(probeId);
        if (window == null || !now.isBefore(window.start().plus(WINDOW)) || now.isBefore(window.start())) {
            windows.put(probeId, new Window(now, 1));
            return true;
        }
        if (window.count() >= PER_WINDOW) {
            return false;
        }
        windows.put(probeId, new Window(window.start(), window.count() + 1));
        return true;
    }

    synchronized void forgetAllExcept(java.util.Set<String> probeIds) {
        windows.keySet().retainAll(probeIds);
    }
}
