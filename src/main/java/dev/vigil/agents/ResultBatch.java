package dev.vigil.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.agent.ResultJson;
import dev.vigil.probes.CheckResult;
import dev.vigil.web.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of results as an agent posts it (issue 11): {"location", "results": [...], "dropped": {"count", "from",
 * "until"}}, checked whole before anything is written, so that a bad batch changes nothing.
 *
 * @param dropped what the agent's full buffer made it drop since its last batch; null when nothing
 */
record ResultBatch(String location, List<CheckResult> results, Gap dropped) {
    static final int MAX_RESULTS = 1_000;
    /** How far ahead of Vigil's clock an agent's may run before its results are refused as from the future. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final List<String> FIELDS = List.of("location", "results", "dropped");

    /** Results an agent dropped, oldest first: no data for their time. */
    record Gap(int count, Instant from, Instant until) {}

    /** Reads the body; 400 naming every problem when it is not a batch. */
    static ResultBatch parse(String body) {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new BatchRefused(400, "The body is not valid JSON: " + e.getMessage(), null);
        }
        if (json == null || !json.isObject()) {
            throw new BatchRefused(400, "The body must be a JSON object with location and results.", null);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.put(name, "Unknown field. The fields are " + String.join(", ", FIELDS) + ".");
            }
        }
        JsonNode location = json.get("location");
        if (location == null || !location.isTextual()) {
            problems.put("location", "Must be the agent's location, as text.");
        }
        List<CheckResult> results = results(json.get("results"), problems);
        Gap gap = gap(json.get("dropped"), problems);
        if (!problems.isEmpty()) {
            throw new BatchRefused(400, "The batch cannot be read; see fields.", problems);
        }
        return new ResultBatch(location.textValue(), results, gap);
    }

    /**
     * 403 for another location's batch; 422 naming each result of a probe the location does not run, each time
     * in the future beyond {@link #CLOCK_SKEW}, and each result given twice.
     */
    void check(String agentLocation, Set<String> assigned, Instant now) {
        if (!location.equals(agentLocation)) {
            throw new BatchRefused(403, "This agent's token is for the location " + agentLocation + ", not "
                    + location + ".", null);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Instant latestAllowed = now.plus(CLOCK_SKEW);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            CheckResult r = results.get(i);
            String path = "results[" + i + "]";
            if (!assigned.contains(r.probeId())) {
                problems.put(path + ".probe", "The probe " + r.probeId() + " does not run at " + location + ".");
            }
            if (r.startedAt().isAfter(latestAllowed) || r.scheduledAt().isAfter(latestAllowed)) {
                problems.put(path + ".started_at", "Is in the future: more than " + CLOCK_SKEW.toSeconds()
                        + " s after Vigil's clock (" + now + "). Check the agent's clock.");
            }
            if (!seen.add(r.probeId() + "@" + r.scheduledAt())) {
                problems.put(path + ".scheduled_at", "The probe " + r.probeId() + " has a result scheduled at "
                        + r.scheduledAt() + " earlier in this batch.");
            }
        }
        if (dropped != null && dropped.until().isAfter(latestAllowed)) {
            problems.put("dropped.until", "Is in the future. Check the agent's clock.");
        }
        if (!problems.isEmpty()) {
            throw new BatchRefused(422, "The batch was refused and nothing of it was recorded; see fields.", problems);
        }
    }

    private static List<CheckResult> results(JsonNode node, Map<String, String> problems) {
        List<CheckResult> results = new ArrayList<>();
        if (node == null || !node.isArray() || node.size() > MAX_RESULTS) {
            problems.put("results", "Must be a list of at most " + MAX_RESULTS + " results.");
            return results;
        }
        for (int i = 0; i < node.size(); i++) {
            ResultJson.read(node.get(i), "results[" + i + "]", problems).ifPresent(results::add);
        }
        return results;
    }

    private static Gap gap(JsonNode node, Map<String, String> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String problem = "Must be {\"count\": a whole number of at least 1, \"from\" and \"until\": ISO-8601 times}.";
        try {
            if (node.isObject() && node.path("count").isIntegralNumber() && node.path("count").intValue() >= 1) {
                Instant from = Instant.parse(node.path("from").asText());
                Instant until = Instant.parse(node.path("until").asText());
                if (!until.isBefore(from)) {
                    return new Gap(node.path("count").intValue(), from, until);
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        problems.put("dropped", problem);
        return null;
    }
}
