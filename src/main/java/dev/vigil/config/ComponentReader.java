package dev.vigil.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the components list, keeping the order of the file: it is the order of the status page. */
final class ComponentReader {
    static final List<String> KEYS = List.of("id", "name", "group", "description", "essential");
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    private ComponentReader() {}

    static List<ComponentConfig> readAll(Section root) {
        Set<String> takenIds = new HashSet<>();
        List<ComponentConfig> components = new ArrayList<>();
        for (Section component : root.listOfMappings("components", KEYS)) {
            components.add(read(component, takenIds));
        }
        return components;
    }

    static ComponentConfig read(Section component, Set<String> takenIds) {
        String id = Ids.read(component, takenIds);
        String name = component.requiredText("name");
        component.checkLength("name", name, MAX_NAME_LENGTH);
        String group = component.optionalText("group");
        String description = component.optionalText("description");
        component.checkLength("description", description, MAX_DESCRIPTION_LENGTH);
        boolean essential = component.flag("essential", false);
        return new ComponentConfig(id, name, group, description, essential);
    }
}
