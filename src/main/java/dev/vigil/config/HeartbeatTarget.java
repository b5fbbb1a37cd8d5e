package dev.vigil.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A heartbeat (issue 11): Vigil connects to nothing; a cron job or worker calls its ping URL at least every period.
 * A ping later than period plus grace is an outage, dated from the moment it became late.
 *
 * @param grace how late a ping may be before it counts: the job's own run time and the scheduler's jitter
 * @param token the secret in the ping URL, at least {@link #MIN_TOKEN_LENGTH} characters; null when vigil.yml sets
 *     none and Vigil generates one (kept in the database, shown to admins in the console)
 */
public record HeartbeatTarget(Duration period, Duration grace, String token) implements ProbeTarget {

    public static final String TYPE = "heartbeat";
    public static final int MIN_TOKEN_LENGTH = 16;
    public static final int MAX_TOKEN_LENGTH = 128;
    /** Stands for the token wherever staff see the settings. */
    public static final String MASK = "••••••••";
    private static final Duration MIN_CADENCE = Duration.ofSeconds(1);
    private static final Duration MAX_CADENCE = Duration.ofSeconds(30);

    @Override
    public String type() {
        return TYPE;
    }

    /** Null: a heartbeat connects nowhere, so no host limit counts it. */
    @Override
    public String host() {
        return null;
    }

    @Override
    public String shown() {
        return "heartbeat every " + Durations.format(period) + ", grace " + Durations.format(grace);
    }

    @Override
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("period", Durations.format(period));
        fields.put("grace", Durations.format(grace));
        fields.put("token", token == null ? "" : token);
        return fields;
    }

    @Override
    public Map<String, String> shownFields() {
        Map<String, String> fields = fields();
        fields.put("token", token == null ? "(generated)" : MASK);
        return fields;
    }

    public boolean tokenGenerated() {
        return token == null;
    }

    /**
     * How often the engine looks at the pings: half the grace, between 1 s and 30 s. The outage is dated from the
     * deadline whatever the cadence; the cadence only bounds how soon it is noticed.
     */
    public Duration cadence() {
        Duration half = grace.dividedBy(2);
        return half.compareTo(MIN_CADENCE) < 0 ? MIN_CADENCE : half.compareTo(MAX_CADENCE) > 0 ? MAX_CADENCE : half;
    }

    /** The token stays out of logs and error messages, even through a record's generated text. */
    @Override
    public String toString() {
        return "HeartbeatTarget[" + shown() + ", token " + (token == null ? "generated" : MASK) + "]";
    }
}
