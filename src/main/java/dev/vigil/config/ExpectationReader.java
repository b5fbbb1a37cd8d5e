package dev.vigil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the expect block of an HTTP probe or a step: what a passing answer looks like. */
final class ExpectationReader {
    static final List<String> KEYS = List.of("status", "body_contains", "body_matches", "json", "headers",
            "max_latency");
    static final List<String> JSON_KEYS = List.of("path", "equals", "matches");
    static final HttpTarget.Expectation DEFAULT = new HttpTarget.Expectation(200, null, null);

    private static final Pattern RANGE = Pattern.compile("(\\d{1,9})\\s*-\\s*(\\d{1,9})");
    private static final int MIN_STATUS = 100;
    private static final int MAX_STATUS = 599;

    private ExpectationReader() {}

    /** @param timeout the probe's timeout, or null when it was wrong (reported already) */
    static HttpTarget.Expectation read(Section parent, Duration timeout) {
        return parent.mapping("expect", KEYS)
                .map(expect -> new HttpTarget.Expectation(
                        status(expect),
                        expect.optionalText("body_contains"),
                        regex(expect, "body_matches"),
                        json(expect),
                        headers(expect),
                        maxLatency(expect, timeout)))
                .orElse(DEFAULT);
    }

    /** A number, a range "300-399", a list of them, or the same as text "200, 300-399" (as forms post it). */
    private static StatusCodes status(Section expect) {
        Object raw = expect.raw("status");
        if (raw == null) {
            return StatusCodes.OK;
        }
        if (Values.wholeNumber(raw).isPresent() || raw instanceof Number) {
            return StatusCodes.single(expect.wholeNumber("status", 200, MIN_STATUS, MAX_STATUS));
        }
        List<Object> items = raw instanceof List<?> list ? new ArrayList<>(list)
                : Values.isScalar(raw) ? List.of((Object[]) raw.toString().split(",")) : List.of();
        if (items.isEmpty()) {
            expect.complain("status", raw instanceof List<?> ? "lists no status code; give at least one"
                    : Values.show(raw) + " must be a status code, a range such as \"300-399\", or a list of them");
            return StatusCodes.OK;
        }
        List<StatusCodes.Range> ranges = new ArrayList<>();
        for (Object item : items) {
            range(String.valueOf(item).strip()).ifPresentOrElse(ranges::add, () -> expect.complain("status",
                    problemOf(String.valueOf(item).strip())));
        }
        return ranges.size() == items.size() ? new StatusCodes(ranges) : StatusCodes.OK;
    }

    private static Optional<StatusCodes.Range> range(String item) {
        Matcher range = RANGE.matcher(item);
        if (range.matches()) {
            int low = Integer.parseInt(range.group(1));
            int high = Integer.parseInt(range.group(2));
            return low <= high && isStatus(low) && isStatus(high)
                    ? Optional.of(new StatusCodes.Range(low, high)) : Optional.empty();
        }
        if (item.matches("\\d{1,9}") && isStatus(Integer.parseInt(item))) {
            int status = Integer.parseInt(item);
            return Optional.of(new StatusCodes.Range(status, status));
        }
        return Optional.empty();
    }

    private static String problemOf(String item) {
        if (RANGE.matcher(item).matches()) {
            return Values.show(item) + " is not a range of status codes: write the lower code first, both from "
                    + MIN_STATUS + " to " + MAX_STATUS + ", as in \"300-399\"";
        }
        if (item.matches("\\d{1,9}")) {
            return Values.show(item) + " must be a whole number from " + MIN_STATUS + " to " + MAX_STATUS;
        }
        return Values.show(item) + " must be a status code such as 200, a range such as \"300-399\", or a list of them";
    }

    private static boolean isStatus(int code) {
        return code >= MIN_STATUS && code <= MAX_STATUS;
    }

    /** A regular expression compiled now, so that a bad one stops the file rather than every check. */
    static Regex regex(Section section, String key) {
        String source = section.optionalText(key);
        if (source == null) {
            return null;
        }
        try {
            return Regex.compile(source);
        } catch (PatternSyntaxException e) {
            section.reject(key, "is not a regular expression: " + Regex.problemOf(e));
            return null;
        }
    }

    private static List<JsonAssertion> json(Section expect) {
        List<JsonAssertion> assertions = new ArrayList<>();
        for (Section item : expect.listOfMappings("json", JSON_KEYS)) {
            JsonPath path = jsonPath(item, "path");
            Object expected = item.raw("equals");
            if (expected != null && !Values.isScalar(expected)) {
                item.reject("equals", "must be a text, a number or true or false");
                expected = null;
            }
            Regex matches = regex(item, "matches");
            if (item.raw("equals") != null && item.raw("matches") != null) {
                item.complain("matches", "give equals or matches, not both");
            }
            if (path != null) {
                assertions.add(new JsonAssertion(path, expected, matches));
            }
        }
        return assertions;
    }

    static JsonPath jsonPath(Section section, String key) {
        String text = section.requiredText(key);
        if (text == null) {
            return null;
        }
        try {
            return JsonPath.parse(text.strip());
        } catch (IllegalArgumentException e) {
            section.reject(key, "is not a JSON path: it " + e.getMessage());
            return null;
        }
    }

    private static Map<String, Regex> headers(Section expect) {
        Map<String, Regex> headers = new LinkedHashMap<>();
        Section section = RequestReader.openMapping(expect, "headers",
                "a mapping of header names to regular expressions");
        if (section == null) {
            return headers;
        }
        for (Object key : section.values().keySet()) {
            String name = String.valueOf(key);
            if (RequestReader.checkHeaderName(section, name)) {
                Regex pattern = regex(section, name);
                if (pattern != null) {
                    headers.put(name, pattern);
                }
            }
        }
        return headers;
    }

    // A latency limit at or above the timeout could never be seen: the check would time out first.
    private static Duration maxLatency(Section expect, Duration timeout) {
        Duration maxLatency = expect.duration("max_latency", null);
        if (maxLatency == null) {
            return null;
        }
        if (maxLatency.isZero()) {
            expect.reject("max_latency", "must be longer than 0");
            return null;
        }
        if (timeout != null && maxLatency.compareTo(timeout) >= 0) {
            expect.reject("max_latency", "must be shorter than the timeout (" + Durations.format(timeout) + ")");
            return null;
        }
        return maxLatency;
    }
}
