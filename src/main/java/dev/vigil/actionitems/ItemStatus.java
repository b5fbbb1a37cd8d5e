package dev.vigil.actionitems;

import java.util.List;
import java.util.Optional;

/** Where an action item stands. Done and won't do are closed: they set completed_at; the others clear it. */
public enum ItemStatus implements Keyed {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    BLOCKED("Blocked"),
    DONE("Done"),
    WONT_DO("Won't do");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean closed() {
        return this == DONE || this == WONT_DO;
    }

    public static Optional<ItemStatus> parse(String key) {
        return Keyed.parse(ItemStatus.class, key);
    }

    public static List<String> keys() {
        return Keyed.keys(ItemStatus.class);
    }
}
