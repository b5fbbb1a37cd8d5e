package dev.vigil.app;

import dev.vigil.accounts.AuditLog;
import dev.vigil.console.ConsolePages;
import dev.vigil.db.Database;
import dev.vigil.home.HomeConsole;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;

/** The console's read-only pages: its home (what needs you now) and the audit log. */
record ConsoleHandlers(HomeConsole home, Database database, AuditLog audit, Templates templates, TimeFormat times,
        String siteName) {

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
