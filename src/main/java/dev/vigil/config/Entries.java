package dev.vigil.config;

import dev.vigil.errors.InvalidInput;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One component or probe given outside vigil.yml, by a console form or the admin API (issue 3),
 * read with the file's own readers: the same keys, defaults, rules and messages. Problems come
 * back as an {@link InvalidInput} keyed by the YAML key ("url", "expect.status").
 */
public final class Entries {
    /** The probe's keys, flat: the expect block's keys are written expect.status and so on. */
    public static final List<String> PROBE_FIELDS = List.of("id", "component", "url", "interval", "timeout",
            "connect_timeout", "max_body", "expect.status", "expect.body_contains", "expect.max_latency",
            "failures_to_open", "successes_to_close");
    public static final List<String> COMPONENT_FIELDS = ComponentReader.KEYS;
    /** The component's keys that are true or false; a form sends them as text. */
    public static final List<String> COMPONENT_FLAGS = List.of("essential");
    private static final String EXPECT = "expect.";

    private Entries() {}

    /** @param fields YAML keys to values as a form or a JSON body gives them; absent or null means the default */
    public static ComponentConfig component(Map<String, ?> fields) {
        Problems problems = new Problems();
        ComponentConfig component = ComponentReader.read(
                Section.entry(withFlags(fields, COMPONENT_FLAGS), ComponentReader.KEYS, problems), new HashSet<>());
        throwIfAny(problems);
        return component;
    }

    /** @param componentIds the components a probe may belong to */
    public static ProbeConfig probe(Map<String, ?> fields, Collection<String> componentIds) {
        Problems problems = new Problems();
        ProbeConfig probe = ProbeReader.read(Section.entry(fields, ProbeReader.KEYS, problems), new HashSet<>(),
                componentIds);
        throwIfAny(problems);
        requireStorable(probe);
        return probe;
    }

    /**
     * Probes made in the console or the API are stored as plain HTTP probes, with the columns they have always had;
     * methods, headers, bodies, steps and the richer expectations are written in vigil.yml.
     */
    private static void requireStorable(ProbeConfig probe) {
        if (!(probe.target() instanceof HttpTarget http)) {
            throw InvalidInput.of("type", "The console and the API make HTTP probes; declare a "
                    + probe.type() + " probe in vigil.yml.");
        }
        HttpTarget.Expectation expect = http.expect();
        if (expect.status().single().isEmpty()) {
            throw InvalidInput.of("expect.status", "Give one status code here; lists and ranges are set in vigil.yml.");
        }
        if (!http.isPlain()) {
            String field = expect.bodyMatches() != null ? "expect.body_matches"
                    : !expect.json().isEmpty() ? "expect.json" : !expect.headers().isEmpty() ? "expect.headers" : "url";
            throw InvalidInput.of(field, "Methods, headers, bodies and checks beyond status, body_contains and "
                    + "max_latency are set in vigil.yml; here a probe is a plain GET.");
        }
    }

    /** A probe's settings as text in the file's notation, by flat key; empty text for what is not set. */
    public static Map<String, String> fieldsOf(ProbeConfig probe) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", probe.id());
        fields.put("component", probe.componentId());
        if (!probe.isHttp()) {
            fields.put("type", probe.type());
        }
        fields.putAll(probe.target().fields());
        fields.put("interval", Durations.format(probe.interval()));
        fields.put("timeout", Durations.format(probe.timeout()));
        fields.put("retry_interval", Durations.format(probe.retryInterval()));
        fields.put("failures_to_open", Integer.toString(probe.failuresToOpen()));
        fields.put("successes_to_close", Integer.toString(probe.successesToClose()));
        return fields;
    }

    public static Map<String, String> fieldsOf(ComponentConfig component) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", component.id());
        fields.put("name", component.name());
        fields.put("group", orEmpty(component.group()));
        fields.put("description", orEmpty(component.description()));
        fields.put("essential", Boolean.toString(component.essential()));
        return fields;
    }

    /**
     * The flags given as the text "true" or "false", as a form posts them, read as the booleans YAML
     * and JSON give; any other value is left for the reader to refuse with its own message.
     */
    private static Map<String, ?> withFlags(Map<String, ?> fields, List<String> flags) {
        Map<String, Object> read = new LinkedHashMap<>(fields);
        for (String flag : flags) {
            if (read.get(flag) instanceof String text && List.of("true", "false").contains(text.strip())) {
                read.put(flag, Boolean.parseBoolean(text.strip()));
            }
        }
        return read;
    }

    /**
     * Flat fields (as a form posts them) as the readers take them: expect.* keys in an expect
     * mapping, values stripped, empty ones left out so that their default applies.
     */
    public static Map<String, Object> nest(Map<String, String> flat) {
        Map<String, Object> nested = new LinkedHashMap<>();
        Map<String, Object> expect = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (key.startsWith(EXPECT)) {
                expect.put(key.substring(EXPECT.length()), value.strip());
            } else {
                nested.put(key, value.strip());
            }
        });
        if (!expect.isEmpty()) {
            nested.put("expect", expect);
        }
        return nested;
    }

    private static void throwIfAny(Problems problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.byPath());
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
