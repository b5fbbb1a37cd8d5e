package dev.vigil.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the customer-facing notice of an incident: a draft staff edit and the text last
 * published, kept apart so that saving a draft never changes what customers read. Callers own
 * the transaction.
 */
public final class NoticeStore {

    /**
     * The notice of one incident.
     *
     * @param body the published text; null until first published
     */
    public record Notice(long incidentId, String draft, Instant draftUpdatedAt, String draftUpdatedBy, String body,
            Instant publishedAt, String publishedBy) {

        public boolean isPublished() {
            return body != null;
        }

        /** True when the draft holds edits customers have not seen. */
        public boolean hasUnpublishedChanges() {
            return !draft.equals(body);
        }
    }

    public Optional<Notice> find(Handle handle, long incidentId) {
        return handle.createQuery("SELECT * FROM incident_notices WHERE incident_id = :incident")
                .bind("incident", incidentId).map((rs, ctx) -> notice(rs)).findOne();
    }

    /** Stores the draft, creating the notice on first save; the published text is left alone. */
    public void saveDraft(Handle handle, long incidentId, String draft, Instant at, String actor) {
        int updated = handle.createUpdate("""
                UPDATE incident_notices SET draft = :draft, draft_updated_at = :at, draft_updated_by = :actor
                 WHERE incident_id = :incident""")
                .bind("draft", draft).bind("at", at.toEpochMilli()).bind("actor", actor).bind("incident", incidentId)
                .execute();
        if (updated == 0) {
            handle.createUpdate("""
                    INSERT INTO incident_notices (incident_id, draft, draft_updated_at, draft_updated_by)
                    VALUES (:incident, :draft, :at, :actor)""")
                    .bind("incident", incidentId).bind("draft", draft).bind("at", at.toEpochMilli())
                    .bind("actor", actor).execute();
        }
    }

    /**
     * Copies the draft to the published text and appends the publication to notice_publications,
     * the history row from which subscribers and staff hooks are told; only if the draft is still
     * the text the caller checked (compare-and-set), so a draft saved meanwhile is never published
     * unchecked. False, with nothing changed, when it is not.
     */
    public boolean publish(Handle handle, long incidentId, String checkedDraft, Instant at, String actor) {
        int published = handle.createUpdate("""
                UPDATE incident_notices SET body = draft, published_at = :at, published_by = :actor
                 WHERE incident_id = :incident AND draft = :draft""")
                .bind("at", at.toEpochMilli()).bind("actor", actor).bind("incident", incidentId)
                .bind("draft", checkedDraft).execute();
        if (published == 0) {
            return false;
        }
        handle.createUpdate("""
                INSERT INTO notice_publications (incident_id, published_at, published_by, body)
                SELECT incident_id, published_at, published_by, body FROM incident_notices WHERE incident_id = :incident""")
                .bind("incident", incidentId).execute();
        return true;
    }

    /** One publication of a notice, as it went out; revision counts from 1 for the first. */
    public record Publication(long id, long incidentId, Instant publishedAt, String publishedBy, String body,
            int revision) {

        public boolean isUpdate() {
            return revision > 1;
        }
    }

    /** Publications with ids past after, oldest first, at most limit. */
    public List<Publication> publicationsAfter(Handle handle, long after, int limit) {
        return handle.createQuery("""
                SELECT p.*, (SELECT COUNT(*) FROM notice_publications e
                              WHERE e.incident_id = p.incident_id AND e.id <= p.id) AS revision
                  FROM notice_publications p WHERE p.id > :after ORDER BY p.id LIMIT :limit""")
                .bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> new Publication(rs.getLong("id"), rs.getLong("incident_id"),
                        Instant.ofEpochMilli(rs.getLong("published_at")), rs.getString("published_by"),
                        rs.getString("body"), rs.getInt("revision")))
                .list();
    }

    private static Notice notice(ResultSet rs) throws SQLException {
        long published = rs.getLong("published_at");
        boolean never = rs.wasNull();
        return new Notice(rs.getLong("incident_id"), rs.getString("draft"),
                Instant.ofEpochMilli(rs.getLong("draft_updated_at")), rs.getString("draft_updated_by"),
                rs.getString("body"), never ? null : Instant.ofEpochMilli(published), rs.getString("published_by"));
    }
}
