package dev.vigil.postmortems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.accounts.UserStore;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The review and public-version SQL on SQLite and PostgreSQL: Grace and Ada review a postmortem of
 * one incident on the API, it is published, and an item shown publicly is then closed.
 */
class ReviewStorageTest {
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final AtomicInteger rebuilds = new AtomicInteger();
    private Database database;
    private PostmortemFixtures postmortems;
    private Reviews reviews;
    private PublicPostmortems publicVersions;
    private final PublicPostmortemStore publicStore = new PublicPostmortemStore();
    private User grace;
    private User ada;
    private long incident;
    private long postmortem;

    private void setUp(TestDatabase store) {
        database = store.open();
        postmortems = PostmortemFixtures.in(database);
        ReviewStore reviewStore = new ReviewStore();
        reviews = new Reviews(database, reviewStore, new AuditLog(), clock);
        publicVersions = new PublicPostmortems(database, reviews, publicStore, reviewStore,
                new PublicDraftSkeleton(new TimeFormat(ZoneId.of("UTC")), "http://status.test"), new AuditLog(), clock,
                rebuilds::incrementAndGet);
        grace = user("grace@example.com", "Grace Hopper", Role.EDITOR);
        ada = user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        incident = database.write(handle -> {
            long start = NOW.minusSeconds(3600).toEpochMilli();
            handle.execute("INSERT INTO components (id, name, position, status, source, created_at, updated_at) "
                    + "VALUES ('api', 'API', 1, 'operational', 'config', 0, 0)");
            long id = handle.createQuery("""
                    INSERT INTO incidents (name, status, impact, started_at, created_at, updated_at, source)
                    VALUES ('API outage', 'investigating', 'major', :start, :start, :start, 'staff') RETURNING id""")
                    .bind("start", start).mapTo(Long.class).one();
            handle.execute("INSERT INTO incident_components (incident_id, component_id) VALUES (?, 'api')", id);
            return id;
        });
        postmortem = postmortems.postmortemOf("Disk full", incident);
    }

    @OnEachBackend
    void aPostmortemGoesThroughReviewAndPublicationWithARevisionForEachStep(TestDatabase store) {
        setUp(store);
        reviews.nameReviewers(grace, postmortem, version(), List.of(Long.toString(grace.id()), Long.toString(ada.id())));
        reviews.submit(grace, postmortem, version());
        reviews.comment(ada, postmortem, "impact", "How many accounts?");
        reviews.approve(ada, postmortem, version());
        reviews.approve(grace, postmortem, version());
        publicVersions.saveDraft(grace, postmortem, version(), "We are sorry.");
        resolveIncident();

        publicVersions.publish(grace, postmortem, version());

        assertThat(postmortems.status(postmortem)).isEqualTo("published");
        Reviews.ReviewState state = reviews.load(ada, postmortem);
        assertThat(state.reviewers()).extracting(ReviewStore.Reviewer::approvedAt).containsOnly(NOW);
        assertThat(state.comments()).extracting(ReviewStore.Comment::sectionKey).containsExactly("impact");
        assertThat(state.header().approvedAt()).isEqualTo(NOW);
        assertThat(state.revisions()).extracting(ReviewStore.Revision::field)
                .contains("reviewers", "status", "review");
        List<PublicPostmortemStore.PublishedPostmortem> published =
                database.read(handle -> publicStore.publishedFor(handle, incident));
        assertThat(published).extracting(PublicPostmortemStore.PublishedPostmortem::body).containsExactly("We are sorry.");
        List<PublicPostmortemStore.PublishedPostmortem> latest =
                database.read(handle -> publicStore.latestPublished(handle, 10));
        assertThat(latest).hasSize(1);
        assertThat(rebuilds.get()).isEqualTo(1);
    }

    @OnEachBackend
    void aRefusedOrStaleChangeLeavesTheRowAsItWas(TestDatabase store) {
        setUp(store);
        long before = version();

        assertThatThrownBy(() -> reviews.submit(grace, postmortem, before)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> reviews.nameReviewers(grace, postmortem, before - 1, List.of(Long.toString(ada.id()))))
                .isInstanceOf(EditConflict.class);

        assertThat(version()).isEqualTo(before);
        List<ReviewStore.Reviewer> reviewers = database.read(handle -> new ReviewStore().reviewers(handle, postmortem));
        assertThat(reviewers).isEmpty();
    }

    @OnEachBackend
    void closingAPublicCommitmentRebuildsThePublicPageButAHiddenOneDoesNot(TestDatabase store) {
        setUp(store);
        long shown = postmortems.item(postmortem, "Alert on disk usage").add();
        long hidden = postmortems.item(postmortem, "Tidy the runbook").add();
        reviews.nameReviewers(grace, postmortem, version(), List.of(Long.toString(ada.id())));
        reviews.submit(grace, postmortem, version());
        reviews.approve(ada, postmortem, version());
        publicVersions.saveDraft(grace, postmortem, version(), "We are sorry.");
        resolveIncident();
        publicVersions.publish(grace, postmortem, version());
        publicVersions.showCommitment(grace, postmortem, shown, postmortems.itemVersion(shown), true);
        int afterShowing = rebuilds.get();

        postmortems.setItemStatus(hidden, "done", null, NOW);
        publicVersions.actionItemChanged(hidden);
        assertThat(rebuilds.get()).isEqualTo(afterShowing);

        postmortems.setItemStatus(shown, "done", null, NOW.plusSeconds(60));
        publicVersions.actionItemChanged(shown);
        assertThat(rebuilds.get()).isEqualTo(afterShowing + 1);
        PublicPostmortemStore.PublishedPostmortem published =
                database.read(handle -> publicStore.publishedFor(handle, incident)).get(0);
        assertThat(published.commitments()).extracting(PublicPostmortemStore.Commitment::words).containsExactly("Done");
        assertThat(published.lastChange()).isEqualTo(NOW.plusSeconds(60));
    }

    private void resolveIncident() {
        database.write(handle -> handle.createUpdate(
                "UPDATE incidents SET status = 'resolved', resolved_at = :now WHERE id = :id")
                .bind("now", NOW.toEpochMilli()).bind("id", incident).execute());
    }

    private long version() {
        return postmortems.version(postmortem);
    }

    private User user(String email, String name, Role role) {
        long id = database.write(handle -> new UserStore().create(handle, email, name, role, "x", NOW));
        return new User(id, email, name, role, NOW, false);
    }
}
