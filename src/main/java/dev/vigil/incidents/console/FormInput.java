package dev.vigil.incidents.console;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a submitted form, read leniently: a missing field reads as empty text and a
 * repeated one by its first value, so odd requests end in a field message, never an exception.
 */
final class FormInput {
    private final Map<String, List<String>> fields;

    FormInput(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    static FormInput of(Context ctx) {
        return new FormInput(ctx.formParamMap());
    }

    /** The same form with some fields replaced, as when a template fills it in. */
    FormInput with(Map<String, String> replacements) {
        Map<String, List<String>> changed = new LinkedHashMap<>(fields);
        replacements.forEach((field, value) -> changed.put(field, List.of(value)));
        return new FormInput(changed);
    }

    /** The field's text, "" when absent. */
    String text(String field) {
        List<String> values = fields.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    /** Which submit button was pressed: "preview", "use-template", or "" for the main one. */
    String action() {
        return text("action");
    }

    /** Every field whose name starts with prefix, keyed by the rest of its name, in the order sent. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String field : fields.keySet()) {
            if (field.startsWith(prefix)) {
                found.put(field.substring(prefix.length()), text(field));
            }
        }
        return found;
    }
}
