package dev.vigil.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.notifications.OutgoingMail;
import dev.vigil.reminders.ReminderItem.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of the reminder mails and the staff summary, without a server. */
class ReminderDigestTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-01-14");
    private static final Person ADA = new Person(1, "Ada Lovelace", "ada@example.com");
    private static final Person GRACE = new Person(2, "Grace Hopper", "grace@example.com");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReminderDigest words = new ReminderDigest("Acme Status", "https://status.acme.test/");

    @Test
    void datesAreWordedAsDaysOverdueOrDaysLeft() {
        assertThat(ReminderDigest.when(dueOn(TODAY.minusDays(1)), TODAY)).isEqualTo("overdue by 1 day");
        assertThat(ReminderDigest.when(dueOn(TODAY.minusDays(12)), TODAY)).isEqualTo("overdue by 12 days");
        assertThat(ReminderDigest.when(dueOn(TODAY), TODAY)).isEqualTo("due today");
        assertThat(ReminderDigest.when(dueOn(TODAY.plusDays(1)), TODAY)).isEqualTo("due in 1 day");
        assertThat(ReminderDigest.when(dueOn(TODAY.plusDays(3)), TODAY)).isEqualTo("due in 3 days");
        assertThat(ReminderDigest.day(TODAY)).isEqualTo("Jan 14, 2026");
    }

    @Test
    void aDigestNamesEachItemWithItsPostmortemPriorityDueDateAndLink() {
        ReminderItem late = item(12, "Alert on queue depth", "P1", TODAY.minusDays(4), "Search outage", GRACE);
        ReminderItem soon = item(13, "Failover runbook", "P2", TODAY.plusDays(2), "Checkout errors", GRACE);

        ReminderDigest.Message digest = words.digest(GRACE, List.of(late, soon), TODAY, 3);

        assertThat(digest.subject()).isEqualTo("[Acme Status] 1 action item overdue, 1 due soon");
        assertThat(digest.text()).startsWith("Hello Grace Hopper,")
                .contains("Overdue\n- Alert on queue depth (P1)\n  Postmortem: Search outage\n"
                        + "  Due Jan 10, 2026, overdue by 4 days\n  https://status.acme.test/console/action-items/12\n")
                .contains("Due soon\n- Failover runbook (P2)\n  Postmortem: Checkout errors\n"
                        + "  Due Jan 16, 2026, due in 2 days\n  https://status.acme.test/console/action-items/13\n")
                .contains("due within 3 days");
        assertThat(digest.html()).contains("<a href=\"https://status.acme.test/console/action-items/12\">Alert on queue depth</a>")
                .contains("<strong>overdue by 4 days</strong>").contains("<h2>Due soon</h2>");
    }

    @Test
    void subjectsCountOnlyWhatIsThere() {
        ReminderItem soon = item(13, "Failover runbook", "P2", TODAY.plusDays(2), "Checkout errors", GRACE);
        ReminderItem today = item(14, "Rotate keys", "P3", TODAY, "Checkout errors", GRACE);

        assertThat(words.digest(GRACE, List.of(soon, today), TODAY, 3).subject())
                .isEqualTo("[Acme Status] 2 action items due soon");
        assertThat(words.digest(GRACE, List.of(item(15, "A", "P1", TODAY.minusDays(1), "B", GRACE)), TODAY, 3)
                .subject()).isEqualTo("[Acme Status] 1 action item overdue");
        assertThat(words.digest(GRACE, List.of(soon), TODAY, 3).text()).doesNotContain("Overdue");
    }

    @Test
    void textFromPeopleIsEscapedInTheHtmlButKeptAsWrittenInThePlainText() {
        ReminderItem item = item(7, "<script>alert(1)</script> & \"quotes\"", "P1", TODAY.minusDays(2),
                "<img src=x onerror=alert(2)>", new Person(3, "Eve <eve@evil.test>", "eve@example.com"));

        ReminderDigest.Message digest = words.digest(item.owner(), List.of(item), TODAY, 3);

        assertThat(digest.html()).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;")
                .contains("&lt;img src=x onerror=alert(2)&gt;").contains("Hello Eve &lt;eve@evil.test&gt;,");
        assertThat(digest.text()).contains("- <script>alert(1)</script> & \"quotes\" (P1)");
    }

    @Test
    void aLineBreakInTheSiteNameCannotStartANewMailHeader() {
        ReminderDigest odd = new ReminderDigest("Acme\r\nBcc: everyone@example.com", "https://status.acme.test");

        String subject = odd.digest(GRACE, List.of(dueOn(TODAY)), TODAY, 3).subject();

        assertThat(subject).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void anEscalationNamesEachItemsOwnerOrNobody() {
        ReminderItem owned = item(20, "Load test", "P2", TODAY.minusDays(12), "Search outage", GRACE);
        ReminderItem unowned = item(21, "Capacity plan", "P3", TODAY.minusDays(9), "Search outage", null);

        ReminderDigest.Message escalation = words.escalation(ADA, List.of(owned, unowned), TODAY, 7);

        assertThat(escalation.subject()).isEqualTo("[Acme Status] 2 action items overdue by more than 7 days");
        assertThat(escalation.text()).startsWith("Hello Ada Lovelace,")
                .contains("- Load test (P2)\n  Postmortem: Search outage · Owner: Grace Hopper\n"
                        + "  Due Jan 2, 2026, overdue by 12 days\n")
                .contains("Owner: nobody");
    }

    @Test
    void aMailIsStoredWithItsHtmlAndReadBackAsItWas() {
        OutgoingMail mail = words.digest(GRACE, List.of(dueOn(TODAY)), TODAY, 3).to("grace@example.com");

        assertThat(OutgoingMail.fromJson(mail.toJson())).isEqualTo(mail);
        assertThat(OutgoingMail.fromJson("{\"to\":\"a@b.test\",\"subject\":\"s\",\"text\":\"t\",\"unsubscribeUrl\":null}")
                .html()).isNull();
    }

    @Test
    void theSlackSummaryCountsListsTheFirstFiveAndEscapesMarkup() throws Exception {
        List<ReminderItem> items = new ArrayList<>();
        items.add(item(1, "<!channel> & friends", "P1", TODAY.minusDays(3), "Search outage", GRACE));
        for (int n = 2; n <= 7; n++) {
            items.add(item(n, "Item " + n, "P2", TODAY.plusDays(1), "Search outage", null));
        }

        String text = JSON.readTree(new ReminderSummary(words).slack(items, TODAY, 3)).get("text").asText();

        assertThat(text).startsWith("*Action items, Jan 14, 2026*: 1 overdue, 6 due within 3 days")
                .contains("• <https://status.acme.test/console/action-items/1|&lt;!channel&gt; &amp; friends> (P1)"
                        + " · Grace Hopper · overdue by 3 days")
                .contains("|Item 5> (P2) · no owner · due in 1 day").doesNotContain("Item 6")
                .endsWith("…and 2 more");
    }

    @Test
    void theWebhookSummaryCarriesTheCountsAndItems() throws Exception {
        List<ReminderItem> items = List.of(item(1, "Alert on queue depth", "P1", TODAY.minusDays(3), "Search outage", GRACE),
                item(2, "Failover runbook", "P2", TODAY.plusDays(1), "Checkout errors", null));

        JsonNode body = JSON.readTree(new ReminderSummary(words).webhook(items, TODAY, 3,
                Instant.parse("2026-01-14T17:05:00Z"), "reminder:summary:2026-01-14:hook:4"));

        assertThat(body.at("/meta/idempotency_key").asText()).isEqualTo("reminder:summary:2026-01-14:hook:4");
        assertThat(body.at("/action_items_summary/overdue").asInt()).isEqualTo(1);
        assertThat(body.at("/action_items_summary/due_soon").asInt()).isEqualTo(1);
        assertThat(body.at("/action_items_summary/items/0/state").asText()).isEqualTo("overdue");
        assertThat(body.at("/action_items_summary/items/0/owner").asText()).isEqualTo("Grace Hopper");
        assertThat(body.at("/action_items_summary/items/1/owner").isNull()).isTrue();
        assertThat(body.at("/action_items_summary/items/1/url").asText())
                .isEqualTo("https://status.acme.test/console/action-items/2");
    }

    private static ReminderItem item(long id, String title, String priority, LocalDate due, String postmortem,
            Person owner) {
        return new ReminderItem(id, title, priority, due, 100, postmortem, owner, ADA);
    }

    private static ReminderItem dueOn(LocalDate due) {
        return item(9, "Rotate keys", "P2", due, "Search outage", GRACE);
    }
}
