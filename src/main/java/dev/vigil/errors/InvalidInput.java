package dev.vigil.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input a person must correct: each field with a message saying what is allowed. Forms show it
 * again with the fields marked; the JSON API answers 400 with the same messages.
 */
public final class InvalidInput extends RuntimeException {
    private final Map<String, String> fields;

    public InvalidInput(Map<String, String> fields) {
        super(String.join("; ", fields.values()));
        this.fields = Map.copyOf(new LinkedHashMap<>(fields));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Collects problems; {@link #throwIfAny()} throws them together. */
    public static final class Collector {
        private final Map<String, String> problems = new LinkedHashMap<>();

        public Collector check(boolean ok, String field, String message) {
            if (!ok) {
                problems.putIfAbsent(field, message);
            }
            return this;
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
