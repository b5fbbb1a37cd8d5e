package dev.vigil.postmortems;

import static dev.vigil.postmortems.ReviewStore.instant;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the public version of a postmortem: its draft, what was published, and the action items
 * shown as commitments. The status page reads the published ones through the public methods.
 * Callers own the transaction.
 */
public final class PublicPostmortemStore {

    /** A published postmortem as customers see it; body is Markdown, for the one renderer. */
    public record PublishedPostmortem(long id, String title, String body, Instant createdAt, Instant publishedAt,
            List<Long> incidentIds, List<Commitment> commitments) {

        /** When customers last saw it change: published again, or a commitment done or dropped. */
        public Instant lastChange() {
            Instant latest = publishedAt;
            for (Commitment commitment : commitments) {
                if (commitment.completedAt() != null && commitment.completedAt().isAfter(latest)) {
                    latest = commitment.completedAt();
                }
            }
            return latest;
        }
    }

    /** An action item shown publicly: "what we promised, and what we have done". */
    public record Commitment(String title, String status, String wontDoReason, Instant completedAt) {

        /** The status in customers' words; a blocked item is still in progress to them. */
        public String words() {
            return switch (status) {
                case "done" -> "Done";
                case "wont_do" -> "Won't do";
                case "in_progress", "blocked" -> "In progress";
                default -> "Planned";
            };
        }

        public boolean isDone() {
            return "done".equals(status);
        }
    }

    /** An action item as the console's commitment list shows it. */
    record Item(long id, String title, String status, boolean shown, String wontDoReason, Instant completedAt,
            long version) {}

    /** Saves the public draft if nobody changed the postmortem since version was read. */
    boolean saveDraft(Handle handle, long id, long version, String draft, Instant now) {
        return handle.createUpdate("""
                UPDATE postmortems SET public_draft = :draft, version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .bind("draft", draft).bind("now", now.toEpochMilli()).bind("id", id).bind("version", version)
                .execute() == 1;
    }

    /** Copies the saved draft to the published text, and moves the status, by compare-and-set. */
    boolean publish(Handle handle, long id, long version, PostmortemStatus status, String actor, Instant now) {
        return handle.createUpdate("""
                UPDATE postmortems SET public_body = public_draft, public_published_at = :now,
                       public_published_by = :actor, status = :status, version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :version AND deleted_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("actor", actor).bind("status", status.key())
                .bind("id", id).bind("version", version).execute() == 1;
    }

    List<Item> items(Handle handle, long postmortemId) {
        return handle.createQuery("""
                SELECT id, title, status, public, wont_do_reason, completed_at, version FROM action_items
                 WHERE postmortem_id = :id AND deleted_at IS NULL ORDER BY id""")
                .bind("id", postmortemId)
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getInt("public") == 1, rs.getString("wont_do_reason"), instant(rs, "completed_at"),
                        rs.getLong("version")))
                .list();
    }

    /** Shows or hides an item as a commitment, by compare-and-set on the item's version. */
    boolean setShown(Handle handle, long postmortemId, long itemId, long version, boolean shown, Instant now) {
        return handle.createUpdate("""
                UPDATE action_items SET public = :shown, version = version + 1, updated_at = :now
                 WHERE id = :item AND postmortem_id = :postmortem AND version = :version AND deleted_at IS NULL""")
                .bind("shown", shown ? 1 : 0).bind("now", now.toEpochMilli()).bind("item", itemId)
                .bind("postmortem", postmortemId).bind("version", version).execute() == 1;
    }

    void addItemChange(Handle handle, long itemId, Instant at, String actor, String actorName, String field,
            String before, String after) {
        handle.createUpdate("""
                INSERT INTO action_item_changes (item_id, at, actor, actor_name, field, before_text, after_text)
                VALUES (:item, :at, :actor, :name, :field, :before, :after)""")
                .bind("item", itemId).bind("at", at.toEpochMilli()).bind("actor", actor).bind("name", actorName)
                .bind("field", field).bind("before", before).bind("after", after).execute();
    }

    /** Whether the item is a public commitment of a postmortem customers can read. */
    public boolean isPublicCommitment(Handle handle, long itemId) {
        return handle.createQuery("""
                SELECT COUNT(*) FROM action_items a JOIN postmortems p ON p.id = a.postmortem_id
                 WHERE a.id = :item AND a.public = 1 AND p.public_body IS NOT NULL AND p.deleted_at IS NULL""")
                .bind("item", itemId).mapTo(Long.class).one() > 0;
    }

    /** The published postmortems about one incident, oldest first. */
    public List<PublishedPostmortem> publishedFor(Handle handle, long incidentId) {
        return published(handle, """
                SELECT p.* FROM postmortems p JOIN postmortem_incidents pi ON pi.postmortem_id = p.id
                 WHERE pi.incident_id = :incident AND p.public_body IS NOT NULL AND p.deleted_at IS NULL
                 ORDER BY p.public_published_at, p.id""", Map.of("incident", incidentId));
    }

    /** The latest published postmortems, for the history feeds, newest first. */
    public List<PublishedPostmortem> latestPublished(Handle handle, int limit) {
        return published(handle, """
                SELECT p.* FROM postmortems p WHERE p.public_body IS NOT NULL AND p.deleted_at IS NULL
                 ORDER BY p.public_published_at DESC, p.id DESC LIMIT :limit""", Map.of("limit", limit));
    }

    private List<PublishedPostmortem> published(Handle handle, String sql, Map<String, Object> binds) {
        List<PublishedPostmortem> rows = handle.createQuery(sql).bindMap(binds)
                .map((rs, ctx) -> new PublishedPostmortem(rs.getLong("id"), rs.getString("title"),
                        rs.getString("public_body"), instant(rs, "created_at"), instant(rs, "public_published_at"),
                        List.of(), List.of()))
                .list();
        return rows.stream().map(p -> new PublishedPostmortem(p.id(), p.title(), p.body(), p.createdAt(),
                p.publishedAt(), incidentIds(handle, p.id()), commitments(handle, p.id()))).toList();
    }

    private List<Long> incidentIds(Handle handle, long postmortemId) {
        return handle.createQuery("""
                SELECT incident_id FROM postmortem_incidents WHERE postmortem_id = :id ORDER BY incident_id""")
                .bind("id", postmortemId).mapTo(Long.class).list();
    }

    private List<Commitment> commitments(Handle handle, long postmortemId) {
        Map<Long, Commitment> found = new LinkedHashMap<>();
        handle.createQuery("""
                SELECT id, title, status, wont_do_reason, completed_at FROM action_items
                 WHERE postmortem_id = :id AND public = 1 AND deleted_at IS NULL ORDER BY id""")
                .bind("id", postmortemId)
                .map((rs, ctx) -> Map.entry(rs.getLong("id"), new Commitment(rs.getString("title"),
                        rs.getString("status"), rs.getString("wont_do_reason"), instant(rs, "completed_at"))))
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return List.copyOf(found.values());
    }
}
