package dev.vigil.notifications;

import dev.vigil.accounts.LinkSender;
import dev.vigil.accounts.OneTimeLink;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.accounts.User;
import dev.vigil.console.Role;
import dev.vigil.errors.InvalidInput;
import dev.vigil.time.TimeFormat;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Mails invitation and password reset links through the outbox, as subscription confirmations go:
 * durable and retried, and the link is dropped from the stored mail once it is sent or given up.
 * Chosen when a mail server is configured. The mail is queued on the caller's handle, in the
 * transaction that stores the link.
 */
record LinksByMail(DeliveryStore deliveries, String siteName, TimeFormat times, Clock clock) implements LinkSender  {

    @Override
    public LinkSender.Delivery sendInvitation(Handle handle, String email, Role role, OneTimeLink link) {
        String text = """
                You have been invited to join the team behind the %s status page, as %s.

                To choose your name and password, open this link:
                %s

                The link works once, until %s. If you did not expect this invitation, ignore this mail.
                """.formatted(siteName, role.key(), link.url(), times.dateTime(link.expiresAt()));
        return queue(handle, "invite", "email", email, "[" + siteName + "] You are invited to join the team", text, link);
    }

    @Override
    public LinkSender.Delivery sendPasswordReset(Handle handle, User user, OneTimeLink link) {
        String text = """
                Hello %s,

                an administrator of the %s status page made you a link to choose a new password:
                %s

                The link works once, until %s. Using it signs you out everywhere else. If you did not ask \
                for a new password, tell your administrator.
                """.formatted(user.name(), siteName, link.url(), times.dateTime(link.expiresAt()));
        return queue(handle, "reset", "user", user.email(), "[" + siteName + "] Choose a new password", text, link);
    }

    /**
     * The key names the link by its token's hash, so a retried queueing cannot mail it twice. An
     * address the mail library cannot send to is refused here, on the field that holds it, rather
     * than queued to fail on every attempt; the refusal rolls back the link.
     */
    private LinkSender.Delivery queue(Handle handle, String kind, String field, String to, String subject,
            String text, OneTimeLink link) {
        refuseUnsendable(field, to);
        String key = "account:" + kind + ":" + SecretTokens.hash(link.url()).substring(0, 16);
        OutgoingMail mail = new OutgoingMail(to, subject.replaceAll("[\\r\\n]+", " "), text, null);
        // Qualified: inside a LinkSender, "Delivery" is LinkSender's own record, not the outbox's.
        deliveries.enqueue(handle, new dev.vigil.notifications.Delivery.New(key, Channel.EMAIL, Event.ACCOUNT_LINK,
                null, null, to, mail.toJson()), clock.instant());
        return LinkSender.Delivery.mailed(to);
    }

    /** The same strict parse MailSender makes before sending. */
    private static void refuseUnsendable(String field, String address) {
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw InvalidInput.of(field, "No mail can be sent to " + address + ": " + e.getMessage()
                    + ". Check the address.");
        }
    }
}
