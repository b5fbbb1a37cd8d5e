package dev.vigil.reminders;

import dev.vigil.reminders.ReminderItem.Person;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the daily action item reminders (issue 4). Callers own the transaction. The reminder
 * and summary rows are inserted only if absent, so that two runs of the job (a restart, a
 * misfire) cannot both send the same day's message.
 */
final class ReminderQueries {
    /** What counts as still to do; done and won't do items are never reminded of. */
    static final List<String> UNFINISHED = List.of("open", "in_progress", "blocked");

    /**
     * The unfinished items due on or before horizon, of postmortems in any state, leaving out
     * deleted items and items of deleted postmortems; earliest due first.
     */
    List<ReminderItem> dueBy(Handle handle, LocalDate horizon) {
        return handle.createQuery("""
                SELECT i.id, i.title, i.priority, i.due_on, i.postmortem_id, p.title AS postmortem_title,
                       o.id AS owner_id, o.name AS owner_name, o.email AS owner_email,
                       po.id AS pm_owner_id, po.name AS pm_owner_name, po.email AS pm_owner_email
                  FROM action_items i
                  JOIN postmortems p ON p.id = i.postmortem_id
                  LEFT JOIN users o ON o.id = i.owner_id AND o.disabled_at IS NULL
                  LEFT JOIN users po ON po.id = p.owner_id AND po.disabled_at IS NULL
                 WHERE i.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND i.status IN (<unfinished>)
                   AND i.due_on <= :horizon
                 ORDER BY i.due_on, i.priority, i.id""")
                .bindList("unfinished", UNFINISHED)
                .bind("horizon", horizon.toString())
                .map((rs, ctx) -> item(rs))
                .list();
    }

    /** Records that a reminder of this kind went to the user today; false (nothing written) when one did already. */
    boolean recordReminder(Handle handle, long userId, LocalDate day, ReminderKind kind, Instant sentAt,
            List<Long> itemIds) {
        return handle.createUpdate("""
                INSERT INTO action_item_reminders (user_id, day, kind, sent_at, item_ids)
                VALUES (:user, :day, :kind, :sentAt, :items)
                ON CONFLICT (user_id, day, kind) DO NOTHING""")
                .bind("user", userId).bind("day", day.toString()).bind("kind", kind.key())
                .bind("sentAt", sentAt.toEpochMilli())
                .bind("items", String.join(",", itemIds.stream().map(String::valueOf).toList()))
                .execute() == 1;
    }

    /** Records that the day's staff-hook summary went out; false (nothing written) when it did already. */
    boolean recordSummary(Handle handle, LocalDate day, Instant sentAt) {
        return handle.createUpdate("""
                INSERT INTO action_item_summaries (day, sent_at) VALUES (:day, :sentAt)
                ON CONFLICT (day) DO NOTHING""")
                .bind("day", day.toString()).bind("sentAt", sentAt.toEpochMilli())
                .execute() == 1;
    }

    /** The reminders sent on or after since, newest day first. */
    List<SentReminder> remindersSince(Handle handle, LocalDate since) {
        return handle.createQuery("""
                SELECT r.user_id, u.name, u.email, r.day, r.kind, r.sent_at, r.item_ids
                  FROM action_item_reminders r
                  JOIN users u ON u.id = r.user_id
                 WHERE r.day >= :since
                 ORDER BY r.day DESC, r.sent_at DESC, r.user_id""")
                .bind("since", since.toString())
                .map((rs, ctx) -> new SentReminder(new Person(rs.getLong("user_id"), rs.getString("name"),
                        rs.getString("email")), LocalDate.parse(rs.getString("day")),
                        ReminderKind.fromKey(rs.getString("kind")), Instant.ofEpochMilli(rs.getLong("sent_at")),
                        ids(rs.getString("item_ids"))))
                .list();
    }

    /** The days on or after since whose staff-hook summary went out, with when; newest first. */
    List<SentSummary> summariesSince(Handle handle, LocalDate since) {
        return handle.createQuery("SELECT day, sent_at FROM action_item_summaries WHERE day >= :since ORDER BY day DESC")
                .bind("since", since.toString())
                .map((rs, ctx) -> new SentSummary(LocalDate.parse(rs.getString("day")),
                        Instant.ofEpochMilli(rs.getLong("sent_at"))))
                .list();
    }

    /** One row of action_item_reminders. */
    record SentReminder(Person to, LocalDate day, ReminderKind kind, Instant sentAt, List<Long> itemIds) {}

    record SentSummary(LocalDate day, Instant sentAt) {}

    private static ReminderItem item(ResultSet rs) throws SQLException {
        return new ReminderItem(rs.getLong("id"), rs.getString("title"), rs.getString("priority"),
                LocalDate.parse(rs.getString("due_on")), rs.getLong("postmortem_id"), rs.getString("postmortem_title"),
                person(rs, "owner_id", "owner_name", "owner_email"),
                person(rs, "pm_owner_id", "pm_owner_name", "pm_owner_email"));
    }

    private static Person person(ResultSet rs, String id, String name, String email) throws SQLException {
        long value = rs.getLong(id);
        return rs.wasNull() ? null : new Person(value, rs.getString(name), rs.getString(email));
    }

    private static List<Long> ids(String text) {
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}
