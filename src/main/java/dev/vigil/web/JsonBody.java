package dev.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.errors.InvalidInput;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body that must be a JSON object: 415 unless it is declared as JSON, 400 unless it
 * parses to an object. Unknown fields and fields of the wrong type are collected and refused
 * together in one 400, so a typo such as "componentIds" is caught instead of silently ignored.
 */
public final class JsonBody {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private final JsonNode object;
    private final Map<String, String> problems = new LinkedHashMap<>();

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    public static JsonBody of(Context ctx, List<String> knownFields) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaTypeResponse("Send the body as JSON, with the header Content-Type: application/json.");
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(ctx.body());
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("The body is not valid JSON: " + e.getMessage());
        }
        if (parsed == null || !parsed.isObject()) {
            throw new BadRequestResponse("The body must be a JSON object, such as {\"name\": \"...\"}.");
        }
        JsonBody body = new JsonBody(parsed);
        for (Iterator<String> names = parsed.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                body.problems.put(name, "Unknown field. The fields are " + String.join(", ", knownFields) + ".");
            }
        }
        return body;
    }

    /** A text field; null when absent or null. */
    public String text(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.putIfAbsent(field, "Must be a string.");
            return null;
        }
        return value.textValue();
    }

    /** Whether the body names the field (even as null). */
    public boolean has(String field) {
        return object.has(field);
    }

    /** An id given as a string or a whole number, as text; null when absent or null. */
    public String idText(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        return text(field);
    }

    /** A whole number; null when absent or null. */
    public Long wholeNumber(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.putIfAbsent(field, "Must be a whole number.");
            return null;
        }
        return value.longValue();
    }

    /** A true or false field; false when absent or null. */
    public boolean flag(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.putIfAbsent(field, "Must be true or false.");
            return false;
        }
        return value.booleanValue();
    }

    /** A list of texts; empty when absent or null. */
    public List<String> texts(String field) {
        JsonNode value = object.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            problems.putIfAbsent(field, "Must be a list of strings, such as [\"api\", \"web\"].");
            return texts;
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                problems.putIfAbsent(field, "Must be a list of strings, such as [\"api\", \"web\"].");
                return List.of();
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** Ids given as strings or whole numbers (postmortems, issue 4); empty when absent or null. */
    public List<Long> ids(String field) {
        JsonNode value = object.get(field);
        List<Long> ids = new ArrayList<>();
        if (value == null || value.isNull()) {
            return ids;
        }
        String problem = "Must be a list of ids, such as [12, 14].";
        if (!value.isArray()) {
            problems.putIfAbsent(field, problem);
            return ids;
        }
        for (JsonNode item : value) {
            try {
                ids.add(item.isIntegralNumber() && item.canConvertToLong() ? item.longValue()
                        : Long.parseLong(item.isTextual() ? item.textValue().strip() : "?"));
            } catch (NumberFormatException e) {
                problems.putIfAbsent(field, problem);
                return List.of();
            }
        }
        return ids;
    }

    /** A time with its offset, such as "2026-03-01T14:05:00Z"; null when absent or null. */
    public java.time.Instant instant(String field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            problems.putIfAbsent(field, "Must be an ISO-8601 time with its offset, such as \"2026-03-01T14:05:00Z\".");
            return null;
        }
    }

    /** An object of texts by key, such as {"summary": "..."}; empty when absent or null. */
    public Map<String, String> textsByKey(String field) {
        JsonNode value = object.get(field);
        Map<String, String> texts = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        String problem = "Must be an object of texts by key, such as {\"summary\": \"...\"}.";
        if (!value.isObject()) {
            problems.putIfAbsent(field, problem);
            return texts;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!entry.getValue().isTextual()) {
                problems.putIfAbsent(field, problem);
                return Map.of();
            }
            texts.put(entry.getKey(), entry.getValue().textValue());
        }
        return texts;
    }

    /**
     * The object as plain maps, lists and scalars, for the configuration's readers (issue 3), which
     * check each value themselves; a JSON null reads as absent (its default).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> values() {
        return new LinkedHashMap<>(MAPPER.convertValue(object, Map.class));
    }

    /**
     * Reads the values with a configuration reader; its problems and this body's are refused
     * together in one 400, so that a script learns everything wrong at once.
     */
    public <T> T readWith(java.util.function.Function<Map<String, Object>, T> reader) {
        T result = null;
        try {
            result = reader.apply(values());
        } catch (InvalidInput e) {
            e.fields().forEach(problems::putIfAbsent);
        }
        throwIfInvalid();
        return result;
    }

    /** Refuses the body when a field is unknown or of the wrong type. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
