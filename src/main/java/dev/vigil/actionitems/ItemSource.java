package dev.vigil.actionitems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** When an action item was raised. */
public enum ItemSource {
    INCIDENT("incident", "During the incident"),
    REVIEW("review", "In the review");

    private final String key;
    private final String label;

    ItemSource(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ItemSource> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ItemSource::key).toList();
    }
}
