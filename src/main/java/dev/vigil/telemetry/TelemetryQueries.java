package dev.vigil.telemetry;

import dev.vigil.db.Database;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What /metrics reads from the store at each scrape: which probes are active and under which component, and
 * how many outages each active component has open. Two plain SELECTs, the same on SQLite and PostgreSQL, in
 * one read transaction; a scrape every 15 s or so costs little even with thousands of probes.
 */
final class TelemetryQueries {

    /**
     * @param componentByProbe every active probe's component, by probe id
     * @param openOutagesByComponent every active component, with 0 when nothing is open, so that a recovery
     *     reads as 0 rather than as a series that disappeared
     */
    record Stored(Map<String, String> componentByProbe, Map<String, Integer> openOutagesByComponent) {
        static final Stored NOTHING = new Stored(Map.of(), Map.of());
    }

    private final Database database;

    TelemetryQueries(Database database) {
        this.database = database;
    }

    Stored read() {
        return database.read(handle -> new Stored(
                handle.createQuery("SELECT id, component_id FROM probes WHERE retired_at IS NULL ORDER BY id")
                        .reduceRows(new LinkedHashMap<String, String>(), (map, row) -> {
                            map.put(row.getColumn("id", String.class), row.getColumn("component_id", String.class));
                            return map;
                        }),
                handle.createQuery("""
                        SELECT c.id, COUNT(o.id) AS open_outages
                          FROM components c LEFT JOIN outages o ON o.component_id = c.id AND o.ended_at IS NULL
                         WHERE c.retired_at IS NULL
                         GROUP BY c.id ORDER BY c.id""")
                        .reduceRows(new LinkedHashMap<String, Integer>(), (map, row) -> {
                            map.put(row.getColumn("id", String.class), row.getColumn("open_outages", Integer.class));
                            return map;
                        })));
    }
}
