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
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for the postmortem aggregate: the row, its incidents, components, sections, tags and
 * revisions (the timeline is {@link TimelineStore}). Callers own the transaction; only the
 * service {@link Postmortems} opens one. Deleted postmortems (deleted_at set) are never found.
 */
public final class PostmortemStore {

    /** What a new postmortem starts with. */
    public record NewPostmortem(String title, Severity severity, Long ownerId, Instant startedAt, Instant detectedAt,
            Instant endedAt, String publicDraft, Instant createdAt, String createdBy) {}

    /** The fields staff edit on the details form. */
    public record Details(String title, Severity severity, Long ownerId, Instant startedAt, Instant detectedAt,
            Instant endedAt) {}

    /** A line of the list. */
    public record ListRow(long id, String title, Severity severity, PostmortemStatus status, String ownerName,
            Instant createdAt, List<Long> incidentIds) {}

    /** A section as stored; guidance comes from the template (empty when the template no longer has it). */
    public record Section(String key, int position, String title, String body, String guidance, Instant updatedAt) {}

    /** One edit: which field, the text before and after. */
    public record Revision(long id, long postmortemId, Instant at, String actor, String actorName, String field,
            String before, String after) {}

    public long insert(Handle handle, NewPostmortem n) {
        return handle.createQuery("""
                INSERT INTO postmortems (title, severity, status, owner_id, started_at, detected_at, ended_at,
                                         public_draft, created_at, created_by, updated_at, version)
                VALUES (:title, :severity, 'draft', :owner, :started, :detected, :ended, :draft, :created, :by,
                        :created, 1) RETURNING id""")
                .bind("title", n.title()).bind("severity", n.severity().key()).bind("owner", n.ownerId())
                .bind("started", millis(n.startedAt())).bind("detected", millis(n.detectedAt()))
                .bind("ended", millis(n.endedAt())).bind("draft", n.publicDraft())
                .bind("created", n.createdAt().toEpochMilli()).bind("by", n.createdBy())
                .mapTo(Long.class).one();
    }

    public void addIncident(Handle handle, long id, long incidentId) {
        handle.createUpdate("INSERT INTO postmortem_incidents (postmortem_id, incident_id) VALUES (:id, :incident)")
                .bind("id", id).bind("incident", incidentId).execute();
    }

    public void addComponent(Handle handle, long id, String componentId) {
        handle.createUpdate("INSERT INTO postmortem_components (postmortem_id, component_id) VALUES (:id, :component)")
                .bind("id", id).bind("component", componentId).execute();
    }

    public void addSection(Handle handle, long id, String key, int position, String title, String body, Instant now) {
        handle.createUpdate("""
                INSERT INTO postmortem_sections (postmortem_id, section_key, position, title, body, updated_at)
                VALUES (:id, :key, :position, :title, :body, :now)""")
                .bind("id", id).bind("key", key).bind("position", position).bind("title", title).bind("body", body)
                .bind("now", now.toEpochMilli()).execute();
    }

    /** The postmortem, unless deleted. */
    public Optional<Postmortem> find(Handle handle, long id) {
        return find(handle, id, (rs, ctx) -> postmortem(rs));
    }

    /**
     * The one query for a postmortem by id (not deleted), every column and its owner's name, read
     * by the given mapper: the review reads other columns of the same row.
     */
    <T> Optional<T> find(Handle handle, long id, RowMapper<T> mapper) {
        return handle.createQuery("""
                SELECT p.*, u.name AS owner_name FROM postmortems p LEFT JOIN users u ON u.id = p.owner_id
                 WHERE p.id = :id AND p.deleted_at IS NULL""")
                .bind("id", id).map(mapper).findOne();
    }

    /** Postmortems not deleted, newest first; status null means every status. */
    public List<ListRow> list(Handle handle, PostmortemStatus status, int limit) {
        Map<Long, List<Long>> incidents = new LinkedHashMap<>();
        handle.createQuery("""
                SELECT pi.postmortem_id, pi.incident_id FROM postmortem_incidents pi
                  JOIN postmortems p ON p.id = pi.postmortem_id WHERE p.deleted_at IS NULL
                 ORDER BY pi.incident_id""")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> incidents.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("""
                SELECT p.id, p.title, p.severity, p.status, p.created_at, u.name AS owner_name
                  FROM postmortems p LEFT JOIN users u ON u.id = p.owner_id
                 WHERE p.deleted_at IS NULL AND (:status = '' OR p.status = :status)
                 ORDER BY p.created_at DESC, p.id DESC LIMIT :limit""")
                .bind("status", status == null ? "" : status.key()).bind("limit", limit)
                .map((rs, ctx) -> new ListRow(rs.getLong("id"), rs.getString("title"),
                        Severity.parse(rs.getString("severity")).orElse(Severity.SEV4),
                        PostmortemStatus.parse(rs.getString("status")).orElse(PostmortemStatus.DRAFT),
                        rs.getString("owner_name"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        incidents.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    public List<Long> incidentIds(Handle handle, long id) {
        return handle.createQuery("SELECT incident_id FROM postmortem_incidents WHERE postmortem_id = :id ORDER BY incident_id")
                .bind("id", id).mapTo(Long.class).list();
    }

    public List<String> componentIds(Handle handle, long id) {
        return handle.createQuery("SELECT component_id FROM postmortem_components WHERE postmortem_id = :id ORDER BY component_id")
                .bind("id", id).mapTo(String.class).list();
    }

    /** The sections in their order, each with the template's guidance for its key. */
    public List<Section> sections(Handle handle, long id) {
        return handle.createQuery("""
                SELECT s.*, t.guidance FROM postmortem_sections s
                  LEFT JOIN postmortem_template_sections t ON t.section_key = s.section_key
                 WHERE s.postmortem_id = :id ORDER BY s.position, s.section_key""")
                .bind("id", id)
                .map((rs, ctx) -> new Section(rs.getString("section_key"), rs.getInt("position"), rs.getString("title"),
                        rs.getString("body"), rs.getString("guidance") == null ? "" : rs.getString("guidance"),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
    }

    public void updateSection(Handle handle, long id, String key, String body, Instant now) {
        handle.createUpdate("""
                UPDATE postmortem_sections SET body = :body, updated_at = :now
                 WHERE postmortem_id = :id AND section_key = :key""")
                .bind("body", body).bind("now", now.toEpochMilli()).bind("id", id).bind("key", key).execute();
    }

    public List<String> tags(Handle handle, long id) {
        return handle.createQuery("SELECT tag FROM postmortem_tags WHERE postmortem_id = :id ORDER BY tag")
                .bind("id", id).mapTo(String.class).list();
    }

    public void replaceTags(Handle handle, long id, Collection<String> tags) {
        handle.createUpdate("DELETE FROM postmortem_tags WHERE postmortem_id = :id").bind("id", id).execute();
        for (String tag : tags) {
            handle.createUpdate("INSERT INTO postmortem_tags (postmortem_id, tag) VALUES (:id, :tag)")
                    .bind("id", id).bind("tag", tag).execute();
        }
    }

    /**
     * Compare-and-set: moves the version on if it still is the expected one. False means someone
     * else changed the postmortem since the form was loaded, and nothing may be written.
     */
    public boolean claimVersion(Handle handle, long id, long expectedVersion, Instant now) {
        return handle.createUpdate("""
                UPDATE postmortems SET version = version + 1, updated_at = :now
                 WHERE id = :id AND version = :expected AND deleted_at IS NULL""")
                .bind("now", now.toEpochMilli()).bind("id", id).bind("expected", expectedVersion).execute() == 1;
    }

    public void updateDetails(Handle handle, long id, Details d) {
        handle.createUpdate("""
                UPDATE postmortems SET title = :title, severity = :severity, owner_id = :owner,
                       started_at = :started, detected_at = :detected, ended_at = :ended WHERE id = :id""")
                .bind("title", d.title()).bind("severity", d.severity().key()).bind("owner", d.ownerId())
                .bind("started", millis(d.startedAt())).bind("detected", millis(d.detectedAt()))
                .bind("ended", millis(d.endedAt())).bind("id", id).execute();
    }

    public void markDeleted(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE postmortems SET deleted_at = :now, version = version + 1 WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    public void addRevision(Handle handle, Revision r) {
        handle.createUpdate("""
                INSERT INTO postmortem_revisions (postmortem_id, at, actor, actor_name, field, before_text, after_text)
                VALUES (:id, :at, :actor, :name, :field, :before, :after)""")
                .bind("id", r.postmortemId()).bind("at", r.at().toEpochMilli()).bind("actor", r.actor())
                .bind("name", r.actorName()).bind("field", r.field()).bind("before", r.before())
                .bind("after", r.after()).execute();
    }

    /** Every edit, newest first. */
    public List<Revision> revisions(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM postmortem_revisions WHERE postmortem_id = :id ORDER BY at DESC, id DESC")
                .bind("id", id)
                .map((rs, ctx) -> new Revision(rs.getLong("id"), rs.getLong("postmortem_id"),
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"), rs.getString("actor_name"),
                        rs.getString("field"), rs.getString("before_text"), rs.getString("after_text")))
                .list();
    }

    /** One action item as the write-up's summary lists it; status is the stored key, due_on 'YYYY-MM-DD'. */
    public record ItemLine(long id, String title, String status, String ownerName, String dueOn, String trackerUrl,
            long version) {}

    /** The postmortem's action items not deleted, by due date. */
    public List<ItemLine> actionItems(Handle handle, long id) {
        return handle.createQuery("""
                SELECT a.id, a.title, a.status, u.name AS owner_name, a.due_on, a.tracker_url, a.version FROM action_items a
                  LEFT JOIN users u ON u.id = a.owner_id
                 WHERE a.postmortem_id = :id AND a.deleted_at IS NULL ORDER BY a.due_on, a.id""")
                .bind("id", id)
                .map((rs, ctx) -> new ItemLine(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
                        rs.getString("owner_name"), rs.getString("due_on"), rs.getString("tracker_url"),
                        rs.getLong("version")))
                .list();
    }

    private static Postmortem postmortem(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Postmortem(rs.getLong("id"), rs.getString("title"),
                Severity.parse(rs.getString("severity")).orElse(Severity.SEV4),
                PostmortemStatus.parse(rs.getString("status")).orElse(PostmortemStatus.DRAFT), ownerId,
                rs.getString("owner_name"), instant(rs, "started_at"), instant(rs, "detected_at"),
                instant(rs, "ended_at"), rs.getString("public_draft"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
