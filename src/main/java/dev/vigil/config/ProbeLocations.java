package dev.vigil.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a probe runs and how many of those places must agree before an outage opens.
 *
 * @param names location names; {@link #SERVER} is the Vigil server itself
 * @param quorum how many locations must see the probe failing, between 1 and names.size()
 */
public record ProbeLocations(List<String> names, int quorum) {
    public static final String SERVER = "server";
    public static final ProbeLocations SERVER_ONLY = new ProbeLocations(List.of(SERVER), 1);
    /** A location's name: lower case letters, digits and dashes, at most 40. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** Whether the text is a location name a probe agent may have: well formed and not the server's own. */
    public static boolean isAgentLocation(String name) {
        return name != null && NAME.matcher(name).matches() && !SERVER.equals(name);
    }

    public ProbeLocations {
        names = List.copyOf(names);
        if (names.isEmpty() || quorum < 1 || quorum > names.size()) {
            throw new IllegalArgumentException("quorum " + quorum + " of " + names);
        }
    }

    /** More than half of the locations, the default quorum. */
    public static int majorityOf(int locations) {
        return locations / 2 + 1;
    }

    public boolean serverOnly() {
        return names.equals(List.of(SERVER));
    }
}
