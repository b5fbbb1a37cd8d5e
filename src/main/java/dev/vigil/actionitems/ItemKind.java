package dev.vigil.actionitems;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an action item is for (Google's types, with process for the way we work). */
public enum ItemKind {
    PREVENT("prevent", "Prevent"),
    DETECT("detect", "Detect"),
    MITIGATE("mitigate", "Mitigate"),
    REPAIR("repair", "Repair"),
    PROCESS("process", "Process");

    private final String key;
    private final String label;

    ItemKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<ItemKind> parse(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ItemKind::key).toList();
    }
}
