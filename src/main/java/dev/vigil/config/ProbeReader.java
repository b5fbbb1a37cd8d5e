package dev.vigil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the probes list, checking each probe on its own and against the declared components. The keys every
 * type shares are read here; each type's own keys by its {@link TargetReader}.
 */
final class ProbeReader {
    static final List<String> SHARED_KEYS = List.of("id", "component", "type", "interval", "timeout",
            "retry_interval", "failures_to_open", "successes_to_close", "locations", "quorum");
    private static final Map<String, TargetReader> TYPES = types();
    static final List<String> KEYS = allKeys();

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofHours(24);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);

    private ProbeReader() {}

    private static Map<String, TargetReader> types() {
        Map<String, TargetReader> types = new LinkedHashMap<>();
        types.put(HttpTarget.TYPE, new HttpTargetReader());
        types.put(StepsTarget.TYPE, new StepsTargetReader());
        types.put(HeartbeatTarget.TYPE, new HeartbeatReader());
        types.put(TcpTarget.TYPE, new TcpTargetReader());
        types.put(TlsTarget.TYPE, new TlsTargetReader());
        types.put(DnsTarget.TYPE, new DnsTargetReader());
        return types;
    }

    private static List<String> allKeys() {
        Set<String> keys = new LinkedHashSet<>(SHARED_KEYS);
        TYPES.values().forEach(type -> keys.addAll(type.keys()));
        return List.copyOf(keys);
    }

    /** @param declaredComponents the component ids in file order, used to check and to list in messages */
    static List<ProbeConfig> readAll(Section root, Collection<String> declaredComponents) {
        Set<String> takenIds = new HashSet<>();
        List<ProbeConfig> probes = new ArrayList<>();
        List<Section> sections = root.listOfMappings("probes", KEYS);
        for (Section probe : sections) {
            probes.add(read(probe, takenIds, declaredComponents));
        }
        HeartbeatReader.refuseSharedTokens(sections, probes);
        return probes;
    }

    static ProbeConfig read(Section probe, Set<String> takenIds, Collection<String> declaredComponents) {
        String id = Ids.read(probe, takenIds);
        String componentId = componentId(probe, declaredComponents);
        TargetReader type = type(probe);
        if (type instanceof HeartbeatReader heartbeat) {
            return heartbeat.probe(probe, id, componentId); // not polled: its own schedule and thresholds
        }
        Duration interval = interval(probe);
        Duration timeout = timeout(probe, interval);
        Duration retryInterval = retryInterval(probe, interval);
        ProbeTarget target = type == null ? null : type.read(probe, timeout);
        int failuresToOpen = probe.wholeNumber("failures_to_open", 3, 1, 100);
        int successesToClose = probe.wholeNumber("successes_to_close", 2, 1, 100);
        ProbeLocations locations = LocationsReader.read(probe);
        return new ProbeConfig(id, componentId, target, interval, timeout, retryInterval, failuresToOpen,
                successesToClose, locations);
    }

    private static String componentId(Section probe, Collection<String> declaredComponents) {
        String componentId = probe.requiredText("component");
        if (componentId != null && !declaredComponents.contains(componentId)) {
            String declared = declaredComponents.isEmpty() ? "none" : String.join(", ", declaredComponents);
            probe.reject("component", "is not a declared component; declared: " + declared);
        }
        return componentId;
    }

    /** The type's reader, after checking that the probe uses only the keys of its type. */
    private static TargetReader type(Section probe) {
        String name = probe.optionalText("type");
        TargetReader type = TYPES.get(name == null ? HttpTarget.TYPE : name);
        if (type == null) {
            probe.reject("type", "is not a probe type; use one of " + String.join(", ", TYPES.keySet()));
            return null;
        }
        for (Object key : probe.values().keySet()) {
            if (KEYS.contains(key) && !SHARED_KEYS.contains(key) && !type.keys().contains(key)) {
                probe.complain(String.valueOf(key), "is not a setting of " + article(name) + " probe; its settings are "
                        + String.join(", ", type.keys()));
            }
        }
        return type;
    }

    private static String article(String type) {
        String name = type == null ? HttpTarget.TYPE : type;
        return (name.equals(HttpTarget.TYPE) ? "an " : "a ") + name;
    }

    private static Duration interval(Section probe) {
        Duration interval = probe.duration("interval", DEFAULT_INTERVAL);
        if (interval != null && (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0)) {
            probe.reject("interval", "must be between 1s and 24h");
            return null;
        }
        return interval;
    }

    // The default follows a short interval down, so that "interval: 5s" alone is valid.
    private static Duration timeout(Section probe, Duration interval) {
        Duration defaultTimeout = interval == null ? DEFAULT_TIMEOUT : Durations.shorterOf(DEFAULT_TIMEOUT, interval);
        Duration timeout = probe.duration("timeout", defaultTimeout);
        if (timeout == null) {
            return null;
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            probe.reject("timeout", "must be at least 100ms");
            return null;
        }
        if (interval != null && timeout.compareTo(interval) > 0) {
            probe.reject("timeout", "must not be longer than the interval (" + Durations.format(interval) + ")");
            return null;
        }
        return timeout;
    }

    private static Duration retryInterval(Section probe, Duration interval) {
        if (interval == null) {
            return null;
        }
        Duration retry = probe.duration("retry_interval", ProbeConfig.defaultRetryInterval(interval));
        if (retry == null) {
            return null;
        }
        if (retry.compareTo(MIN_INTERVAL) < 0 || retry.compareTo(interval) > 0) {
            probe.reject("retry_interval", "must be between 1s and the interval (" + Durations.format(interval) + ")");
            return null;
        }
        return retry;
    }
}
