package dev.vigil.accounts;

import dev.vigil.console.Role;
import org.jdbi.v3.core.Handle;

/** Sends nothing: the admin sees the link on the page and passes it on themselves. */
public final class ShowLinkToAdmin implements LinkSender {

    @Override
    public Delivery sendInvitation(Handle handle, String email, Role role, OneTimeLink link) {
        return Delivery.shown(link);
    }

    @Override
    public Delivery sendPasswordReset(Handle handle, User user, OneTimeLink link) {
        return Delivery.shown(link);
    }
}
