package dev.vigil.actionitems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** P1 (most urgent) to P4. */
public enum Priority {
    P1("P1 (urgent)"),
    P2("P2 (high)"),
    P3("P3 (normal)"),
    P4("P4 (low)");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    /** The stored and API name: P1 .. P4. */
    public String key() {
        return name();
    }

    public String label() {
        return label;
    }

    public static Optional<Priority> parse(String key) {
        return Arrays.stream(values()).filter(p -> p.name().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Priority::key).toList();
    }
}
