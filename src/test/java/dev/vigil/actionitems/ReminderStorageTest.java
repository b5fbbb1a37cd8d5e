package dev.vigil.actionitems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.accounts.Role;
import dev.vigil.actionitems.ReminderItem.Person;
import dev.vigil.db.Database;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The reminder job's SQL, on SQLite and PostgreSQL: which items are due, and one row per recipient and day. */
class ReminderStorageTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-01-14");
    private static final LocalDate HORIZON = TODAY.plusDays(3);
    private static final Instant NOW = Instant.parse("2026-01-14T17:05:00Z");

    private final ReminderQueries queries = new ReminderQueries();

    @OnEachBackend
    void dueItemsAreTheUnfinishedOnesDueByTheHorizonInEveryPostmortemStateButNotDeleted(TestDatabase store) {
        ReminderRows rows = new ReminderRows(store.open());
        long ada = rows.user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        long grace = rows.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        long draft = rows.postmortem("Search outage", "draft", ada);
        rows.resolvedIncident(draft, "Search is down");
        long complete = rows.postmortem("Checkout errors", "complete", ada);
        long deletedPostmortem = rows.postmortem("Deleted write-up", "in_review", ada);
        long overdue = rows.item(draft, "Alert on queue depth", grace, "P1", TODAY.minusDays(4), "open");
        long blocked = rows.item(complete, "Failover runbook", grace, "P2", HORIZON, "blocked");
        long inProgress = rows.item(draft, "Load test", null, "P3", TODAY, "in_progress");
        rows.item(draft, "Far future", grace, "P2", HORIZON.plusDays(1), "open");
        rows.item(draft, "Done already", grace, "P2", TODAY.minusDays(9), "done");
        rows.item(draft, "Not doing", grace, "P2", TODAY.minusDays(9), "wont_do");
        rows.deleteItem(rows.openItem(draft, "Deleted item", grace, TODAY.minusDays(1)));
        rows.openItem(deletedPostmortem, "Item of a deleted postmortem", grace, TODAY.minusDays(1));
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
        ReminderRows rows = new ReminderRows(store.open());
        long ada = rows.user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        long grace = rows.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        rows.openItem(rows.postmortem("Search outage", "approved", ada), "Alert on queue depth", grace, TODAY);
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
        long grace = new ReminderRows(database).user("grace@example.com", "Grace Hopper", Role.EDITOR);

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
