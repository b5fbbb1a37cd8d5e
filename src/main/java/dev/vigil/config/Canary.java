package dev.vigil.config;

import dev.vigil.errors.InvalidInput;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The canary (issue 11): an optional top-level `canary:` with a probe's settings (any type, no id, component,
 * locations or thresholds), checking Vigil's own connectivity at every location, the server included. It reads
 * as a {@link ProbeConfig} with the id {@link #ID}, which no configured probe can have, and no component.
 */
public final class Canary {
    /** The canary's probe id, at the server and on every agent; the id format of probes excludes it. */
    public static final String ID = "@canary";
    private static final String READ_AS = "canary";
    private static final List<String> NOT_FOR_A_CANARY = List.of("id", "component", "locations", "quorum",
            "failures_to_open", "successes_to_close", "retry_interval");
    static final List<String> KEYS = ProbeReader.KEYS.stream().filter(key -> !NOT_FOR_A_CANARY.contains(key)).toList();

    private Canary() {}

    /** The file's canary, or null when it has none; problems are reported under canary.*. */
    static ProbeConfig read(Section root) {
        if (root.raw(READ_AS) == null) {
            return null;
        }
        return root.mapping(READ_AS, KEYS)
                .map(canary -> asProbe(new Section(canary.path(), withPlaceholders(canary.values()), canary.problems())))
                .orElse(null);
    }

    /** A canary as an agent receives it: the flat fields of {@link #fieldsOf}; refused as {@link InvalidInput}. */
    public static ProbeConfig fromFields(Map<String, String> fields) {
        Map<String, Object> values = Entries.nest(fields);
        NOT_FOR_A_CANARY.forEach(values::remove);
        Problems problems = new Problems();
        ProbeConfig canary = asProbe(Section.entry(withPlaceholders(values), ProbeReader.KEYS, problems));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.byPath());
        }
        return canary;
    }

    /** The canary's settings in the file's notation, by flat key, for the agents; secrets included. */
    public static Map<String, String> fieldsOf(ProbeConfig canary) {
        Map<String, String> fields = new LinkedHashMap<>(Entries.fieldsOf(canary));
        NOT_FOR_A_CANARY.forEach(fields::remove);
        return fields;
    }

    private static Map<Object, Object> withPlaceholders(Map<?, ?> values) {
        Map<Object, Object> withId = new LinkedHashMap<>(values);
        withId.put("id", READ_AS);
        withId.put("component", READ_AS);
        return withId;
    }

    private static ProbeConfig asProbe(Section section) {
        Set<String> components = Set.of(READ_AS);
        ProbeConfig read = ProbeReader.read(section, new HashSet<>(), components);
        if (read.target() == null || read.interval() == null || read.timeout() == null) {
            return null; // reported already
        }
        // One failed check is enough to doubt a location, so the canary is never retried sooner than its interval.
        return new ProbeConfig(ID, null, read.target(), read.interval(), read.timeout(), read.interval(), 1,
                1, ProbeLocations.SERVER_ONLY);
    }
}
