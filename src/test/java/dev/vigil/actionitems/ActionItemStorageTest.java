package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.accounts.AuditLog;
import dev.vigil.config.PostmortemConfig;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The action item service on SQLite and PostgreSQL: every change one transaction with its history rows. */
class ActionItemStorageTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    /** 06:00 UTC on Dec 1 is still Nov 30 in Los Angeles: "today" is the site's day. */
    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private Database database;
    private PostmortemFixtures postmortems;
    private ManualClock clock;
    private ActionItems items;
    private final AtomicInteger publicChanges = new AtomicInteger();
    private long grace;
    private long alan;
    private Actor graceActs;

    private void open(TestDatabase backend) {
        database = backend.open();
        postmortems = PostmortemFixtures.in(database, Instant.parse("2026-11-01T00:00:00Z"));
        clock = new ManualClock(NOW);
        items = new ActionItems(database, new ActionItemStore(), new DuePolicy(PostmortemConfig.defaults()),
                new AuditLog(), ZONE, clock, publicChanges::incrementAndGet, new DonePolicy(false));
        grace = postmortems.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        alan = postmortems.user("alan@example.com", "Alan Turing", Role.EDITOR);
        postmortems.disable(postmortems.user("gone@example.com", "Gone Person", Role.EDITOR));
        graceActs = new Actor("user:" + grace, "Grace Hopper", grace);
    }

    private ItemForm form(String title, long owner, String priority, String due) {
        return new ItemForm(title, "", Long.toString(owner), "detect", priority, due, "review", "", false, null);
    }

    private ActionItem create(long postmortem, String title, long owner, String priority, String due) {
        return items.create(postmortem, form(title, owner, priority, due), graceActs).orElseThrow();
    }

    @OnEachBackend
    void theDueDateFollowsThePolicyForEachSeverityCountedFromTheSitesToday(TestDatabase backend) {
        open(backend);
        List<String> severities = List.of("sev1", "sev2", "sev3", "sev4");
        List<LocalDate> dues = severities.stream()
                .map(sev -> postmortems.postmortemAffecting("PM", sev))
                .map(pm -> items.suggestedDue(items.postmortem(pm).orElseThrow()))
                .toList();

        assertThat(items.today()).isEqualTo(TODAY);
        assertThat(dues).containsExactly(TODAY.plusDays(15), TODAY.plusDays(30), TODAY.plusDays(60), TODAY.plusDays(90));
    }

    @OnEachBackend
    void creatingAnItemStoresItOpenWithACreationRowAndAnAuditEntry(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev1");

        ActionItem item = create(pm, "Alert on replication lag", grace, "P1", "2026-12-10");

        assertThat(item.status()).isEqualTo(ItemStatus.OPEN);
        assertThat(item.ownerName()).isEqualTo("Grace Hopper");
        assertThat(item.dueOn()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(item.createdBy()).isEqualTo("user:" + grace);
        assertThat(item.version()).isEqualTo(1);
        assertThat(items.changes(item.id())).extracting(ItemChange::field).containsExactly("created");
        assertThat(auditActions()).contains("action_item.created");
    }

    @OnEachBackend
    void editingRecordsARowPerChangedFieldWithBeforeAndAfter(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        ActionItem item = create(pm, "Alert on lag", grace, "P2", "2026-12-10");

        ActionItem edited = items.edit(item.id(), item.version(),
                current -> new ItemForm("Alert on replication lag", "", Long.toString(alan), "detect", "P1",
                        "2026-12-10", "review", "https://tracker.example/OPS-1", false, current.keptDueOn()),
                graceActs).orElseThrow();

        assertThat(edited.version()).isEqualTo(2);
        assertThat(items.changes(item.id())).extracting(ItemChange::field, ItemChange::before, ItemChange::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("created", null, "Alert on lag"),
                        org.assertj.core.groups.Tuple.tuple("title", "Alert on lag", "Alert on replication lag"),
                        org.assertj.core.groups.Tuple.tuple("owner", "Grace Hopper", "Alan Turing"),
                        org.assertj.core.groups.Tuple.tuple("priority", "P2", "P1"),
                        org.assertj.core.groups.Tuple.tuple("tracker_url", null, "https://tracker.example/OPS-1"));
        assertThat(items.changes(item.id()).get(1).actorName()).isEqualTo("Grace Hopper");
    }

    @OnEachBackend
    void anEditFromAStaleVersionIsRefusedAndChangesNothing(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        ActionItem item = create(pm, "Alert on lag", grace, "P2", "2026-12-10");
        items.changeStatus(item.id(), 1L, "in_progress", null, graceActs);

        assertThatThrownBy(() -> items.edit(item.id(), 1L, current -> current, graceActs))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("Someone else changed this item");
        assertThat(items.find(item.id()).orElseThrow().version()).isEqualTo(2);
    }

    @OnEachBackend
    void doneAndWontDoSetCompletedAtAndReopeningClearsIt(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        long id = create(pm, "Alert on lag", grace, "P2", "2026-12-10").id();

        ActionItem done = items.changeStatus(id, null, "done", null, graceActs).orElseThrow();
        assertThat(done.completedAt()).isEqualTo(NOW);
        clock.advance(Duration.ofHours(1));
        ActionItem reopened = items.changeStatus(id, null, "blocked", null, graceActs).orElseThrow();
        assertThat(reopened.completedAt()).isNull();
        ActionItem dropped = items.changeStatus(id, null, "wont_do", "  Replaced by OPS-9  ", graceActs).orElseThrow();

        assertThat(dropped.status()).isEqualTo(ItemStatus.WONT_DO);
        assertThat(dropped.wontDoReason()).isEqualTo("Replaced by OPS-9");
        assertThat(dropped.completedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(items.changes(id)).extracting(ItemChange::field).containsExactly("created",
                "status", "completed_at", "status", "completed_at", "status", "wont_do_reason", "completed_at");
        assertThat(publicChanges.get()).isEqualTo(3);
    }

    @OnEachBackend
    void wontDoWithoutAReasonIsRefusedAndNothingIsSaved(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        long id = create(pm, "Alert on lag", grace, "P2", "2026-12-10").id();

        assertThatThrownBy(() -> items.changeStatus(id, null, "wont_do", "   ", graceActs))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsOnlyKeys("wont_do_reason"));
        assertThat(items.find(id).orElseThrow().status()).isEqualTo(ItemStatus.OPEN);
        assertThat(items.changes(id)).hasSize(1);
    }

    @OnEachBackend
    void anUnknownOrDisabledOwnerIsRefusedAndNothingIsSaved(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        long disabled = database.read(h -> h.createQuery("SELECT id FROM users WHERE email = 'gone@example.com'")
                .mapTo(Long.class).one());

        for (long owner : List.of(999L, disabled)) {
            assertThatThrownBy(() -> items.create(pm, form("Alert", owner, "P2", "2026-12-10"), graceActs))
                    .isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsOnlyKeys("owner_id"));
        }
        assertThat(items.ofPostmortem(pm)).isEmpty();
    }

    @OnEachBackend
    void aPastOrImpossibleDueDateIsRefusedButAPassedOneMayStayOnEdit(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        for (String due : List.of("2026-11-29", "2026-02-30", "next week", "")) {
            assertThatThrownBy(() -> create(pm, "Alert", grace, "P2", due)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).fields()).containsOnlyKeys("due_on"));
        }
        assertThat(create(pm, "Due today is fine", grace, "P2", TODAY.toString()).dueOn()).isEqualTo(TODAY);
        ActionItem item = items.ofPostmortem(pm).get(0);

        clock.advance(Duration.ofDays(3));
        ActionItem renamed = items.edit(item.id(), null, current -> new ItemForm("Renamed", "", Long.toString(grace),
                "detect", "P2", TODAY.toString(), "review", "", false, current.keptDueOn()), graceActs).orElseThrow();

        assertThat(renamed.title()).isEqualTo("Renamed");
        assertThat(renamed.overdue(items.today())).isTrue();
    }

    @OnEachBackend
    void theBoardFiltersByOwnerStatusPriorityComponentAndOverdue(TestDatabase backend) {
        open(backend);
        postmortems.component("api", "Public API");
        postmortems.component("web", "Web");
        long apiPm = postmortems.postmortemAffecting("API outage", "sev1", "api");
        long webPm = postmortems.postmortemAffecting("Web outage", "sev3", "web");
        long soon = create(apiPm, "Soon", grace, "P1", "2026-12-01").id();
        long later = create(apiPm, "Later", alan, "P3", "2027-01-15").id();
        long web = create(webPm, "Web item", alan, "P1", "2026-12-05").id();
        long done = create(webPm, "Done item", grace, "P2", "2026-12-02").id();
        items.changeStatus(later, null, "in_progress", null, graceActs);
        items.changeStatus(done, null, "done", null, graceActs);
        clock.advance(Duration.ofDays(4)); // today is Dec 4: "Soon" and "Done item" have passed their dates

        assertThat(ids(new ItemFilters(grace, null, null, null, false, false))).containsExactly(soon, done);
        assertThat(ids(new ItemFilters(null, ItemStatus.IN_PROGRESS, null, null, false, false))).containsExactly(later);
        assertThat(ids(new ItemFilters(null, null, Priority.P1, null, false, false))).containsExactly(soon, web);
        assertThat(ids(new ItemFilters(null, null, null, "web", false, false))).containsExactly(done, web);
        assertThat(ids(new ItemFilters(null, null, null, null, true, false))).containsExactly(soon);
        assertThat(ids(ItemFilters.none())).as("overdue first, then by due date").containsExactly(soon, done, web, later);
        assertThat(ids(ItemFilters.mine(alan))).containsExactly(web, later);
        assertThat(ids(ItemFilters.mine(grace))).containsExactly(soon);
    }

    @OnEachBackend
    void commentsAndDeletionAreKeptAsRowsAndADeletedItemIsGoneFromEveryList(TestDatabase backend) {
        open(backend);
        long pm = postmortems.postmortemAffecting("Checkout outage", "sev2");
        long id = create(pm, "Alert on lag", grace, "P2", "2026-12-10").id();

        assertThat(items.comment(id, "Waiting on **infra**", graceActs)).isTrue();
        assertThatThrownBy(() -> items.comment(id, "  ", graceActs)).isInstanceOf(InvalidInput.class);
        assertThat(items.comments(id)).extracting(ItemComment::userName, ItemComment::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Grace Hopper", "Waiting on **infra**"));
        assertThat(items.delete(id, null, graceActs)).isTrue();

        assertThat(items.find(id)).isEmpty();
        assertThat(items.ofPostmortem(pm)).isEmpty();
        assertThat(items.matching(ItemFilters.none())).isEmpty();
        assertThat(items.changes(id)).extracting(ItemChange::field).containsExactly("created", "deleted");
        assertThat(items.delete(id, null, graceActs)).isFalse();
        assertThat(auditActions()).contains("action_item.commented", "action_item.deleted");
    }

    private List<Long> ids(ItemFilters filters) {
        return items.matching(filters).stream().map(ActionItem::id).toList();
    }

    private List<String> auditActions() {
        return database.read(h -> h.createQuery("SELECT action FROM audit_log").mapTo(String.class).list());
    }
}
