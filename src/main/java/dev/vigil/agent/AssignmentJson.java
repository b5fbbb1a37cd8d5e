package dev.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.config.Canary;
import dev.vigil.config.Entries;
import dev.vigil.config.ProbeConfig;
import dev.vigil.errors.InvalidInput;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The probes of one location as the server hands them to its agent (issue 11): {"location", "version",
 * "probes": [...], "canary": ...}. Each probe travels as its settings in vigil.yml's own notation, flat
 * ({@link Entries#fieldsOf}), and the agent reads them back with vigil.yml's own readers, so a probe means the
 * same on both sides and a new probe type needs nothing here. Secrets travel too: only to an agent's token.
 */
public final class AssignmentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssignmentJson() {}

    /** What the agent runs: its probes, the canary (null when none) and the version they have together. */
    public record Assignment(String location, String version, List<ProbeConfig> probes, ProbeConfig canary) {}

    /** The server's answer: the probes' and the canary's settings, and a version that changes with them. */
    public static Map<String, Object> write(String location, List<ProbeConfig> probes, ProbeConfig canary) {
        List<Map<String, String>> settings = probes.stream().map(Entries::fieldsOf).toList();
        Map<String, String> canarySettings = canary == null ? null : Canary.fieldsOf(canary);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location", location);
        json.put("version", version(settings, canarySettings));
        json.put("probes", settings);
        json.put("canary", canarySettings);
        return json;
    }

    /**
     * Reads the server's answer; a probe this agent cannot read (a type it does not know yet) is left out and
     * named in refused, rather than costing the others.
     */
    public static Assignment read(JsonNode json, List<String> refused) {
        List<ProbeConfig> probes = new ArrayList<>();
        for (JsonNode node : json.path("probes")) {
            Map<String, String> fields = fields(node);
            try {
                probes.add(Entries.probe(Entries.nest(fields), Set.of(String.valueOf(fields.get("component")))));
            } catch (InvalidInput | IllegalArgumentException e) {
                refused.add(fields.get("id") + ": " + e.getMessage());
            }
        }
        ProbeConfig canary = null;
        if (json.hasNonNull("canary")) {
            try {
                canary = Canary.fromFields(fields(json.get("canary")));
            } catch (InvalidInput | IllegalArgumentException e) {
                refused.add("the canary: " + e.getMessage());
            }
        }
        return new Assignment(json.path("location").asText(), json.path("version").asText(), probes, canary);
    }

    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return fields;
    }

    private static String version(Object probes, Object canary) {
        try {
            byte[] text = JSON.writeValueAsBytes(List.of(probes, canary == null ? Map.of() : canary));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text), 0, 12);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
