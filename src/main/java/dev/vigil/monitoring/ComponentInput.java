package dev.vigil.monitoring;

import dev.vigil.config.ComponentConfig;
import dev.vigil.config.Entries;
import dev.vigil.errors.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component as a console form or the admin API gives it: vigil.yml's keys, read by its reader,
 * plus its place on the page, which the file gives by order.
 *
 * @param position null for after every other component (new) or where it is (changed)
 */
record ComponentInput(ComponentConfig component, Integer position) {
    public static final int MAX_POSITION = 99_999;

    /** @throws InvalidInput with every problem, keyed by field */
    public static ComponentInput read(Map<String, ?> fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        Integer position = position(fields.get("position"), problems);
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        rest.remove("position");
        ComponentConfig component = null;
        try {
            component = Entries.component(rest);
        } catch (InvalidInput e) {
            problems.putAll(e.fields());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new ComponentInput(component, position);
    }

    private static Integer position(Object raw, Map<String, String> problems) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        String text = raw.toString().strip();
        if (text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1) {
            return Integer.parseInt(text);
        }
        problems.put("position", "\"" + text + "\" must be a whole number from 1 to " + MAX_POSITION);
        return null;
    }
}
