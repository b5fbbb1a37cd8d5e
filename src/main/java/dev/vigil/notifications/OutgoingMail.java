package dev.vigil.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One plain-text mail, as it is stored in the outbox and sent on every attempt.
 *
 * @param unsubscribeUrl the one-click link, also sent as the List-Unsubscribe header; null for mail to staff,
 *     which is not a subscription
 */
public record OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
