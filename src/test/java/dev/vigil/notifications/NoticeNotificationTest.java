package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published incident notice reaches subscribers and staff hooks, through a real Vigil, a real
 * SMTP server (GreenMail) and real local webhook receivers: one message per recipient and
 * publication, none again after a restart, and an "updated" one when edits are published.
 */
class NoticeNotificationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct-horse-battery";
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://status\\.test(/subscribe/confirm/[A-Za-z0-9_-]+)");
    private static final String INCIDENT = "Web application is unavailable";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    final WebhookReceiver aggregator = WebhookReceiver.start();
    final WebhookReceiver opsHook = WebhookReceiver.start();
    RunningVigil vigil;
    Database database;
    WebClient ada;
    long incident;

    @BeforeEach
    void start() throws Exception {
        startVigil();
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "password", PASSWORD));
        // The incident is over before anyone subscribes, so the only news they can get is the notice.
        incident = History.openIncident(database, INCIDENT, "web", Instant.now());
        long resolved = History.update(database, incident, IncidentStatus.RESOLVED, "Fixed.", Instant.now());
        RunningVigil.await(PATIENCE, "the resolved update to be taken", () -> History.taken(database, resolved));

        subscribeByEmail("grace@example.com", Map.of());
        subscribeByEmail("sam@example.com", Map.of("component", "search"));
        var webhook = new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook",
                Map.of("url", aggregator.url()));
        assertThat(webhook.statusCode()).isEqualTo(200);
        var hook = ada.submit("/console/notifications", "/console/notifications/hooks",
                Map.of("kind", "webhook", "name", "Ops", "url", opsHook.url(), "event", "notice_published"));
        assertThat(hook.statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        try (WebhookReceiver a = aggregator; WebhookReceiver o = opsHook) {
            vigil.close();
        }
    }

    @Test
    void publishingTheNoticeSendsOneMailAndOneWebhookEachAndARestartSendsNothingAgain() throws Exception {
        long publication = publish("### What happened\n\nA full disk stopped the web servers. We are sorry.");

        MimeMessage mail = mailTo("grace@example.com", 2);
        awaitDeliveries(publication, 3);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("grace@example.com");
        assertThat(mail.getSubject()).isEqualTo("[Test Status] Incident report: " + INCIDENT);
        assertThat((String) mail.getContent()).contains("A full disk stopped the web servers. We are sorry.")
                .contains("http://status.test/incidents/" + incident).contains("Unsubscribe with one click");
        long grace = History.count(database, "SELECT id FROM subscribers WHERE target = 'grace@example.com'");
        assertThat(mail.getHeader(MailSender.KEY_HEADER, null)).isEqualTo("notice:" + publication + ":sub:" + grace);
        assertThat(mail.getHeader("List-Unsubscribe", null)).startsWith("<http://status.test/unsubscribe/");
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries d JOIN subscribers s"
                + " ON s.id = d.subscriber_id WHERE s.target = 'sam@example.com' AND d.event = 'notice_published'"))
                .as("Sam chose Search only").isZero();

        assertThat(aggregator.posts()).hasSize(1);
        WebhookReceiver.Post post = aggregator.posts().get(0);
        assertThat(post.header("X-Vigil-Event")).isEqualTo("notice_published");
        assertThat(post.header("Idempotency-Key")).startsWith("notice:" + publication + ":sub:");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.at("/meta/unsubscribe").asText()).startsWith("http://status.test/unsubscribe/");
        assertThat(body.at("/incident/id").asText()).isEqualTo(Long.toString(incident));
        assertThat(body.at("/incident/status").asText()).isEqualTo("resolved");
        assertThat(body.at("/incident/postmortem_body").asText()).contains("A full disk stopped the web servers.");
        assertThat(body.at("/notice/revision").asInt()).isEqualTo(1);
        assertThat(body.at("/notice/updated").asBoolean()).isFalse();
        assertThat(opsHook.posts()).hasSize(1);
        assertThat(JSON.readTree(opsHook.posts().get(0).body()).at("/meta/unsubscribe").isNull()).isTrue();

        vigil.close();
        startVigil();
        Thread.sleep(Notifications.POLL.multipliedBy(3).toMillis());

        assertThat(smtp.getReceivedMessages()).hasSize(3);
        assertThat(aggregator.posts()).hasSize(1);
        assertThat(opsHook.posts()).hasSize(1);
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries WHERE event = 'notice_published'"))
                .isEqualTo(3);
    }

    @Test
    void republishingAnEditedNoticeSendsAnUpdatedOne() throws Exception {
        long first = publish("A full disk stopped the web servers.");
        awaitDeliveries(first, 3);

        long second = publish("A full disk stopped the web servers. We now alert on disk space.");

        awaitDeliveries(second, 3);
        MimeMessage updated = mailTo("grace@example.com", 3);
        assertThat(updated.getSubject()).isEqualTo("[Test Status] Updated incident report: " + INCIDENT);
        assertThat((String) updated.getContent()).contains("We now alert on disk space.");
        assertThat(aggregator.posts()).hasSize(2);
        JsonNode body = JSON.readTree(aggregator.posts().get(1).body());
        assertThat(body.at("/notice/revision").asInt()).isEqualTo(2);
        assertThat(body.at("/notice/updated").asBoolean()).isTrue();
        assertThat(body.at("/incident/postmortem_body").asText()).contains("We now alert on disk space.");
        assertThat(opsHook.posts()).hasSize(2);
    }

    @Test
    void savingADraftWithoutPublishingTellsNobody() throws Exception {
        String notice = "/console/incidents/" + incident + "/notice";
        assertThat(ada.submit(notice, notice, Map.of("draft", "Not ready yet.")).statusCode()).isEqualTo(303);

        Thread.sleep(Notifications.POLL.multipliedBy(2).toMillis());

        assertThat(History.count(database, "SELECT COUNT(*) FROM notice_publications")).isZero();
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries WHERE event = 'notice_published'")).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private void startVigil() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application}
                  - {id: search, name: Search}
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                notifications:
                  allow_private_webhooks: true
                """.formatted(smtp.getSmtp().getPort()));
        database = vigil.vigil().database();
    }

    /** Ada saves the draft and publishes it; returns the id of the publication. */
    private long publish(String text) {
        String notice = "/console/incidents/" + incident + "/notice";
        assertThat(ada.submit(notice, notice, Map.of("draft", text)).statusCode()).isEqualTo(303);
        assertThat(ada.submit(notice, notice + "/publish", Map.of()).statusCode()).isEqualTo(303);
        return History.count(database, "SELECT MAX(id) FROM notice_publications");
    }

    private void subscribeByEmail(String email, Map<String, String> components) throws Exception {
        Map<String, String> fields = new java.util.HashMap<>(components);
        fields.put("email", email);
        WebClient person = new WebClient(vigil.url(""));
        person.submit("/subscribe", "/subscribe/email", fields);
        MimeMessage confirmation = mail(smtp.getReceivedMessages().length + 1);
        Matcher link = CONFIRM_LINK.matcher((String) confirmation.getContent());
        assertThat(link.find()).isTrue();
        assertThat(person.post(link.group(1), Map.of()).statusCode()).isEqualTo(200);
    }

    private void awaitDeliveries(long publication, int count) {
        RunningVigil.await(PATIENCE, count + " deliveries of publication " + publication, () -> History.count(database,
                "SELECT COUNT(*) FROM deliveries WHERE status = 'delivered' AND idempotency_key LIKE 'notice:"
                        + publication + ":%'") == count);
    }

    /** Waits for the count-th mail to this address (GreenMail lists mail by mailbox) and returns it. */
    private MimeMessage mailTo(String address, int count) {
        RunningVigil.await(PATIENCE, "mail number " + count + " to " + address, () -> received(address).length >= count);
        assertThat(received(address)).hasSize(count);
        return received(address)[count - 1];
    }

    private static MimeMessage[] received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(MimeMessage[]::new);
    }

    /** Waits for the count-th mail and returns it. */
    private MimeMessage mail(int count) {
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), count))
                .as("mail number %d arrives; got %s", count, Arrays.toString(smtp.getReceivedMessages())).isTrue();
        return smtp.getReceivedMessages()[count - 1];
    }
}
