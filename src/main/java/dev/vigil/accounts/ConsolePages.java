package dev.vigil.accounts;

import java.util.List;

/** Models of the console pages. Every console page carries its frame: who is signed in, and the CSRF token. */
public final class ConsolePages {
    private ConsolePages() {}

    public record Frame(String siteName, String userName, String role, String csrf) {
        public static Frame of(String siteName, Session session) {
            return new Frame(siteName, session.user().name(), session.user().role().key(), session.csrfToken());
        }

        /** Whether the console shows the admin's pages (users, API tokens) in its navigation. */
        public boolean isAdmin() {
            return Role.ADMIN.key().equals(role);
        }
    }

    public record Overview(Frame frame, String zone, List<IncidentRow> openIncidents, List<ComponentRow> components) {}

    public record IncidentRow(long id, String name, String status, String impact, String startedAt) {}

    public record ComponentRow(String name, String group, String status) {}

    public record Audit(Frame frame, String zone, List<AuditRow> entries) {}

    public record AuditRow(String at, String actor, String action, String target, String detail) {}
}
