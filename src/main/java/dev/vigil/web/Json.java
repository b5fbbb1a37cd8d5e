package dev.vigil.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON reading and writing for small handler requests and responses. ObjectMapper is thread-safe once configured. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Parses JSON text; an empty text is a missing node.
     *
     * @throws IllegalArgumentException saying where the text stops being JSON, for a person to fix
     */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new IllegalArgumentException(at == null ? e.getOriginalMessage()
                    : e.getOriginalMessage() + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")", e);
        }
    }
}
