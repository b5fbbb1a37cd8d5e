package dev.vigil.accounts;

/**
 * How an invitation or a password reset link reaches its person. This is the seam for mail: today
 * the only implementation, {@link ShowLinkToAdmin}, hands the link back for the admin to pass on;
 * once Vigil can send mail (SMTP, a later issue), a mailing implementation takes its place and
 * the admin's page says the link went by mail.
 */
public interface LinkSender {

    /** What became of a link: linkToShow is the link the admin must pass on, or null when it was mailed. */
    record Delivery(String linkToShow) {}

    Delivery sendInvitation(String email, Role role, OneTimeLink link);

    Delivery sendPasswordReset(User user, OneTimeLink link);
}
