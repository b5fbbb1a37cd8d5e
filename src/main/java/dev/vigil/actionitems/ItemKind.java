package dev.vigil.actionitems;

import java.util.List;
import java.util.Optional;

/** What an action item is for (Google's types, with process for the way we work). */
public enum ItemKind implements Keyed {
    PREVENT("Prevent"),
    DETECT("Detect"),
    MITIGATE("Mitigate"),
    REPAIR("Repair"),
    PROCESS("Process");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public static Optional<ItemKind> parse(String key) {
        return Keyed.parse(ItemKind.class, key);
    }

    public static List<String> keys() {
        return Keyed.keys(ItemKind.class);
    }
}
