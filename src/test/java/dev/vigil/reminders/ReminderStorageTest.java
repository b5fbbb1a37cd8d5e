package dev.vigil.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.reminders.ReminderItem.Person;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The reminder job's SQL, on SQLite and PostgreSQL: which items are due, and one row per recipient and day. */
class ReminderStorageTest {
    /** When the postmortems and items were written, two weeks before the reminders run. */
    private static final Instant CREATED = Instant.parse("2026-01-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-01-14");
    private static final LocalDate HORIZON = TODAY.plusDays(3);
    private static final Instant NOW = Instant.parse("2026-01-14T17:05:00Z");

    private final ReminderQueries queries = new ReminderQueries();

    @OnEachBackend
    void dueItemsAreTheUnfinishedOnesDueByTheHorizonInEveryPostmortemStateButNotDeleted(TestDatabase store) {
        PostmortemFixtures rows = PostmortemFixtures.in(store.open(), CREATED);
        long ada = rows.user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        long grace = rows.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        long draft = rows.postmortem("Search outage", "sev2", "draft", ada);
        rows.resolvedIncident(draft, "Search is down");
        long complete = rows.postmortem("Checkout errors", "sev2", "complete", ada);
        long deletedPostmortem = rows.postmortem("Deleted write-up", "sev2", "in_review", ada);
        long overdue = rows.item(draft, "Alert on queue depth").owner(grace).priority("P1").due(TODAY.minusDays(4))
                .add();
        long blocked = rows.item(complete, "Failover runbook").owner(grace).due(HORIZON).status("blocked").add();
        long inProgress = rows.item(draft, "Load test").priority("P3").due(TODAY).status("in_progress").add();
        rows.item(draft, "Far future").owner(grace).due(HORIZON.plusDays(1)).add();
        rows.item(draft, "Done already").owner(grace).due(TODAY.minusDays(9)).status("done").add();
        rows.item(draft, "Not doing").owner(grace).due(TODAY.minusDays(9)).status("wont_do").add();
        rows.deleteItem(rows.item(draft, "Deleted item").owner(grace).due(TODAY.minusDays(1)).add());
        rows.item(deletedPostmortem, "Item of a deleted postmortem").owner(grace).due(TODAY.minusDays(1)).add();
        rows.deletePostmortem(deletedPostmortem);

        List<ReminderItem> due = store.open().read(handle -> queries.dueBy(handle, HORIZON));

        assertThat(due).extracting(ReminderItem::id).containsExactly(overdue, inProgress, blocked);
        ReminderItem first = due.get(0);
        assertThat(first.title()).isEqualTo("Alert on queue depth");
        assertThat(first.postmortemTitle()).isEqualTo("Search outage");
        assertThat(first.dueOn()).isEqualTo(TODAY.minusDays(4));
        assertThat(first.owner()).isEqualTo(new Person(grace, "Grace Hopper", "grace@example.com"));
        assertThat(first.postmortemOwner()).isEqualTo(new Person(ada, "Ada Lovelace", "ada@example.com"));
        assertThat(due.get(1).owner()).isNull();
    }

    @OnEachBackend
    void aDisabledOwnerIsNoRecipient(TestDatabase store) {
        PostmortemFixtures rows = PostmortemFixtures.in(store.open(), CREATED);
        long ada = rows.user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        long grace = rows.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        long approved = rows.postmortem("Search outage", "sev2", "approved", ada);
        rows.item(approved, "Alert on queue depth").owner(grace).due(TODAY).add();
        rows.disable(grace);
        rows.disable(ada);

        List<ReminderItem> due = store.open().read(handle -> queries.dueBy(handle, HORIZON));

        assertThat(due).singleElement().satisfies(item -> {
            assertThat(item.owner()).isNull();
            assertThat(item.postmortemOwner()).isNull();
        });
    }

    @OnEachBackend
    void aReminderIsRecordedOncePerUserDayAndKind(TestDatabase store) {
        Database database = store.open();
        long grace = PostmortemFixtures.in(database, CREATED).user("grace@example.com", "Grace Hopper", Role.EDITOR);

        boolean first = database.write(h -> queries.recordReminder(h, grace, TODAY, ReminderKind.DIGEST, NOW, List.of(3L, 5L)));
        boolean again = database.write(h -> queries.recordReminder(h, grace, TODAY, ReminderKind.DIGEST, NOW.plusSeconds(300),
                List.of(3L)));
        boolean escalation = database.write(h -> queries.recordReminder(h, grace, TODAY, ReminderKind.ESCALATION, NOW,
                List.of(7L)));
        boolean nextDay = database.write(h -> queries.recordReminder(h, grace, TODAY.plusDays(1), ReminderKind.DIGEST,
                NOW.plusSeconds(86_400), List.of(3L)));

        assertThat(List.of(first, again, escalation, nextDay)).containsExactly(true, false, true, true);
        List<ReminderQueries.SentReminder> sent = database.read(h -> queries.remindersSince(h, TODAY));
        assertThat(sent).extracting(ReminderQueries.SentReminder::day, ReminderQueries.SentReminder::kind)
                .containsExactlyInAnyOrder(
                        tuple(TODAY.plusDays(1), ReminderKind.DIGEST),
                        tuple(TODAY, ReminderKind.DIGEST),
                        tuple(TODAY, ReminderKind.ESCALATION));
        assertThat(sent.get(0).day()).isEqualTo(TODAY.plusDays(1));
        assertThat(sent).filteredOn(s -> s.day().equals(TODAY) && s.kind() == ReminderKind.DIGEST).singleElement()
                .satisfies(s -> {
                    assertThat(s.itemIds()).containsExactly(3L, 5L);
                    assertThat(s.sentAt()).isEqualTo(NOW);
                    assertThat(s.to().name()).isEqualTo("Grace Hopper");
                });
        List<ReminderQueries.SentReminder> fromTomorrow = database.read(h -> queries.remindersSince(h, TODAY.plusDays(1)));
        assertThat(fromTomorrow).hasSize(1);
    }

    @OnEachBackend
    void theStaffSummaryIsRecordedOncePerDay(TestDatabase store) {
        Database database = store.open();

        boolean first = database.write(h -> queries.recordSummary(h, TODAY, NOW));
        boolean again = database.write(h -> queries.recordSummary(h, TODAY, NOW.plusSeconds(300)));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        List<ReminderQueries.SentSummary> summaries = database.read(h -> queries.summariesSince(h, TODAY.minusDays(29)));
        assertThat(summaries).containsExactly(new ReminderQueries.SentSummary(TODAY, NOW));
    }
}
