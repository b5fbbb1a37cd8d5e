package dev.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.db.Database;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** Comments are searched too (V15): a review comment finds its postmortem, a progress note its item. */
class CommentSearchStorageTest {
    private static final long AT = 1_764_000_000_000L;

    @OnEachBackend
    void aProgressNoteOnAnItemFindsTheItemUntilItIsDeleted(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, Instant.ofEpochMilli(AT));
        long grace = rows.user("Grace Hopper");
        long item = rows.item(rows.postmortem("Search outage"), "Rehearse rollbacks").description("In every release test.").add();

        long note = comment(database, "action_item_comments", "item_id", item, grace,
                "Blocked: the vendor's firmware cannot roll back yet.");

        List<SearchHit> hits = search(database, "firmware");
        assertThat(hits).extracting(SearchHit::path).containsExactly("/console/action-items/" + item);
        assertThat(hits.get(0).snippetHtml()).contains("<mark>firmware</mark>");
        assertThat(search(database, "rollbacks")).extracting(SearchHit::id).containsExactly(item);

        database.write(handle -> handle.execute("DELETE FROM action_item_comments WHERE id = ?", note));
        assertThat(search(database, "firmware")).isEmpty();
    }

    @OnEachBackend
    void aReviewCommentFindsItsPostmortem(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, Instant.ofEpochMilli(AT));
        long ada = rows.user("Ada Lovelace");
        long postmortem = rows.postmortem("Search outage");
        rows.section(postmortem, "summary", 1, "The search server failed during an upgrade.");

        comment(database, "postmortem_comments", "postmortem_id", postmortem, ada,
                "Say how the watchdog timeout was chosen.");

        assertThat(search(database, "watchdog")).extracting(SearchHit::path)
                .containsExactly("/console/postmortems/" + postmortem);
        assertThat(search(database, "upgrade")).extracting(SearchHit::id).containsExactly(postmortem);
    }

    @OnEachBackend
    void commentsWrittenBeforeTheMigrationAreIndexed(TestDatabase store) {
        Flyway.configure().dataSource(store.url(), null, null)
                .locations("classpath:db/migration", "classpath:" + store.dialect().migrationFolder())
                .placeholders(Map.of("auto_id", store.dialect().autoIdColumn()))
                .target("13").load().migrate();
        Database before = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(before, Instant.ofEpochMilli(AT));
        long grace = rows.user("Grace Hopper");
        long postmortem = rows.postmortem("Older postmortem");
        long item = rows.item(postmortem, "Renew tickets").description("Automate renewal.").add();
        comment(before, "postmortem_comments", "postmortem_id", postmortem, grace, "Was kerberos involved?");
        comment(before, "action_item_comments", "item_id", item, grace, "Kerberos renewal script drafted.");
        before.close();

        Database after = store.open();

        assertThat(search(after, "kerberos")).extracting(SearchHit::path).containsExactlyInAnyOrder(
                "/console/postmortems/" + postmortem, "/console/action-items/" + item);
    }

    /** A comment row as the review and action-item pages write it. */
    private static long comment(Database database, String table, String owner, long ownerId, long user, String body) {
        return database.write(handle -> handle.createQuery("INSERT INTO " + table + " (" + owner
                        + ", user_id, body, created_at) VALUES (:owner, :user, :body, :at) RETURNING id")
                .bind("owner", ownerId).bind("user", user).bind("body", body).bind("at", AT)
                .mapTo(Long.class).one());
    }

    private static List<SearchHit> search(Database database, String typed) {
        return new SearchIndex(database).search(SearchQuery.parse(typed, null, null, null)).hits();
    }
}
