package dev.vigil.statuspage;

import dev.vigil.components.Component;
import dev.vigil.components.ServiceHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentence under the public banner that names what is affected, so that a reader learns at once
 * whether their part works: "Search is unavailable; everything else is working."
 */
final class BannerSentence {
    private BannerSentence() {}

    /** The sentence, or null when every component works. */
    static String of(ServiceHealth health) {
        List<String> clauses = new ArrayList<>();
        clause(clauses, health.unavailable(), "unavailable");
        clause(clauses, health.partlyUnavailable(), "partly unavailable");
        clause(clauses, health.slow(), "slower than usual");
        clause(clauses, health.inMaintenance(), "under scheduled maintenance");
        if (clauses.isEmpty()) {
            return null;
        }
        if (health.affected() < health.total()) {
            clauses.add("everything else is working");
        }
        return String.join("; ", clauses) + ".";
    }

    private static void clause(List<String> clauses, List<Component> components, String state) {
        if (!components.isEmpty()) {
            clauses.add(names(components.stream().map(Component::name).toList())
                    + (components.size() == 1 ? " is " : " are ") + state);
        }
    }

    /** "Search", "Search and Login", "Search, Login and API". */
    static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
