package dev.vigil.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.console.Role;
import dev.vigil.notifications.Channel;
import dev.vigil.notifications.Event;
import dev.vigil.notifications.MailSender;
import dev.vigil.notifications.StaffHook;
import dev.vigil.notifications.StaffHookStore;
import dev.vigil.notifications.WebhookReceiver;
import dev.vigil.reminders.ActionItemReminderJob.Run;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.PostmortemFixtures;
import dev.vigil.testing.RunningVigil;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily reminders through a real Vigil whose clock the test holds, to a real SMTP server
 * (GreenMail) and a real local webhook receiver. The site is in America/Los_Angeles (UTC-8 in
 * January); reminders go out after 09:00 there. The job is run directly, not waited for.
 */
class ActionItemReminderJobTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** When the postmortems and items were written, two weeks before the reminders run. */
    private static final Instant CREATED = Instant.parse("2026-01-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-01-14");
    private static final Instant BEFORE_NINE = Instant.parse("2026-01-14T16:30:00Z");
    private static final Instant AFTER_NINE = Instant.parse("2026-01-14T17:05:00Z");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    final ManualClock clock = new ManualClock(BEFORE_NINE);
    RunningVigil vigil;
    PostmortemFixtures rows;
    long ada;
    long grace;
    long victor;

    @BeforeEach
    void start() {
        vigil = startVigil(true);
        rows = PostmortemFixtures.in(vigil.vigil().database(), CREATED);
        ada = rows.user("ada@example.com", "Ada Lovelace", Role.ADMIN);
        grace = rows.user("grace@example.com", "Grace Hopper", Role.EDITOR);
        victor = rows.user("victor@example.com", "Victor Viewer", Role.VIEWER);
        // A draft whose incident is resolved, and a postmortem marked complete: both still get reminders.
        long draft = rows.postmortem("Search outage", "sev2", "draft", ada);
        rows.resolvedIncident(draft, "Search is down");
        long complete = rows.postmortem("Checkout errors", "sev2", "complete", ada);
        long deleted = rows.postmortem("Deleted write-up", "sev2", "in_review", ada);
        rows.item(draft, "Alert on queue depth").owner(grace).priority("P1").due(TODAY.minusDays(4)).add();
        rows.item(complete, "Failover runbook").owner(grace).due(TODAY.plusDays(2)).status("in_progress").add();
        rows.item(draft, "Load test the index").owner(victor).due(TODAY.minusDays(12)).status("blocked").add();
        rows.item(draft, "Far future cleanup").owner(grace).due(TODAY.plusDays(30)).add();
        rows.item(draft, "Finished work").owner(grace).priority("P1").due(TODAY.minusDays(9)).status("done").add();
        rows.item(draft, "Declined work").owner(grace).priority("P1").due(TODAY.minusDays(9)).status("wont_do").add();
        rows.deleteItem(rows.item(draft, "Deleted item").owner(grace).due(TODAY.minusDays(1)).add());
        rows.item(deleted, "Item of a deleted postmortem").owner(grace).due(TODAY.minusDays(1)).add();
        rows.deletePostmortem(deleted);
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void beforeTheTimeOfDayNothingIsSent() {
        Run run = job().run();

        assertThat(run).isEqualTo(Run.NOTHING);
        assertThat(rows.count("SELECT COUNT(*) FROM action_item_reminders")).isZero();
        assertThat(rows.count("SELECT COUNT(*) FROM deliveries")).isZero();
    }

    @Test
    void afterItEachOwnerGetsExactlyOneDigestOfTheirOverdueAndSoonDueItems() throws Exception {
        clock.set(AFTER_NINE);

        Run run = job().run();

        assertThat(run).isEqualTo(new Run(2, 1, 0));
        awaitMails(3);
        MimeMessage digest = only(mailsTo("grace@example.com", "reminder:digest:"));
        assertThat(digest.getSubject()).isEqualTo("[Test Status] 1 action item overdue, 1 due soon");
        assertThat(digest.getHeader(MailSender.KEY_HEADER, null)).isEqualTo("reminder:digest:" + grace + ":2026-01-14");
        assertThat(part(digest, 0)).contains("Alert on queue depth (P1)").contains("Postmortem: Search outage")
                .contains("Due Jan 10, 2026, overdue by 4 days").contains("Failover runbook (P2)")
                .contains("Postmortem: Checkout errors").contains("due in 2 days")
                .contains("http://status.test/console/action-items/")
                .doesNotContain("Far future").doesNotContain("Finished").doesNotContain("Declined")
                .doesNotContain("Deleted item").doesNotContain("deleted postmortem").doesNotContain("Load test");
        assertThat(part(digest, 1)).contains("<strong>overdue by 4 days</strong>");
        assertThat(part(only(mailsTo("victor@example.com", "reminder:digest:")), 0))
                .contains("Load test the index").contains("overdue by 12 days").doesNotContain("Alert on queue depth");
        assertThat(mailsTo("ada@example.com", "reminder:digest:")).as("Ada owns no item").isEmpty();
        assertThat(rows.count("SELECT COUNT(*) FROM action_item_reminders WHERE day = '2026-01-14' AND kind = 'digest'"))
                .isEqualTo(2);
    }

    @Test
    void runningTheJobAgainTheSameDaySendsNothing() throws Exception {
        clock.set(AFTER_NINE);
        job().run();
        awaitMails(3);
        clock.advance(Duration.ofHours(10));

        Run again = job().run();

        assertThat(again).isEqualTo(Run.NOTHING);
        assertThat(rows.count("SELECT COUNT(*) FROM deliveries")).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void stoppingAndStartingVigilAgainTheSameDaySendsNothingNew() throws Exception {
        clock.set(AFTER_NINE);
        job().run();
        awaitMails(3);
        vigil.close();
        clock.advance(Duration.ofMinutes(30));

        vigil = startVigil(true);
        rows = PostmortemFixtures.in(vigil.vigil().database(), CREATED);
        Run afterRestart = job().run();

        assertThat(afterRestart).isEqualTo(Run.NOTHING);
        assertThat(rows.count("SELECT COUNT(*) FROM deliveries")).isEqualTo(3);
        assertThat(rows.count("SELECT COUNT(*) FROM deliveries WHERE status <> 'delivered'")).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void theNextDayRemindsAgainWithTheDaysCountedOn() throws Exception {
        clock.set(AFTER_NINE);
        job().run();
        awaitMails(3);

        clock.advance(Duration.ofDays(1));
        Run nextDay = job().run();

        assertThat(nextDay).isEqualTo(new Run(2, 1, 0));
        awaitMails(6);
        List<MimeMessage> graces = mailsTo("grace@example.com", "reminder:digest:");
        assertThat(graces).hasSize(2);
        assertThat(graces.get(1).getHeader(MailSender.KEY_HEADER, null)).endsWith(":2026-01-15");
        assertThat(part(graces.get(1), 0)).contains("overdue by 5 days").contains("due in 1 day");
    }

    @Test
    void itemsOverduePastTheThresholdAreEscalatedToThePostmortemOwnerOnceADay() throws Exception {
        clock.set(AFTER_NINE);

        job().run();
        job().run();

        awaitMails(3);
        MimeMessage escalation = only(mailsTo("ada@example.com", "reminder:escalation:"));
        assertThat(escalation.getSubject()).isEqualTo("[Test Status] 1 action item overdue by more than 7 days");
        assertThat(part(escalation, 0)).contains("Load test the index (P2)").contains("Owner: Victor Viewer")
                .contains("overdue by 12 days").as("4 days is within the threshold").doesNotContain("Alert on queue depth");
        assertThat(rows.count("SELECT COUNT(*) FROM action_item_reminders WHERE kind = 'escalation'")).isEqualTo(1);
    }

    @Test
    void theStaffHooksThatChoseItGetOneSummaryADay() throws Exception {
        try (WebhookReceiver chat = WebhookReceiver.start(); WebhookReceiver generic = WebhookReceiver.start();
                WebhookReceiver incidentsOnly = WebhookReceiver.start()) {
            vigil.vigil().database().write(handle -> {
                new StaffHookStore().create(handle, Channel.SLACK, "#ops", chat.url(), null,
                        Set.of(Event.ACTION_ITEM_SUMMARY), BEFORE_NINE);
                new StaffHookStore().create(handle, Channel.SLACK, "#incidents", incidentsOnly.url(), null,
                        Set.of(Event.INCIDENT_UPDATE), BEFORE_NINE);
                return new StaffHookStore().create(handle, Channel.WEBHOOK, "Pager", generic.url(), "s3cret",
                        Set.copyOf(StaffHook.CHOICES), BEFORE_NINE);
            });
            clock.set(AFTER_NINE);

            Run first = job().run();
            Run second = job().run();

            assertThat(first.summaries()).isEqualTo(1);
            assertThat(second.summaries()).isZero();
            awaitDelivered("reminder:summary:%");
            assertThat(generic.posts()).hasSize(1);
            assertThat(chat.posts().get(0).body()).contains("*Action items, Jan 14, 2026*: 2 overdue, 1 due within 3 days")
                    .contains("Load test the index");
            assertThat(chat.posts().get(0).header("X-Vigil-Event")).isEqualTo("action_item_summary");
            assertThat(generic.posts().get(0).body()).contains("\"overdue\":2").contains("\"due_soon\":1");
            assertThat(generic.posts().get(0).header("X-Vigil-Signature")).isNotBlank();
            assertThat(chat.posts()).hasSize(1);
            assertThat(incidentsOnly.posts()).isEmpty();
            assertThat(rows.count("SELECT COUNT(*) FROM deliveries WHERE target = '" + incidentsOnly.url() + "'")).isZero();
            assertThat(rows.count("SELECT COUNT(*) FROM action_item_summaries")).isEqualTo(1);
        }
    }

    @Test
    void withoutAMailServerNothingIsRecordedForMailButTheStaffHooksAreStillTold() throws Exception {
        vigil.close();
        vigil = startVigil(false);
        rows = PostmortemFixtures.in(vigil.vigil().database(), CREATED);
        try (WebhookReceiver chat = WebhookReceiver.start()) {
            vigil.vigil().database().write(handle ->
                    new StaffHookStore().create(handle, Channel.SLACK, "#ops", chat.url(), null,
                            Set.of(Event.ACTION_ITEM_SUMMARY), BEFORE_NINE));
            clock.set(AFTER_NINE);

            Run run = job().run();

            assertThat(run).isEqualTo(new Run(0, 0, 1));
            assertThat(rows.count("SELECT COUNT(*) FROM action_item_reminders")).isZero();
            awaitDelivered("reminder:summary:%");
            assertThat(chat.posts()).hasSize(1);
            assertThat(smtp.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void theJobIsScheduled() {
        assertThat(vigil.vigil().scheduledTasks()).contains(ActionItemReminderJob.TASK);
    }

    private RunningVigil startVigil(boolean withMail) {
        String yaml = withMail ? """
                components: []
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                """.formatted(smtp.getSmtp().getPort()) : "components: []\n";
        return RunningVigil.start(dataDir, yaml, Map.of(), clock);
    }

    private ActionItemReminderJob job() {
        return vigil.vigil().reminders();
    }

    private void awaitMails(int count) {
        RunningVigil.await(PATIENCE, count + " mails", () -> smtp.getReceivedMessages().length >= count
                && rows.count("SELECT COUNT(*) FROM deliveries WHERE status <> 'delivered'") == 0);
        assertThat(smtp.getReceivedMessages()).hasSize(count);
    }

    /** Waits until the deliveries whose key is like the pattern were all accepted, so that a receiver can close. */
    private void awaitDelivered(String keyPattern) {
        RunningVigil.await(PATIENCE, "deliveries " + keyPattern, () -> rows.count("SELECT COUNT(*) FROM deliveries"
                + " WHERE idempotency_key LIKE '" + keyPattern + "' AND status = 'delivered'") > 0
                && rows.count("SELECT COUNT(*) FROM deliveries WHERE idempotency_key LIKE '" + keyPattern + "'"
                        + " AND status <> 'delivered'") == 0);
    }

    private static List<MimeMessage> mailsTo(String address, String keyPrefix) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getAllRecipients()[0].toString().equals(address)
                        && mail.getHeader(MailSender.KEY_HEADER, null).startsWith(keyPrefix);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage only(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** Part 0 is the plain text, part 1 the HTML. */
    private static String part(MimeMessage mail, int index) throws Exception {
        return (String) ((Multipart) mail.getContent()).getBodyPart(index).getContent();
    }
}
