package dev.vigil.incidents.console;

import dev.vigil.incidents.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for saved update templates. Callers own the transaction. */
final class TemplateStore {

    /** Wording staff reuse for a common update. */
    record Template(long id, String name, IncidentStatus status, String body) {}

    List<Template> all(Handle handle) {
        return handle.createQuery("SELECT * FROM update_templates ORDER BY name, id")
                .map((rs, ctx) -> template(rs)).list();
    }

    Optional<Template> find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM update_templates WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> template(rs)).findOne();
    }

    long create(Handle handle, String name, IncidentStatus status, String body, Instant now, String actor) {
        return handle.createQuery("""
                INSERT INTO update_templates (name, status, body, created_at, created_by)
                VALUES (:name, :status, :body, :now, :actor) RETURNING id""")
                .bind("name", name).bind("status", status.apiName()).bind("body", body)
                .bind("now", now.toEpochMilli()).bind("actor", actor)
                .mapTo(Long.class).one();
    }

    /** Deletes a template; false when there was none with that id. */
    boolean delete(Handle handle, long id) {
        return handle.createUpdate("DELETE FROM update_templates WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static Template template(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Template(rs.getLong("id"), rs.getString("name"), IncidentStatus.fromApiName(rs.getString("status")),
                rs.getString("body"));
    }
}
