package dev.vigil.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Outcome;
import dev.vigil.testing.Configs;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;

/** Text that SQL, Jdbi or Flyway could mistake for syntax is stored and read back as it was written. */
class LiteralTextStorageTest {
    private static final String INJECTION = "'; DROP TABLE incidents; --";
    private static final String UNICODE = "Ünïcødé 🚨";
    private static final String LOOKALIKES = "O'Brien \"quoted\" back\\slash 100% _ ? $1 :name ${auto_id} /* */";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private final ComponentStore components = new ComponentStore();
    private final IncidentStore incidents = new IncidentStore();

    @OnEachBackend
    void componentNamesAndDescriptionsAreStoredLiterally(TestDatabase store) {
        Database database = store.open();

        database.write(h -> {
            components.upsert(h, "web", INJECTION, UNICODE, LOOKALIKES, 1, "config", AT);
            components.changeStatus(h, "web", ComponentStatus.MAJOR_OUTAGE, AT, UNICODE + " " + INJECTION);
            return null;
        });

        List<Component> stored = database.read(components::all);
        assertThat(stored).containsExactly(new Component("web", INJECTION, UNICODE, LOOKALIKES, 1,
                ComponentStatus.MAJOR_OUTAGE, "config", AT, AT, false));
        List<StatusChange> history = database.read(h -> components.history(h, AT));
        assertThat(history).extracting(StatusChange::reason).containsExactly("component added", UNICODE + " " + INJECTION);
    }

    @OnEachBackend
    void incidentNamesAndUpdateBodiesAreStoredLiterally(TestDatabase store) {
        Database database = store.open();
        String body = UNICODE + "\n\n" + INJECTION + "\n" + LOOKALIKES;

        long id = database.write(h -> {
            long created = incidents.create(h, new NewIncident(INJECTION, IncidentStatus.INVESTIGATING, Impact.MINOR,
                    AT, AT, "staff", null));
            incidents.addUpdate(h, created, IncidentStatus.INVESTIGATING, body, AT, AT, List.of());
            return created;
        });

        Incident incident = database.read(h -> incidents.find(h, id)).orElseThrow();
        assertThat(incident.name()).isEqualTo(INJECTION);
        assertThat(incident.updates()).extracting(IncidentUpdate::body).containsExactly(body);
        long incidentRows = database.read(h -> h.createQuery("SELECT COUNT(*) FROM incidents").mapTo(Long.class).one());
        assertThat(incidentRows).isEqualTo(1);
    }

    @OnEachBackend
    void checkReasonsAreStoredLiterally(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                probes:
                  - id: web-home
                    component: web
                    url: http://web.test/
                """), AT);
        String reason = "request failed: " + UNICODE + " " + INJECTION + " " + LOOKALIKES;

        database.write(h -> {
            new CheckStore().insert(h, CheckResult.of("web-home", AT, Outcome.DOWN, reason));
            return null;
        });

        List<CheckResult> latest = database.read(h -> new CheckStore().latest(h, "web-home", 1));
        assertThat(latest).extracting(CheckResult::reason).containsExactly(reason);
    }
}
