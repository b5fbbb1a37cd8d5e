package dev.vigil.reminders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The day's summary for the staff hooks (issue 4): how many unfinished action items are overdue
 * and how many are due soon, with the most pressing few listed. Slack-compatible hooks get
 * {"text": ...}; generic webhooks get JSON in the envelope of the other staff alerts. Pure.
 */
final class ReminderSummary {
    /** How many items the summary names; the rest are counted. */
    static final int LISTED = 5;

    private final ObjectMapper json = new ObjectMapper();
    private final ReminderDigest words;

    ReminderSummary(ReminderDigest words) {
        this.words = words;
    }

    /** items are the day's overdue and soon-due items, most pressing first (earliest due). */
    String slack(List<ReminderItem> items, LocalDate today, int soonDays) {
        long overdue = items.stream().filter(item -> item.overdue(today)).count();
        StringBuilder text = new StringBuilder("*Action items, ").append(ReminderDigest.day(today)).append("*: ")
                .append(overdue).append(" overdue, ").append(items.size() - overdue).append(" due within ")
                .append(ReminderDigest.plural(soonDays, "day"));
        for (ReminderItem item : items.subList(0, Math.min(LISTED, items.size()))) {
            text.append("\n• <").append(words.link(item)).append('|').append(slack(item.title())).append("> (")
                    .append(item.priority()).append(") · ").append(slack(ownerName(item))).append(" · ")
                    .append(ReminderDigest.when(item, today));
        }
        if (items.size() > LISTED) {
            text.append("\n…and ").append(items.size() - LISTED).append(" more");
        }
        return write(Map.of("text", text.toString()));
    }

    /** The generic webhook's body; generatedAt and idempotencyKey go in its meta, as in the other staff alerts. */
    String webhook(List<ReminderItem> items, LocalDate today, int soonDays, Instant generatedAt, String idempotencyKey) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("generated_at", generatedAt.toString());
        meta.put("idempotency_key", idempotencyKey);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ReminderItem item : items.subList(0, Math.min(LISTED, items.size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", item.id());
            entry.put("title", item.title());
            entry.put("priority", item.priority());
            entry.put("due_on", item.dueOn().toString());
            entry.put("state", item.overdue(today) ? "overdue" : "due_soon");
            entry.put("owner", item.owner() == null ? null : item.owner().name());
            entry.put("postmortem_id", item.postmortemId());
            entry.put("postmortem", item.postmortemTitle());
            entry.put("url", words.link(item));
            listed.add(entry);
        }
        long overdue = items.stream().filter(item -> item.overdue(today)).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("day", today.toString());
        summary.put("overdue", overdue);
        summary.put("due_soon", items.size() - overdue);
        summary.put("soon_days", soonDays);
        summary.put("items", listed);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("meta", meta);
        envelope.put("action_items_summary", summary);
        return write(envelope);
    }

    private static String ownerName(ReminderItem item) {
        return item.owner() == null ? "no owner" : item.owner().name();
    }

    /** Slack reads &lt; &gt; &amp; as markup, so text from people must have them escaped. */
    private static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a summary as JSON: " + e.getMessage(), e);
        }
    }
}
