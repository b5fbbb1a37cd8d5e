package dev.vigil.notifications;

import dev.vigil.config.SmtpConfig;
import dev.vigil.notifications.Delivery.Outcome;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Sends plain-text mail, with an HTML alternative when it has one, through the configured SMTP
 * server. Every mail carries its delivery's idempotency key (in X-Vigil-Idempotency-Key and in a
 * Message-ID that stays the same on every attempt, so a receiving server can drop a repeat) and the
 * one-click unsubscribe headers of RFC 8058. The password is handed to the server only, never logged.
 */
public final class MailSender {
    public static final String KEY_HEADER = "X-Vigil-Idempotency-Key";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SmtpConfig smtp;
    private final Session session;
    private final String messageIdHost;

    /** @param messageIdHost the site's host name, the right-hand side of Message-IDs */
    public MailSender(SmtpConfig smtp, String messageIdHost) {
        this.smtp = smtp;
        this.messageIdHost = messageIdHost;
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", smtp.host());
        properties.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        // Required, not just enabled: a server that does not offer TLS must not get the password in the clear.
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        this.session = Session.getInstance(properties);
    }

    /** @param createdAt when the delivery was queued; with the key it makes the Message-ID unique for good */
    public Outcome send(OutgoingMail mail, String idempotencyKey, Instant createdAt) {
        try {
            MimeMessage message = new KeyedMessage(session, messageId(idempotencyKey, createdAt));
            message.setFrom(sender());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            if (mail.html() == null) {
                message.setText(mail.text(), "UTF-8");
            } else {
                message.setContent(alternatives(mail));
            }
            message.setSentDate(new Date());
            message.setHeader(KEY_HEADER, idempotencyKey);
            if (mail.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            // RFC 3834: tells vacation responders not to answer.
            message.setHeader("Auto-Submitted", "auto-generated");
            if (smtp.username() != null) {
                Transport.send(message, smtp.username(), smtp.password());
            } else {
                Transport.send(message);
            }
            return Outcome.success("accepted by " + smtp.host());
        } catch (MessagingException | UnsupportedEncodingException e) {
            return Outcome.failure(describe(e));
        }
    }

    /** Plain text first: a mail program shows the last alternative it understands. */
    private static MimeMultipart alternatives(OutgoingMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart parts = new MimeMultipart("alternative");
        parts.addBodyPart(text);
        parts.addBodyPart(html);
        return parts;
    }

    private InternetAddress sender() throws MessagingException, UnsupportedEncodingException {
        InternetAddress from = new InternetAddress(smtp.from(), true);
        if (from.getPersonal() != null) {
            from.setPersonal(from.getPersonal(), "UTF-8");
        }
        return from;
    }

    private String messageId(String idempotencyKey, Instant createdAt) {
        return "<" + idempotencyKey.replace(':', '.') + "." + createdAt.toEpochMilli() + "@" + messageIdHost + ">";
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder();
        while (cause != null && text.length() < DeliveryStore.MAX_ERROR_LENGTH) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                text.append(text.isEmpty() ? "" : ": ").append(cause.getMessage().strip());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return text.isEmpty() ? e.getClass().getSimpleName() : text.toString();
    }

    /** Keeps the Message-ID it is given instead of making up a new one on every attempt. */
    private static final class KeyedMessage extends MimeMessage {
        private final String messageId;

        KeyedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
