package dev.vigil.accounts;

/** Sends nothing: the admin sees the link on the page and passes it on themselves. */
public final class ShowLinkToAdmin implements LinkSender {

    @Override
    public Delivery sendInvitation(String email, Role role, OneTimeLink link) {
        return Delivery.shown(link);
    }

    @Override
    public Delivery sendPasswordReset(User user, OneTimeLink link) {
        return Delivery.shown(link);
    }
}
