package dev.vigil.heartbeats;

import java.time.Duration;
import java.time.Instant;

/**
 * A heartbeat as staff see it: its ping URL and its latest pings.
 *
 * @param pingUrl the full ping URL with the token Vigil generated, for admins; null when the token is in vigil.yml
 *     (Vigil keeps only its hash)
 * @param maskedUrl the ping URL with the token masked, for everyone signed in
 * @param lastPing null before the first ping
 * @param lastRun the duration of the latest run timed by a start ping, or null
 */
public record HeartbeatView(String probeId, Duration period, Duration grace, String pingUrl, String maskedUrl,
        Ping lastPing, Ping lastRun) {

    public boolean tokenGenerated() {
        return pingUrl != null;
    }

    public String startUrl() {
        return pingUrl + "/start";
    }

    public String failUrl() {
        return pingUrl + "/fail";
    }

    public Instant lastPingAt() {
        return lastPing == null ? null : lastPing.receivedAt();
    }

    public Duration lastRunDuration() {
        return lastRun == null ? null : lastRun.runDuration();
    }
}
