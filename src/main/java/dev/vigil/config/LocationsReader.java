package dev.vigil.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a probe's `locations` (default: the server alone) and `quorum` (default: a majority of them). */
final class LocationsReader {
    private static final Pattern NAME = ProbeLocations.NAME;
    private static final int MAX_LOCATIONS = 20;

    private LocationsReader() {}

    static ProbeLocations read(Section probe) {
        List<String> names = names(probe);
        int quorum = probe.wholeNumber("quorum", ProbeLocations.majorityOf(names.size()), 1, MAX_LOCATIONS);
        if (quorum > names.size()) {
            probe.reject("quorum", "must not be more than the number of locations (" + names.size() + ")");
            quorum = names.size();
        }
        return new ProbeLocations(names, quorum);
    }

    private static List<String> names(Section probe) {
        Object value = probe.raw("locations");
        if (value == null) {
            return ProbeLocations.SERVER_ONLY.names();
        }
        if (!(value instanceof List<?> items) || items.isEmpty() || items.size() > MAX_LOCATIONS) {
            probe.reject("locations", "must be a list of 1 to " + MAX_LOCATIONS + " location names, such as "
                    + "[server, eu-west]; \"server\" is Vigil itself");
            return ProbeLocations.SERVER_ONLY.names();
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (Object item : items) {
            String name = String.valueOf(item);
            if (!(item instanceof String) || !NAME.matcher(name).matches() || !names.add(name)) {
                wrong.add(Values.show(item));
            }
        }
        if (!wrong.isEmpty()) {
            probe.complain("locations", String.join(", ", wrong) + ": each location must be named once, in lower "
                    + "case letters, digits and dashes (at most 40)");
            return ProbeLocations.SERVER_ONLY.names();
        }
        return List.copyOf(names);
    }
}
