package dev.vigil.incidents.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.vigil.notifications.WebhookReceiver;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a published notice reaches in the notice tests: Grace, subscribed by email (through a real
 * SMTP server, GreenMail), and an aggregator subscribed by webhook (a real local receiver); and
 * the outbox in between. Ada, the first admin, makes the API tokens: with a mail server,
 * invitations are mailed rather than shown, so nobody else is invited.
 */
final class NoticeAudience implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Three rounds of the notification jobs, which run every 2 seconds. */
    static final Duration THREE_ROUNDS = Duration.ofSeconds(6);
    private static final Pattern API_TOKEN = Pattern.compile("value=\"(vgl_[A-Za-z0-9_-]+)\"");
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://status\\.test(/subscribe/confirm/[A-Za-z0-9_-]+)");

    private final GreenMailExtension smtp;
    private final WebhookReceiver aggregator = WebhookReceiver.start();
    private RunningVigil vigil;
    private WebClient ada;

    NoticeAudience(GreenMailExtension smtp) {
        this.smtp = smtp;
    }

    /** vigil.yml: one component, the mail server, and webhooks to this machine allowed. */
    String yaml() {
        return """
                components:
                  - {id: web, name: Web application}
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                notifications:
                  allow_private_webhooks: true
                """.formatted(smtp.getSmtp().getPort());
    }

    /** Ada sets the running Vigil up; Grace and the aggregator subscribe to everything. */
    void subscribe(RunningVigil running) throws IOException, MessagingException {
        vigil = running;
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", Staff.PASSWORD));
        WebClient grace = new WebClient(vigil.url(""));
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).as("the confirmation mail").isTrue();
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        Matcher link = CONFIRM_LINK.matcher((String) confirmation.getContent());
        assertThat(link.find()).isTrue();
        assertThat(grace.post(link.group(1), Map.of()).statusCode()).isEqualTo(200);
        assertThat(new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook",
                Map.of("url", aggregator.url())).statusCode()).isEqualTo(200);
    }

    /** An API token Ada creates, as shown once. */
    String token(String name, String role) {
        HttpResponse<String> created = ada.submit("/console/tokens", "/console/tokens", Map.of("name", name,
                "role", role));
        Matcher token = API_TOKEN.matcher(created.body());
        assertThat(token.find()).as("a token shown (%d)", created.statusCode()).isTrue();
        return token.group(1);
    }

    /** Incident reports mailed to Grace. */
    long reportsMailed() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains("Incident report");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /** Published notices posted to the aggregator. */
    long noticesPosted() {
        return aggregator.posts().stream().filter(p -> "notice_published".equals(p.header("X-Vigil-Event"))).count();
    }

    /** Notice publications recorded, and deliveries of them queued, in the outbox. */
    long inTheOutbox() {
        return vigil.vigil().database().read(h -> h.createQuery("""
                SELECT (SELECT COUNT(*) FROM notice_publications)
                     + (SELECT COUNT(*) FROM deliveries WHERE event = 'notice_published')""")
                .mapTo(Long.class).one());
    }

    /** After three rounds of the notification jobs: nothing of a notice queued, mailed or posted. */
    void assertToldNothing() throws InterruptedException {
        Thread.sleep(THREE_ROUNDS.toMillis());
        assertThat(inTheOutbox()).as("notice publications and deliveries").isZero();
        assertThat(reportsMailed()).as("incident reports mailed").isZero();
        assertThat(noticesPosted()).as("notices posted to the webhook").isZero();
    }

    /** The one report each subscriber is told of, mailed and posted. */
    void awaitToldOnce() {
        RunningVigil.await(PATIENCE, "the report mailed and posted", () -> reportsMailed() == 1 && noticesPosted() == 1);
    }

    @Override
    public void close() {
        aggregator.close();
    }
}
