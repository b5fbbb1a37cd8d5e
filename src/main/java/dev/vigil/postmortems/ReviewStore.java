package dev.vigil.postmortems;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for a postmortem's review: its status (changed by compare-and-set on its version), the named
 * reviewers and their approvals, comments, and the revision rows that keep every change. Callers
 * own the transaction.
 */
final class ReviewStore {

    /** The columns of a postmortem the review and the public version need. */
    /** startedAt and endedAt are the customer impact the postmortem measured (first failure to recovery). */
    record Header(long id, String title, PostmortemStatus status, long version, String publicDraft, String publicBody,
            Instant publicPublishedAt, String publicPublishedBy, Instant approvedAt, Instant completedAt,
            Instant startedAt, Instant endedAt) {}

    record Reviewer(long userId, String name, Instant requestedAt, Instant approvedAt) {}

    record Comment(long id, String author, String sectionKey, String body, Instant createdAt) {}

    record Section(String key, String title) {}

    record Revision(Instant at, String actorName, String field, String before, String after) {}

    /** Someone who may review: an editor or admin whose account is enabled. */
    record StaffMember(long id, String name, String role) {}

    record LinkedIncident(long id, String name, boolean resolved, Instant startedAt, Instant resolvedAt,
            List<String> components) {}

    private final PostmortemStore postmortems = new PostmortemStore();

    Optional<Header> find(Handle handle, long id) {
        return postmortems.find(handle, id, (rs, ctx) -> new Header(rs.getLong("id"), rs.getString("title"),
                PostmortemStatus.of(rs.getString("status")), rs.getLong("version"), rs.getString("public_draft"),
                rs.getString("public_body"), instant(rs, "public_published_at"), rs.getString("public_published_by"),
                instant(rs, "approved_at"), instant(rs, "completed_at"), instant(rs, "started_at"),
                instant(rs, "ended_at")));
    }

    /**
     * Moves the status on if nobody changed the postmortem since version was read; false if
     * someone did. Approval and completion stamp their times; going back to draft clears approval.
     */
    boolean changeStatus(Handle handle, long id, long version, PostmortemStatus to, Instant now) {
        String stamps = switch (to) {
            case APPROVED -> ", approved_at = :now";
            case COMPLETE -> ", completed_at = :now";
            case DRAFT -> ", approved_at = NULL";
            default -> "";
        };
        return handle.createUpdate("UPDATE postmortems SET status = :status, version = version + 1, updated_at = :now"
                        + stamps + " WHERE id = :id AND version = :version AND deleted_at IS NULL")
                .bind("status", to.key()).bind("now", now.toEpochMilli()).bind("id", id).bind("version", version)
                .execute() == 1;
    }

    List<Reviewer> reviewers(Handle handle, long id) {
        return handle.createQuery("""
                SELECT r.user_id, u.name, r.requested_at, r.approved_at FROM postmortem_reviewers r
                  JOIN users u ON u.id = r.user_id
                 WHERE r.postmortem_id = :id ORDER BY u.name, r.user_id""")
                .bind("id", id)
                .map((rs, ctx) -> new Reviewer(rs.getLong("user_id"), rs.getString("name"),
                        instant(rs, "requested_at"), instant(rs, "approved_at")))
                .list();
    }

    /** Makes the named people the reviewers, keeping the request time of those already named. */
    void replaceReviewers(Handle handle, long id, Collection<Long> userIds, Instant now) {
        List<Long> current = reviewers(handle, id).stream().map(Reviewer::userId).toList();
        for (long gone : current.stream().filter(u -> !userIds.contains(u)).toList()) {
            handle.createUpdate("DELETE FROM postmortem_reviewers WHERE postmortem_id = :id AND user_id = :user")
                    .bind("id", id).bind("user", gone).execute();
        }
        for (long added : userIds.stream().filter(u -> !current.contains(u)).toList()) {
            handle.createUpdate("""
                    INSERT INTO postmortem_reviewers (postmortem_id, user_id, requested_at) VALUES (:id, :user, :now)""")
                    .bind("id", id).bind("user", added).bind("now", now.toEpochMilli()).execute();
        }
    }

    void approve(Handle handle, long id, long userId, Instant now) {
        handle.createUpdate("UPDATE postmortem_reviewers SET approved_at = :now WHERE postmortem_id = :id AND user_id = :user")
                .bind("now", now.toEpochMilli()).bind("id", id).bind("user", userId).execute();
    }

    /** After changes are requested, every reviewer looks again. */
    void clearApprovals(Handle handle, long id) {
        handle.createUpdate("UPDATE postmortem_reviewers SET approved_at = NULL WHERE postmortem_id = :id")
                .bind("id", id).execute();
    }

    List<StaffMember> eligibleReviewers(Handle handle) {
        return handle.createQuery("""
                SELECT id, name, role FROM users
                 WHERE role IN ('editor', 'admin') AND disabled_at IS NULL ORDER BY name, id""")
                .map((rs, ctx) -> new StaffMember(rs.getLong("id"), rs.getString("name"), rs.getString("role")))
                .list();
    }

    void addComment(Handle handle, long id, long userId, String sectionKey, String body, Instant now) {
        handle.createUpdate("""
                INSERT INTO postmortem_comments (postmortem_id, user_id, section_key, body, created_at)
                VALUES (:id, :user, :section, :body, :now)""")
                .bind("id", id).bind("user", userId).bind("section", sectionKey).bind("body", body)
                .bind("now", now.toEpochMilli()).execute();
    }

    /** The comments, oldest first, as a thread reads. */
    List<Comment> comments(Handle handle, long id) {
        return handle.createQuery("""
                SELECT c.id, u.name, c.section_key, c.body, c.created_at FROM postmortem_comments c
                  JOIN users u ON u.id = c.user_id
                 WHERE c.postmortem_id = :id ORDER BY c.created_at, c.id""")
                .bind("id", id)
                .map((rs, ctx) -> new Comment(rs.getLong("id"), rs.getString("name"), rs.getString("section_key"),
                        rs.getString("body"), instant(rs, "created_at")))
                .list();
    }

    List<Section> sections(Handle handle, long id) {
        return handle.createQuery("""
                SELECT section_key, title FROM postmortem_sections WHERE postmortem_id = :id ORDER BY position""")
                .bind("id", id)
                .map((rs, ctx) -> new Section(rs.getString("section_key"), rs.getString("title")))
                .list();
    }

    /** The write-up's sections with their text, which the public version starts from. */
    List<PostmortemStore.Section> writeUp(Handle handle, long id) {
        return postmortems.sections(handle, id);
    }

    void addRevision(Handle handle, long id, Instant at, String actor, String actorName, String field, String before,
            String after) {
        handle.createUpdate("""
                INSERT INTO postmortem_revisions (postmortem_id, at, actor, actor_name, field, before_text, after_text)
                VALUES (:id, :at, :actor, :name, :field, :before, :after)""")
                .bind("id", id).bind("at", at.toEpochMilli()).bind("actor", actor).bind("name", actorName)
                .bind("field", field).bind("before", before).bind("after", after).execute();
    }

    /** The workflow's revisions (status, review, reviewers), newest first. */
    List<Revision> workflowRevisions(Handle handle, long id) {
        return handle.createQuery("""
                SELECT at, actor_name, field, before_text, after_text FROM postmortem_revisions
                 WHERE postmortem_id = :id AND field IN ('status', 'review', 'reviewers') ORDER BY at DESC, id DESC""")
                .bind("id", id)
                .map((rs, ctx) -> new Revision(instant(rs, "at"), rs.getString("actor_name"), rs.getString("field"),
                        rs.getString("before_text"), rs.getString("after_text")))
                .list();
    }

    /** The incidents the postmortem is about, with the components each affected. */
    List<LinkedIncident> incidents(Handle handle, long id) {
        Map<Long, List<String>> components = new LinkedHashMap<>();
        handle.createQuery("""
                SELECT ic.incident_id, c.name FROM postmortem_incidents pi
                  JOIN incident_components ic ON ic.incident_id = pi.incident_id
                  JOIN components c ON c.id = ic.component_id
                 WHERE pi.postmortem_id = :id ORDER BY c.position, c.name""")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(rs.getLong("incident_id"), rs.getString("name")))
                .forEach(e -> components.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("""
                SELECT i.id, i.name, i.status, i.started_at, i.resolved_at FROM postmortem_incidents pi
                  JOIN incidents i ON i.id = pi.incident_id
                 WHERE pi.postmortem_id = :id ORDER BY i.started_at, i.id""")
                .bind("id", id)
                .map((rs, ctx) -> new LinkedIncident(rs.getLong("id"), rs.getString("name"),
                        instant(rs, "resolved_at") != null
                                && List.of("resolved", "postmortem").contains(rs.getString("status")),
                        instant(rs, "started_at"), instant(rs, "resolved_at"),
                        components.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The titles of its action items not yet done or dropped. */
    List<String> openItems(Handle handle, long id) {
        return handle.createQuery("""
                SELECT title FROM action_items
                 WHERE postmortem_id = :id AND deleted_at IS NULL AND status IN ('open', 'in_progress', 'blocked')
                 ORDER BY id""")
                .bind("id", id).mapTo(String.class).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
