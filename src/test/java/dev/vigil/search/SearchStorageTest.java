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

/**
 * The search on SQLite (FTS5) and PostgreSQL (tsvector), over rows written as the postmortem and
 * action-item features write them: V11's triggers alone keep the index current.
 */
class SearchStorageTest {
    /** When the rows were written; one time for all, so that no order comes from the clock. */
    private static final Instant WRITTEN = Instant.parse("2025-11-24T16:00:00Z");

    @OnEachBackend
    void aWordInASectionFindsItsPostmortem(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long failover = rows.postmortem("Database failover took too long", "sev1", "in_review", null);
        rows.section(failover, "root_causes", 3, "The replica lagged behind because of a **vacuum** job.");
        long other = rows.postmortem("Login page slow");
        rows.section(other, "summary", 1, "Sign-in took ten seconds.");
        rows.tag(failover, "database");

        List<SearchHit> hits = search(database, "vacuum");

        assertThat(hits).extracting(SearchHit::id).containsExactly(failover);
        SearchHit hit = hits.get(0);
        assertThat(hit.kind()).isEqualTo(SearchHit.Kind.POSTMORTEM);
        assertThat(hit.title()).isEqualTo("Database failover took too long");
        assertThat(hit.status()).isEqualTo("in_review");
        assertThat(hit.severity()).isEqualTo("sev1");
        assertThat(hit.tags()).containsExactly("database");
        assertThat(hit.snippetHtml()).contains("<mark>vacuum</mark>");
        assertThat(hit.path()).isEqualTo("/console/postmortems/" + failover);
    }

    @OnEachBackend
    void editingASectionReindexesItsPostmortem(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long id = rows.postmortem("Queue backlog");
        rows.section(id, "trigger", 4, "A certificate expired on the broker.");
        assertThat(search(database, "certificate")).extracting(SearchHit::id).containsExactly(id);

        rows.editSection(id, "trigger", "A firmware upgrade restarted the broker.");

        assertThat(search(database, "certificate")).isEmpty();
        assertThat(search(database, "firmware")).extracting(SearchHit::id).containsExactly(id);
    }

    @OnEachBackend
    void aNewTitleATimelineNoteAndATagAreSearchable(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long id = rows.postmortem("Untitled");
        rows.rename(id, "Payments webhook outage");
        rows.timelineEvent(id, "Paged the on-call", "PagerDuty escalation", "nobody acknowledged");
        rows.tag(id, "payments");

        assertThat(search(database, "webhook")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "Untitled")).isEmpty();
        assertThat(search(database, "acknowledged")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "payments")).extracting(SearchHit::id).containsExactly(id);

        rows.untag(id, "payments");
        rows.rename(id, "Webhook outage");
        assertThat(search(database, "payments")).isEmpty();
    }

    @OnEachBackend
    void deletedPostmortemsAndItemsAreNotFound(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long kept = rows.postmortem("Kept: disk filled up");
        long deleted = rows.postmortem("Deleted: disk filled up");
        long itemOfDeleted = rows.item(deleted, "Alert on disk usage").description("Page at 80 percent.").add();
        long keptItem = rows.item(kept, "Rotate disk logs").description("Logrotate daily.").add();
        long deletedItem = rows.item(kept, "Bigger disk").description("Double the disk.").add();

        rows.deletePostmortem(deleted);
        rows.deleteItem(deletedItem);

        assertThat(search(database, "disk")).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(kept), itemPath(keptItem))
                .doesNotContain(postmortemPath(deleted), itemPath(itemOfDeleted), itemPath(deletedItem));
    }

    @OnEachBackend
    void actionItemsAreFoundByTheirDescription(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long grace = rows.user("Grace Hopper");
        long postmortem = rows.postmortem("Checkout errors");
        long item = rows.item(postmortem, "Add a canary")
                .description("Deploy to one percent through the canary first.").status("in_progress").owner(grace)
                .add();

        List<SearchHit> hits = search(database, "percent");

        assertThat(hits).hasSize(1);
        SearchHit hit = hits.get(0);
        assertThat(hit.kind()).isEqualTo(SearchHit.Kind.ACTION_ITEM);
        assertThat(hit.id()).isEqualTo(item);
        assertThat(hit.title()).isEqualTo("Add a canary");
        assertThat(hit.status()).isEqualTo("in_progress");
        assertThat(hit.ownerName()).isEqualTo("Grace Hopper");
        assertThat(hit.postmortemId()).isEqualTo(postmortem);
        assertThat(hit.postmortemTitle()).isEqualTo("Checkout errors");
        assertThat(hit.snippetHtml()).contains("<mark>percent</mark>");
        assertThat(hit.path()).isEqualTo("/console/action-items/" + item);

        rows.describeItem(item, "Ship behind a feature flag.");
        assertThat(search(database, "percent")).isEmpty();
        assertThat(search(database, "flag")).extracting(SearchHit::id).containsExactly(item);
    }

    @OnEachBackend
    void wordsAreFoundByTheirStemAndByAPrefix(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long id = rows.postmortem("Connection timeouts to the cache");
        rows.section(id, "impact", 2, "Deployments were blocked for an hour.");
        rows.postmortem("Unrelated outage");

        assertThat(search(database, "timeout")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "blocking")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "connect*")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "cach*")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "eviction")).isEmpty();
        assertThat(search(database, "connectors*")).isEmpty();
        assertThat(search(database, "\"blocked for an hour\"")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "\"hour for blocked\"")).isEmpty();
    }

    @OnEachBackend
    void theTagFilterKeepsTaggedPostmortemsAndTheirItems(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long tagged = rows.postmortem("Network partition in eu-west");
        rows.tag(tagged, "network");
        long item = rows.item(tagged, "Network runbook").description("Write the partition runbook.").add();
        long untagged = rows.postmortem("Network cable unplugged");

        assertThat(search(database, "network")).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(tagged), itemPath(item), postmortemPath(untagged));
        assertThat(search(database, "network tag:network")).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(tagged), itemPath(item));
        assertThat(hits(database, SearchQuery.parse("network", "network", "postmortems", null)))
                .extracting(SearchHit::path).containsExactly(postmortemPath(tagged));
        assertThat(hits(database, SearchQuery.parse("", "network", null, null))).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(tagged), itemPath(item));
        assertThat(search(database, "tag:nothing")).isEmpty();
        assertThat(new SearchIndex(database).tags()).containsExactly(new SearchIndex.TagCount("network", 1));
    }

    @OnEachBackend
    void theStatusFilterAppliesToEachKind(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long draft = rows.postmortem("Billing draft", "sev3", "draft", null);
        long published = rows.postmortem("Billing published", "sev3", "published", null);
        long open = rows.item(published, "Billing alert").description("Alert on billing failures.")
                .add();
        long done = rows.item(published, "Billing retry").description("Retry billing.")
                .status("done").add();

        assertThat(hits(database, SearchQuery.parse("billing", null, null, "published"))).extracting(SearchHit::path)
                .containsExactly(postmortemPath(published));
        assertThat(hits(database, SearchQuery.parse("billing", null, "items", "open"))).extracting(SearchHit::path)
                .containsExactly(itemPath(open));
        assertThat(hits(database, SearchQuery.parse("", null, "items", "done"))).extracting(SearchHit::path)
                .containsExactly(itemPath(done));
        assertThat(hits(database, SearchQuery.parse("billing", null, null, "nonsense"))).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(draft), postmortemPath(published), itemPath(open),
                        itemPath(done));
    }

    @OnEachBackend
    void aTitleMatchRanksFirst(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long inBody = rows.postmortem("Slow API responses");
        rows.section(inBody, "root_causes", 3, "A missing index made the query scan the table; Redis was fine.");
        long inTitle = rows.postmortem("Redis eviction storm");
        rows.section(inTitle, "summary", 1, "Keys were evicted under memory pressure.");
        long alsoInBody = rows.postmortem("Login outage");
        rows.section(alsoInBody, "summary", 1, "Sessions are kept in Redis, which was restarted.");

        assertThat(search(database, "redis")).extracting(SearchHit::id).first().isEqualTo(inTitle);
    }

    @OnEachBackend
    void querySyntaxAndSqlAreSearchedAsText(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long id = rows.postmortem("Disk-full alarm");
        rows.section(id, "detection", 6, "The alarm fired near midnight: disk-full (sda) at 99 percent.");

        for (String typed : List.of("\"", "\"\"", "*", "alarm*", "(", "(sda", "NEAR", "NEAR(alarm disk)", "-", "-disk",
                "disk-full", ":", "fired:", "title:alarm", "alarm AND", "OR", "NOT alarm", "^alarm", "alarm)",
                "'; DROP TABLE postmortems;--", "\\", "%", "_", "a'b", "{disk}", "disk +full", "\"unterminated",
                "99", "é", "\u0000", "disk\u0000full", "\uE000mark", "\uD800")) {
            searchAllowingRejection(database, typed);
        }
        assertThat(search(database, "(sda")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "NEAR")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "-disk")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "disk-full")).extracting(SearchHit::id).containsExactly(id);
        assertThat(search(database, "midnight:")).extracting(SearchHit::id).containsExactly(id);
        // As FTS5 column syntax this would find the title; as text, "title" is a word nowhere in it.
        assertThat(search(database, "title:alarm")).isEmpty();
        // As an operator OR would find the alarm; as text every word must match, and zeppelin is nowhere.
        assertThat(search(database, "alarm OR zeppelin")).isEmpty();
        assertThat(search(database, "'; DROP TABLE postmortems;--")).isEmpty();
        assertThat(search(database, "alarm")).extracting(SearchHit::id).containsExactly(id);
    }

    @OnEachBackend
    void snippetsEscapeMarkupAndMarkTheMatches(TestDatabase store) {
        Database database = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(database, WRITTEN);
        long id = rows.postmortem("Parser crash");
        rows.section(id, "trigger", 4, "A comment <script>alert(1)</script> with x < y & z crashed the parser.");

        String snippet = search(database, "parser").get(0).snippetHtml();

        assertThat(snippet).contains("<mark>parser</mark>").doesNotContain("<script").contains("&lt;")
                .contains("&amp;");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<").doesNotContain(">");
    }

    @OnEachBackend
    void rowsWrittenBeforeTheMigrationAreIndexed(TestDatabase store) {
        Flyway.configure().dataSource(store.url(), null, null)
                .locations("classpath:db/migration", "classpath:" + store.dialect().migrationFolder())
                .placeholders(Map.of("auto_id", store.dialect().autoIdColumn()))
                .target("7").load().migrate();
        Database before = store.open();
        PostmortemFixtures rows = PostmortemFixtures.in(before, WRITTEN);
        long id = rows.postmortem("Older postmortem");
        rows.section(id, "summary", 1, "Written before search existed: a kerberos ticket expired.");
        long item = rows.item(id, "Renew tickets").description("Automate kerberos renewal.").add();
        before.close();

        Database after = store.open();

        assertThat(search(after, "kerberos")).extracting(SearchHit::path)
                .containsExactlyInAnyOrder(postmortemPath(id), itemPath(item));
    }

    private static String postmortemPath(long id) {
        return "/console/postmortems/" + id;
    }

    private static String itemPath(long id) {
        return "/console/action-items/" + id;
    }

    private static List<SearchHit> search(Database database, String typed) {
        return hits(database, SearchQuery.parse(typed, null, null, null));
    }

    private static List<SearchHit> hits(Database database, SearchQuery query) {
        return new SearchIndex(database).search(query).hits();
    }

    /** Searches; a query the parser turns away is fine, an exception from the store is not. */
    private static void searchAllowingRejection(Database database, String typed) {
        SearchQuery query;
        try {
            query = SearchQuery.parse(typed, null, null, null);
        } catch (dev.vigil.errors.InvalidInput rejected) {
            assertThat(rejected.fields()).containsKey("q");
            return;
        }
        new SearchIndex(database).search(query);
    }
}
