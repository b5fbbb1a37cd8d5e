package dev.vigil.actionitems;

import java.util.List;
import java.util.Optional;

/** When an action item was raised. */
public enum ItemSource implements Keyed {
    INCIDENT("During the incident"),
    REVIEW("In the review");

    private final String label;

    ItemSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<ItemSource> parse(String key) {
        return Keyed.parse(ItemSource.class, key);
    }

    public static List<String> keys() {
        return Keyed.keys(ItemSource.class);
    }
}
