package dev.vigil.incidents.console;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.User;
import dev.vigil.db.Database;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.IncidentStatus;
import java.time.Clock;
import java.time.Instant;

/** Saving and deleting the wording staff reuse for common updates, each with its audit entry. */
record UpdateTemplates(Database database, TemplateStore templates, AuditLog audit, Clock clock) {

    long create(User by, String name, IncidentStatus status, String body) {
        Instant now = clock.instant();
        return database.write(handle -> {
            long id = templates.create(handle, name, status, body, now, by.actor());
            audit.record(handle, now, by.actor(), "update_template.created", "update_template", Long.toString(id), name);
            return id;
        });
    }

    void delete(User by, long id) {
        Instant now = clock.instant();
        database.write(handle -> {
            TemplateStore.Template template = templates.find(handle, id)
                    .orElseThrow(() -> new NotFound("No template " + id));
            templates.delete(handle, id);
            audit.record(handle, now, by.actor(), "update_template.deleted", "update_template", Long.toString(id),
                    template.name());
            return null;
        });
    }
}
