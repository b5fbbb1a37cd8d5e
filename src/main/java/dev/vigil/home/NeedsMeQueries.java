package dev.vigil.home;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The console home's reads, straight from the tables the features own: this page only reads, and
 * a query across several aggregates here is simpler than a method on each feature's store that
 * only this page would call (the reminders job reads action items the same way).
 */
final class NeedsMeQueries {
    /** Resolved incidents older than this no longer ask for a notice on the home page. */
    static final Duration NOTICE_WINDOW = Duration.ofDays(14);
    /** How far ahead an action item counts as due soon. */
    static final int DUE_SOON_DAYS = 7;

    NeedsMe read(Handle handle, long userId, Instant now, LocalDate today) {
        return new NeedsMe(openIncidents(handle), notices(handle, now.minus(NOTICE_WINDOW)),
                postmortems(handle, userId), items(handle, userId, today.plusDays(DUE_SOON_DAYS)), probes(handle));
    }

    private List<NeedsMe.OpenIncident> openIncidents(Handle handle) {
        return handle.createQuery("""
                SELECT i.id, i.name, i.status, i.impact, i.started_at,
                       (SELECT MAX(u.display_at) FROM incident_updates u WHERE u.incident_id = i.id) AS last_at,
                       (SELECT u.status FROM incident_updates u WHERE u.incident_id = i.id
                         ORDER BY u.display_at DESC, u.id DESC LIMIT 1) AS last_status
                  FROM incidents i
                 WHERE i.status NOT IN ('resolved', 'postmortem') AND i.merged_into_id IS NULL
                 ORDER BY i.started_at""")
                .map((rs, ctx) -> new NeedsMe.OpenIncident(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                        rs.getString("impact"), instant(rs, "started_at"), instant(rs, "last_at"),
                        rs.getString("last_status")))
                .list();
    }

    /** Incidents customers noticed (any impact but none) that ended in the window without a published notice. */
    private List<NeedsMe.NoticeToWrite> notices(Handle handle, Instant since) {
        return handle.createQuery("""
                SELECT i.id, i.name, i.resolved_at, n.draft, n.body
                  FROM incidents i LEFT JOIN incident_notices n ON n.incident_id = i.id
                 WHERE i.status IN ('resolved', 'postmortem') AND i.merged_into_id IS NULL
                   AND i.resolved_at >= :since AND i.impact <> 'none'
                   AND (n.body IS NULL OR n.draft <> n.body)
                 ORDER BY i.resolved_at DESC""")
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new NeedsMe.NoticeToWrite(rs.getLong("id"), rs.getString("name"),
                        instant(rs, "resolved_at"), rs.getString("draft") != null, rs.getString("body") != null))
                .list();
    }

    private List<NeedsMe.PostmortemTask> postmortems(Handle handle, long userId) {
        return handle.createQuery("""
                SELECT p.id, p.title, p.status, 0 AS as_reviewer, p.updated_at AS since
                  FROM postmortems p
                 WHERE p.owner_id = :user AND p.deleted_at IS NULL AND p.status IN ('draft', 'in_review', 'approved')
                UNION ALL
                SELECT p.id, p.title, p.status, 1 AS as_reviewer, r.requested_at AS since
                  FROM postmortems p JOIN postmortem_reviewers r ON r.postmortem_id = p.id
                 WHERE r.user_id = :user AND r.approved_at IS NULL AND p.deleted_at IS NULL AND p.status = 'in_review'
                 ORDER BY since""")
                .bind("user", userId)
                .map((rs, ctx) -> new NeedsMe.PostmortemTask(rs.getLong("id"), rs.getString("title"),
                        rs.getString("status"), rs.getInt("as_reviewer") == 1, instant(rs, "since")))
                .list();
    }

    private List<NeedsMe.ItemDue> items(Handle handle, long userId, LocalDate horizon) {
        return handle.createQuery("""
                SELECT a.id, a.title, a.postmortem_id, p.title AS postmortem_title, a.due_on, a.status,
                       a.tracker_url, a.version
                  FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
                 WHERE a.owner_id = :user AND a.deleted_at IS NULL AND p.deleted_at IS NULL
                   AND a.status NOT IN ('done', 'wont_do') AND a.due_on <= :horizon
                 ORDER BY a.due_on, a.id""")
                .bind("user", userId).bind("horizon", horizon.toString())
                .map((rs, ctx) -> new NeedsMe.ItemDue(rs.getLong("id"), rs.getString("title"), rs.getLong("postmortem_id"),
                        rs.getString("postmortem_title"), LocalDate.parse(rs.getString("due_on")), rs.getString("status"),
                        rs.getString("tracker_url"), rs.getLong("version")))
                .list();
    }

    private List<NeedsMe.FailingProbe> probes(Handle handle) {
        return handle.createQuery("""
                SELECT p.id, p.component_id, c.name, p.status, p.fail_streak, p.fail_started_at, p.slow_started_at, p.fail_reason
                  FROM probes p JOIN components c ON c.id = p.component_id
                 WHERE p.retired_at IS NULL AND (p.status <> 'UP' OR p.fail_streak > 0)
                 ORDER BY p.fail_started_at, p.id""")
                .map((rs, ctx) -> new NeedsMe.FailingProbe(rs.getString("id"), rs.getString("component_id"),
                        rs.getString("name"), rs.getString("status"), rs.getInt("fail_streak"),
                        "DEGRADED".equals(rs.getString("status")) ? instant(rs, "slow_started_at") : instant(rs, "fail_started_at"),
                        rs.getString("fail_reason")))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
