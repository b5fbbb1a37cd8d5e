package dev.vigil.accounts;

import dev.vigil.console.Role;
import org.jdbi.v3.core.Handle;

/**
 * How an invitation or a password reset link reaches its person: by mail when a mail server is
 * configured (the notifications' outbox), else {@link ShowLinkToAdmin} hands the link back for the
 * admin to pass on. Implementations never log the link.
 *
 * <p>Both methods run inside the transaction that stores the link, on its handle: the link and its
 * queued mail are saved together or not at all, so a crash cannot leave an invitation nobody got.
 * An implementation that refuses (throws) rolls the link back with it.
 */
public interface LinkSender {

    /**
     * What became of a link: exactly one of linkToShow (the link the admin must pass on) and
     * mailedTo (the address it was queued to) is set.
     */
    record Delivery(String linkToShow, String mailedTo) {
        public static Delivery shown(OneTimeLink link) {
            return new Delivery(link.url(), null);
        }

        public static Delivery mailed(String address) {
            return new Delivery(null, address);
        }
    }

    Delivery sendInvitation(Handle handle, String email, Role role, OneTimeLink link);

    Delivery sendPasswordReset(Handle handle, User user, OneTimeLink link);
}
