package dev.vigil.postmortems;

import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * A submitted form read leniently: a missing field is empty text, so odd requests end in a field
 * message rather than an exception.
 */
record Form(Map<String, List<String>> fields) {

    static Form of(Context ctx) {
        return new Form(ctx.formParamMap());
    }

    String text(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    List<String> all(String field) {
        return fields.getOrDefault(field, List.of());
    }

    /** The version the form was loaded with; a form without one can only lose a race. */
    long version() {
        try {
            return Long.parseLong(text("version"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Flattened to the first value of each field, for showing the form again. */
    Map<String, String> values() {
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        fields.keySet().forEach(field -> flat.put(field, text(field)));
        return flat;
    }

    static long pathId(Context ctx, String param) {
        return PathIds.id(ctx, param, "item");
    }
}
