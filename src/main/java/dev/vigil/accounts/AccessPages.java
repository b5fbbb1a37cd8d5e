package dev.vigil.accounts;

import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import java.util.List;
import java.util.Map;

/**
 * Models of the console pages about access: users and invitations, one-time links, API tokens,
 * and the signed-in person's own account. errors maps a field name to what is wrong with it.
 */
public final class AccessPages {
    private AccessPages() {}

    /** problem is a message about a change that was refused (such as demoting the last admin), or null. */
    public record Users(Frame frame, String zone, List<UserRow> users, List<InvitationRow> invitations,
            InviteForm invite, String problem) {}

    public record UserRow(long id, String name, String email, String role, boolean disabled, boolean you) {}

    public record InvitationRow(String email, String role, String invitedBy, String expires) {}

    public record InviteForm(String email, String role, Map<String, String> errors) {
        public static InviteForm empty() {
            return new InviteForm("", Role.VIEWER.key(), Map.of());
        }
    }

    /** A one-time link just made. link is null when it was mailed rather than shown. */
    /** Exactly one of link (to copy) and mailedTo (where it was sent) is set. */
    public record LinkShown(Frame frame, String title, String recipient, String purpose, String link, String mailedTo,
            String expires) {}

    /** created is the token made by this very request, the only time its secret is shown; or null. */
    public record Tokens(Frame frame, String zone, List<TokenRow> tokens, TokenForm form, NewToken created) {}

    public record TokenRow(long id, String name, String role, String createdBy, String createdAt, String lastUsed,
            String revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record TokenForm(String name, String role, Map<String, String> errors) {
        public static TokenForm empty() {
            return new TokenForm("", Role.EDITOR.key(), Map.of());
        }
    }

    public record NewToken(String name, String role, String secret) {}

    /** changed: the password was just changed (shown after the redirect). */
    public record Account(Frame frame, String name, String email, String role, boolean changed,
            Map<String, String> errors) {}
}
