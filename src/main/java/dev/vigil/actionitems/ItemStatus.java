package dev.vigil.actionitems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where an action item stands. Done and won't do are closed: they set completed_at; the others clear it. */
public enum ItemStatus {
    OPEN("open", "Open"),
    IN_PROGRESS("in_progress", "In progress"),
    BLOCKED("blocked", "Blocked"),
    DONE("done", "Done"),
    WONT_DO("wont_do", "Won't do");

    private final String key;
    private final String label;

    ItemStatus(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stored and API name, such as in_progress. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean closed() {
        return this == DONE || this == WONT_DO;
    }

    public static Optional<ItemStatus> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ItemStatus::key).toList();
    }
}
