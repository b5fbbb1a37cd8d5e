package dev.vigil.console;

import io.javalin.http.Context;
import java.util.List;

/**
 * Models of the console pages. Every console page carries its frame: who is signed in, the CSRF
 * token, and the path asked for, which marks the current page in the menu.
 */
public final class ConsolePages {
    private ConsolePages() {}

    public record Frame(String siteName, String userName, String role, String csrf, String path) {
        /** The frame of a request that passed the staff guard. */
        public static Frame of(String siteName, Context ctx) {
            SignedIn person = SignedIn.of(ctx);
            return new Frame(siteName, person.name(), person.role().key(), person.csrfToken(), ctx.path());
        }

        /** Whether this person may change incidents, notices, maintenance and postmortems. */
        public boolean canEdit() {
            return Role.parse(role).orElse(Role.VIEWER).includes(Role.EDITOR);
        }

        /** Whether the console shows the admin's pages (users, API tokens) in its navigation. */
        public boolean isAdmin() {
            return Role.ADMIN.key().equals(role);
        }

        /** The console's links this person may open, with the current page marked. */
        public ConsoleMenu menu() {
            return ConsoleMenu.of(Role.parse(role).orElse(Role.VIEWER), path);
        }
    }

    public record Audit(Frame frame, String zone, List<AuditRow> entries) {}

    public record AuditRow(String at, String actor, String action, String target, String detail) {}
}
