package dev.vigil.web;

import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One posted update in the admin API's JSON, the same for incidents and maintenance windows. */
public final class ApiUpdates {
    private ApiUpdates() {}

    public static Map<String, Object> view(long id, String status, String body, Instant displayAt, Instant createdAt,
            TimeFormat times) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(id));
        json.put("status", status);
        json.put("body", body);
        json.put("display_at", times.iso(displayAt));
        json.put("created_at", times.iso(createdAt));
        return json;
    }
}
