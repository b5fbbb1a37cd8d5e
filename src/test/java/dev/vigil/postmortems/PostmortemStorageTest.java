package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.accounts.UserStore;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.outages.OutageStore;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The postmortem SQL on SQLite and PostgreSQL: creation, compare-and-set edits, timeline, tags, delete. */
class PostmortemStorageTest {
    private static final Instant START = Instant.parse("2026-11-17T19:02:40Z");

    private final IncidentStore incidents = new IncidentStore();
    private final PostmortemStore store = new PostmortemStore();
    private final TimelineStore timeline = new TimelineStore();

    @OnEachBackend
    void aPostmortemIsCreatedFromIncidentsEditedWithRevisionsAndDeleted(TestDatabase backend) {
        Database database = backend.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                """), START.minus(Duration.ofDays(1)));
        ManualClock clock = new ManualClock(START.plus(Duration.ofHours(2)));
        UserStore users = new UserStore();
        User grace = database.write(h -> users.find(h, users.create(h, "grace@example.com", "Grace Hopper",
                Role.EDITOR, "x", START)).orElseThrow());
        long incident = database.write(h -> {
            long id = incidents.create(h, new NewIncident("Web down", IncidentStatus.INVESTIGATING, Impact.MAJOR,
                    START, START.plusSeconds(60), "staff", null));
            incidents.addComponent(h, id, "web");
            incidents.addUpdate(h, id, IncidentStatus.RESOLVED, "Back.", START.plusSeconds(600),
                    START.plusSeconds(600), List.of());
            return id;
        });
        Postmortems postmortems = new Postmortems(database, store, timeline, new TemplateSections(),
                new IncidentRecords(), incidents, new OutageStore(), users, new AuditLog(), clock);
        PostmortemEdits edits = new PostmortemEdits(database, store, timeline, users, new AuditLog(), clock);

        long id = postmortems.create(grace, List.of(incident), "");

        Postmortems.Loaded loaded = postmortems.load(id);
        assertThat(loaded.postmortem().title()).isEqualTo("Web down");
        assertThat(loaded.postmortem().severity()).isEqualTo(Severity.SEV2);
        assertThat(loaded.postmortem().figures().impact()).hasValue(Duration.ofMinutes(10));
        assertThat(loaded.postmortem().figures().undetected()).hasValue(Duration.ofMinutes(1));
        assertThat(loaded.componentIds()).containsExactly("web");
        assertThat(loaded.sections()).hasSize(10).first().satisfies(s -> assertThat(s.guidance()).isNotBlank());
        assertThat(loaded.timeline()).extracting(e -> e.kind()).containsExactly("incident_opened", "update", "resolved");
        assertThat(postmortems.refreshTimeline(grace, id)).isZero();
        assertThat(postmortems.list(PostmortemStatus.DRAFT)).hasSize(1);
        assertThat(postmortems.list(PostmortemStatus.PUBLISHED)).isEmpty();

        long version = postmortems.load(id).postmortem().version();
        edits.editSection(grace, id, version, "summary", "A full disk.");
        edits.setTags(grace, id, version + 1, List.of("Disk", "storage", "disk"));
        assertThatThrownBy(() -> edits.editSection(grace, id, version, "summary", "Lost words."))
                .isInstanceOf(EditConflict.class);
        assertThatThrownBy(() -> edits.setTags(grace, id, version + 2, List.of("no spaces allowed!")))
                .isInstanceOf(InvalidInput.class);

        assertThat(postmortems.load(id).tags()).containsExactly("disk", "storage");
        assertThat(postmortems.load(id).sections().get(0).body()).isEqualTo("A full disk.");
        assertThat(postmortems.revisions(id)).extracting(PostmortemStore.Revision::field)
                .containsExactly("tags", "section:summary");

        postmortems.delete(grace, id);
        assertThat(postmortems.list(null)).isEmpty();
    }
}
