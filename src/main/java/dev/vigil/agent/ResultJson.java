package dev.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One check result as an agent sends it and keeps it on disk (issue 11): {"probe", "scheduled_at", "started_at",
 * "duration_ms", "ttfb_ms", "outcome", "reason", "status_code"}, times in ISO-8601 UTC with milliseconds.
 */
public final class ResultJson {
    static final int MAX_REASON = 1000;
    private static final long MAX_DURATION_MS = Duration.ofDays(1).toMillis();

    private ResultJson() {}

    public static Map<String, Object> write(CheckResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("probe", r.probeId());
        json.put("scheduled_at", r.scheduledAt().toString());
        json.put("started_at", r.startedAt().toString());
        json.put("duration_ms", r.duration().toMillis());
        json.put("ttfb_ms", r.timeToFirstByte() == null ? null : r.timeToFirstByte().toMillis());
        json.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
        json.put("reason", r.reason());
        json.put("status_code", r.statusCode());
        return json;
    }

    /**
     * Reads one result; each problem goes into problems under path + "." + the field, and the result is empty.
     *
     * @param path where the result is in its batch, such as "results[3]"
     */
    public static Optional<CheckResult> read(JsonNode node, String path, Map<String, String> problems) {
        if (node == null || !node.isObject()) {
            problems.put(path, "Must be an object with probe, scheduled_at, started_at, duration_ms, outcome and reason.");
            return Optional.empty();
        }
        int before = problems.size();
        String probe = text(node, "probe", path, problems, 100);
        Instant scheduled = time(node, "scheduled_at", path, problems);
        Instant started = time(node, "started_at", path, problems);
        Long duration = millis(node, "duration_ms", path, problems, true);
        Long ttfb = millis(node, "ttfb_ms", path, problems, false);
        Outcome outcome = outcome(node, path, problems);
        String reason = text(node, "reason", path, problems, MAX_REASON);
        Integer status = statusCode(node, path, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CheckResult(probe, scheduled, started, Duration.ofMillis(duration),
                ttfb == null ? null : Duration.ofMillis(ttfb), outcome, reason, status));
    }

    private static String text(JsonNode node, String field, String path, Map<String, String> problems, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank() || value.textValue().length() > max) {
            problems.put(path + "." + field, "Must be a text of 1 to " + max + " characters.");
            return null;
        }
        return value.textValue();
    }

    private static Instant time(JsonNode node, String field, String path, Map<String, String> problems) {
        JsonNode value = node.get(field);
        try {
            if (value != null && value.isTextual()) {
                return Instant.parse(value.textValue());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.put(path + "." + field, "Must be an ISO-8601 time in UTC, such as \"2026-03-01T14:05:00.250Z\".");
        return null;
    }

    private static Long millis(JsonNode node, String field, String path, Map<String, String> problems,
            boolean required) {
        JsonNode value = node.get(field);
        if ((value == null || value.isNull()) && !required) {
            return null;
        }
        if (value == null || !value.isIntegralNumber() || value.longValue() < 0 || value.longValue() > MAX_DURATION_MS) {
            problems.put(path + "." + field, "Must be a whole number of milliseconds from 0 to " + MAX_DURATION_MS
                    + (required ? "." : ", or null."));
            return null;
        }
        return value.longValue();
    }

    private static Outcome outcome(JsonNode node, String path, Map<String, String> problems) {
        JsonNode value = node.get("outcome");
        if (value != null && value.isTextual()) {
            for (Outcome outcome : Outcome.values()) {
                if (outcome.name().toLowerCase(Locale.ROOT).equals(value.textValue())) {
                    return outcome;
                }
            }
        }
        problems.put(path + ".outcome", "Must be up, degraded, down or skipped.");
        return null;
    }

    private static Integer statusCode(JsonNode node, String path, Map<String, String> problems) {
        JsonNode value = node.get("status_code");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || value.intValue() < 100 || value.intValue() > 599) {
            problems.put(path + ".status_code", "Must be an HTTP status from 100 to 599, or null.");
            return null;
        }
        return value.intValue();
    }
}
