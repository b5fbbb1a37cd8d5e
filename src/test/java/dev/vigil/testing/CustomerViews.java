package dev.vigil.testing;

import java.util.List;

/**
 * Everything a customer can read about an incident, fetched as they would: its public page, the
 * status page, the Atom and RSS feeds and the public JSON API. The snapshot is rebuilt first, so
 * that "not there" means not published, rather than not rebuilt yet.
 */
public final class CustomerViews {
    private static final List<String> PUBLIC_PATHS = List.of("/", "/history.atom", "/history.rss",
            "/api/v2/summary.json", "/api/v2/status.json");

    private CustomerViews() {}

    /** The bodies of every public view of the incident, one after the other. */
    public static String of(RunningVigil vigil, long incidentId) {
        vigil.vigil().publisher().rebuild();
        StringBuilder all = new StringBuilder(vigil.get("/incidents/" + incidentId).body());
        PUBLIC_PATHS.forEach(path -> all.append('\n').append(vigil.get(path).body()));
        return all.toString();
    }
}
