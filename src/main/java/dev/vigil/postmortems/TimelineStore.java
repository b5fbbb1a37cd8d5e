package dev.vigil.postmortems;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** SQL for a postmortem's timeline events. Callers own the transaction. */
public final class TimelineStore {

    public long insert(Handle handle, long postmortemId, TimelineEvent.New event, Instant now, String actor) {
        return handle.createQuery("""
                INSERT INTO postmortem_timeline (postmortem_id, at, kind, source_ref, title, detail, hidden, pinned,
                                                 created_at, created_by)
                VALUES (:id, :at, :kind, :ref, :title, :detail, 0, 0, :now, :actor) RETURNING id""")
                .bind("id", postmortemId).bind("at", event.at().toEpochMilli()).bind("kind", event.kind())
                .bind("ref", event.sourceRef()).bind("title", event.title()).bind("detail", event.detail())
                .bind("now", now.toEpochMilli()).bind("actor", actor)
                .mapTo(Long.class).one();
    }

    /** The source rows already on the timeline, so a rebuild adds only the missing ones. */
    public Set<String> sourceRefs(Handle handle, long postmortemId) {
        return new HashSet<>(handle.createQuery("""
                SELECT source_ref FROM postmortem_timeline WHERE postmortem_id = :id AND source_ref IS NOT NULL""")
                .bind("id", postmortemId).mapTo(String.class).list());
    }

    /** Every event, hidden ones included, oldest first. */
    public List<TimelineEvent> events(Handle handle, long postmortemId) {
        return handle.createQuery("SELECT * FROM postmortem_timeline WHERE postmortem_id = :id ORDER BY at, id")
                .bind("id", postmortemId).map((rs, ctx) -> new TimelineEvent(rs.getLong("id"),
                        rs.getLong("postmortem_id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("kind"),
                        rs.getString("source_ref"), rs.getString("title"), rs.getString("detail"),
                        rs.getInt("hidden") == 1, rs.getInt("pinned") == 1, rs.getString("annotation"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by")))
                .list();
    }

    public Optional<TimelineEvent> find(Handle handle, long postmortemId, long eventId) {
        return events(handle, postmortemId).stream().filter(e -> e.id() == eventId).findFirst();
    }

    public void setHidden(Handle handle, long eventId, boolean hidden) {
        handle.createUpdate("UPDATE postmortem_timeline SET hidden = :flag WHERE id = :id")
                .bind("flag", hidden ? 1 : 0).bind("id", eventId).execute();
    }

    public void setPinned(Handle handle, long eventId, boolean pinned) {
        handle.createUpdate("UPDATE postmortem_timeline SET pinned = :flag WHERE id = :id")
                .bind("flag", pinned ? 1 : 0).bind("id", eventId).execute();
    }

    /** Sets or (with null) clears the annotation. */
    public void annotate(Handle handle, long eventId, String annotation) {
        handle.createUpdate("UPDATE postmortem_timeline SET annotation = :text WHERE id = :id")
                .bind("text", annotation).bind("id", eventId).execute();
    }
}
