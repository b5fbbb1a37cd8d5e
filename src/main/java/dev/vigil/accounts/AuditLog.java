package dev.vigil.accounts;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Who changed what and when: one appended row per change, written in the change's transaction. */
public final class AuditLog {

    /** One entry as read back. */
    public record Entry(Instant at, String actor, String action, String targetType, String targetId, String detail) {}

    public void record(Handle handle, Instant at, String actor, String action, String targetType, String targetId,
            String detail) {
        handle.createUpdate("""
                INSERT INTO audit_log (at, actor, action, target_type, target_id, detail)
                VALUES (:at, :actor, :action, :type, :id, :detail)""")
                .bind("at", at.toEpochMilli()).bind("actor", actor).bind("action", action)
                .bind("type", targetType).bind("id", targetId).bind("detail", detail)
                .execute();
    }

    public List<Entry> latest(Handle handle, int limit) {
        return handle.createQuery("SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
                        rs.getString("detail")))
                .list();
    }
}
