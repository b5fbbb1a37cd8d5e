package dev.vigil.app;

import dev.vigil.accounts.AuditLog;
import dev.vigil.components.ComponentStore;
import dev.vigil.console.ConsolePages;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;

/** The console's read-only pages: the overview and the audit log. */
record ConsoleHandlers(Database database, ComponentStore components, IncidentStore incidents, AuditLog audit,
        Templates templates, TimeFormat times, String siteName) {

    public void overview(Context ctx) {
        ConsolePages.Overview page = database.read(handle -> new ConsolePages.Overview(frame(ctx), times.zone().getId(),
                incidents.unresolved(handle).stream().map(i -> new ConsolePages.IncidentRow(i.id(), i.name(),
                        i.status().label(), i.impact().apiName(), times.dateTime(i.startedAt()))).toList(),
                components.all(handle).stream().map(c -> new ConsolePages.ComponentRow(c.name(),
                        c.groupName() == null ? "" : c.groupName(), c.status().label())).toList()));
        templates.page(ctx, "console/overview.jte", page);
    }

    public void auditLog(Context ctx) {
        ConsolePages.Audit page = database.read(handle -> new ConsolePages.Audit(frame(ctx), times.zone().getId(),
                audit.latest(handle, 200).stream().map(e -> new ConsolePages.AuditRow(times.dateTime(e.at()), e.actor(),
                        e.action(), e.targetType() == null ? "" : e.targetType() + " " + e.targetId(),
                        e.detail() == null ? "" : e.detail())).toList()));
        templates.page(ctx, "console/audit.jte", page);
    }

    private ConsolePages.Frame frame(Context ctx) {
        return ConsolePages.Frame.of(siteName, ctx);
    }
}
