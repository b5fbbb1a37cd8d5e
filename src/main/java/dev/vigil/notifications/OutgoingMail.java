package dev.vigil.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One mail, as it is stored in the outbox and sent on every attempt: plain text, and optionally
 * the same in HTML as an alternative part.
 *
 * @param unsubscribeUrl the one-click link, also sent as the List-Unsubscribe header; null for mail to staff,
 *     which is not a subscription
 * @param html the HTML alternative, already escaped; null for plain text only (mails queued before it
 *     existed read as such)
 */
public record OutgoingMail(String to, String subject, String text, String unsubscribeUrl, String html) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A plain-text mail. */
    public OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {
        this(to, subject, text, unsubscribeUrl, null);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a mail as JSON: " + e.getMessage(), e);
        }
    }

    public static OutgoingMail fromJson(String json) {
        try {
            return JSON.readValue(json, OutgoingMail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A queued mail is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
