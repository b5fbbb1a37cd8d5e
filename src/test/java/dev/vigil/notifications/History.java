package dev.vigil.notifications;

import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import java.time.Instant;
import java.util.List;

/** Incident history written straight into a running Vigil's store, as the incident console would write it. */
final class History {
    private static final IncidentStore INCIDENTS = new IncidentStore();

    private History() {}

    static long openIncident(Database database, String name, String componentId, Instant at) {
        return database.write(h -> {
            long id = INCIDENTS.create(h, new NewIncident(name, IncidentStatus.INVESTIGATING, Impact.MAJOR, at, at,
                    "staff", null));
            INCIDENTS.addComponent(h, id, componentId);
            return id;
        });
    }

    static long update(Database database, long incidentId, IncidentStatus status, String body, Instant at) {
        return database.write(h -> INCIDENTS.addUpdate(h, incidentId, status, body, at, at, List.of()));
    }

    /** Whether the history job has taken every incident update up to this one. */
    static boolean taken(Database database, long updateId) {
        return database.read(h -> h.createQuery(
                        "SELECT last_id FROM notification_cursors WHERE source = 'incident_updates'")
                .mapTo(Long.class).one()) >= updateId;
    }

    static long count(Database database, String sql) {
        return database.read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
