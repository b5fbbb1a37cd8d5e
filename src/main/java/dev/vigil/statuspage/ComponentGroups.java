package dev.vigil.statuspage;

import dev.vigil.components.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Components arranged by group, groups in the order their first component appears. */
record ComponentGroups(List<Entry> entries) {

    /** A group (name not null) or a lone component (name null, one member). */
    record Entry(String name, List<Component> members) {
        String id() {
            return "group-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }

        boolean isGroup() {
            return name != null;
        }
    }

    static ComponentGroups of(List<Component> components) {
        Map<String, List<Component>> byGroup = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Component component : components) {
            if (component.groupName() == null) {
                entries.add(new Entry(null, List.of(component)));
                continue;
            }
            List<Component> members = byGroup.get(component.groupName());
            if (members == null) {
                members = new ArrayList<>();
                byGroup.put(component.groupName(), members);
                entries.add(new Entry(component.groupName(), members));
            }
            members.add(component);
        }
        return new ComponentGroups(entries);
    }
}
