package dev.vigil.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small subset of JSONPath (RFC 9535) that names one value: {@code $}, then any number of {@code .name},
 * {@code ['any name']} and {@code [0]}, as in {@code $.results[0].id}. Wildcards, filters and slices are left out:
 * an assertion or an extraction needs one value, and this subset reads it over Jackson's tree without another
 * library.
 */
public record JsonPath(String text, List<Object> segments) {

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** @throws IllegalArgumentException saying what is wrong, for the configuration's message */
    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("must start with $, as in $.status");
        }
        List<Object> segments = new ArrayList<>();
        int at = 1;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '.') {
                int end = nameEnd(text, at + 1);
                if (end == at + 1) {
                    throw new IllegalArgumentException("has no name after the dot at position " + (at + 1));
                }
                segments.add(text.substring(at + 1, end));
                at = end;
            } else if (c == '[') {
                at = bracket(text, at, segments);
            } else {
                throw new IllegalArgumentException("has \"" + c + "\" at position " + (at + 1)
                        + " where . or [ was expected");
            }
        }
        return new JsonPath(text, segments);
    }

    /** The value at this path, or empty when some part of it is not there. */
    public Optional<JsonNode> find(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
            if (node.isMissingNode()) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private static int nameEnd(String text, int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_-$".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end;
    }

    /** Reads [0] or ['name'] starting at the bracket; returns the position after it. */
    private static int bracket(String text, int open, List<Object> segments) {
        int close = text.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("has a [ at position " + (open + 1) + " that is not closed");
        }
        String inside = text.substring(open + 1, close);
        if (inside.matches("\\d{1,9}")) {
            segments.add(Integer.parseInt(inside));
        } else if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            segments.add(inside.substring(1, inside.length() - 1));
        } else {
            throw new IllegalArgumentException("has [" + inside + "] at position " + (open + 1)
                    + "; use an index such as [0] or a quoted name such as ['a b']");
        }
        return close + 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
