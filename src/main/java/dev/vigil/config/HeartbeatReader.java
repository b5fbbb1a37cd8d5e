package dev.vigil.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of a heartbeat probe (issue 11): period, grace and token. A heartbeat is not polled, so it refuses the
 * shared keys of a polled probe and makes its own schedule (see {@link HeartbeatTarget#cadence()}).
 */
final class HeartbeatReader implements TargetReader {
    static final List<String> KEYS = List.of("period", "grace", "token");
    /** The shared keys that mean nothing for a heartbeat, with why; a probe that sets one is refused. */
    private static final Map<String, String> NOT_FOR_HEARTBEATS = Map.of(
            "interval", "a heartbeat is not polled; how often the job pings is its period",
            "timeout", "a heartbeat is not polled; how late a ping may be is its grace",
            "retry_interval", "a heartbeat is not polled, so nothing is retried",
            "locations", "pings arrive at this Vigil server, so a heartbeat has no locations",
            "quorum", "pings arrive at this Vigil server, so a heartbeat has no quorum");

    // Healthchecks.io's defaults are a day and an hour; a tenth of the period scales the grace down with it.
    static final Duration DEFAULT_PERIOD = Duration.ofDays(1);
    private static final Duration MIN_PERIOD = Duration.ofSeconds(10);
    private static final Duration MAX_PERIOD = Duration.ofDays(30);
    private static final Duration MIN_GRACE = Duration.ofSeconds(1);
    private static final Duration MAX_DEFAULT_GRACE = Duration.ofHours(1);
    private static final Duration MAX_GRACE = Duration.ofDays(30);
    /** Lateness is confirmed by the grace already, so one late look opens the outage and one good ping closes it. */
    private static final int DEFAULT_FAILURES_TO_OPEN = 1;
    private static final int DEFAULT_SUCCESSES_TO_CLOSE = 1;
    /** Only characters that stand for themselves in a URL path (RFC 3986, section 2.3). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public ProbeTarget read(Section probe, Duration timeout) {
        Duration period = period(probe);
        Duration grace = grace(probe, period);
        String token = token(probe);
        return period == null || grace == null ? null : new HeartbeatTarget(period, grace, token);
    }

    /** The whole probe: its target, its thresholds (1 and 1 by default) and the engine's cadence from its grace. */
    ProbeConfig probe(Section probe, String id, String componentId) {
        NOT_FOR_HEARTBEATS.forEach((key, why) -> {
            if (probe.raw(key) != null) {
                probe.complain(key, "is not a setting of a heartbeat probe: " + why);
            }
        });
        ProbeTarget target = read(probe, null);
        int failuresToOpen = probe.wholeNumber("failures_to_open", DEFAULT_FAILURES_TO_OPEN, 1, 100);
        int successesToClose = probe.wholeNumber("successes_to_close", DEFAULT_SUCCESSES_TO_CLOSE, 1, 100);
        Duration cadence = target instanceof HeartbeatTarget heartbeat ? heartbeat.cadence() : MIN_GRACE;
        return new ProbeConfig(id, componentId, target, cadence, MIN_GRACE, cadence, failuresToOpen,
                successesToClose, ProbeLocations.SERVER_ONLY);
    }

    /** Two heartbeats with one token could not be told apart by their pings: each is reported. */
    static void refuseSharedTokens(List<Section> sections, List<ProbeConfig> probes) {
        Map<String, String> firstByToken = new HashMap<>();
        for (int index = 0; index < probes.size(); index++) {
            if (probes.get(index).target() instanceof HeartbeatTarget heartbeat && heartbeat.token() != null) {
                String first = firstByToken.putIfAbsent(heartbeat.token(), probes.get(index).id());
                if (first != null) {
                    sections.get(index).complain("token", "is also the token of probe " + first
                            + "; each heartbeat needs its own");
                }
            }
        }
    }

    private static Duration period(Section probe) {
        Duration period = probe.duration("period", DEFAULT_PERIOD);
        if (period != null && (period.compareTo(MIN_PERIOD) < 0 || period.compareTo(MAX_PERIOD) > 0)) {
            probe.reject("period", "must be between 10s and 30d: how often the job pings");
            return null;
        }
        return period;
    }

    private static Duration grace(Section probe, Duration period) {
        Duration grace = probe.duration("grace", period == null ? MAX_DEFAULT_GRACE : defaultGrace(period));
        if (grace != null && (grace.compareTo(MIN_GRACE) < 0 || grace.compareTo(MAX_GRACE) > 0)) {
            probe.reject("grace", "must be between 1s and 30d: how late a ping may be");
            return null;
        }
        return grace;
    }

    /** A tenth of the period in whole seconds, between 1 s and 1 h: 1d gives 1h, 1h gives 6m, 5m gives 30s. */
    static Duration defaultGrace(Duration period) {
        Duration tenth = Duration.ofSeconds(period.dividedBy(10).toSeconds());
        return tenth.compareTo(MIN_GRACE) < 0 ? MIN_GRACE
                : tenth.compareTo(MAX_DEFAULT_GRACE) > 0 ? MAX_DEFAULT_GRACE : tenth;
    }

    // The token is a secret: messages say what is wrong with it, never what it is.
    private static String token(Section probe) {
        Object raw = probe.raw("token");
        if (raw == null) {
            return null;
        }
        String token = Values.isScalar(raw) ? raw.toString().strip() : "";
        if (token.length() < HeartbeatTarget.MIN_TOKEN_LENGTH) {
            probe.complain("token", "is " + token.length() + " characters long; a heartbeat token needs at least "
                    + HeartbeatTarget.MIN_TOKEN_LENGTH + " so that it cannot be guessed (leave the key out and "
                    + "Vigil generates one)");
            return null;
        }
        if (token.length() > HeartbeatTarget.MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            probe.complain("token", "must be at most " + HeartbeatTarget.MAX_TOKEN_LENGTH + " letters, digits, "
                    + "and - _ . ~ (it goes into the ping URL as it is)");
            return null;
        }
        return token;
    }
}
