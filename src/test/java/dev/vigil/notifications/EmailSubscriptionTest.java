package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Email subscriptions against a real SMTP server (GreenMail on a random port), through a real
 * Vigil: Grace subscribes, confirms, gets one mail per update and none after leaving.
 */
class EmailSubscriptionTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://status\\.test(/subscribe/confirm/[A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("http://status\\.test(/unsubscribe/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Database database;
    WebClient grace;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application}
                  - {id: search, name: Search}
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                """.formatted(smtp.getSmtp().getPort()));
        database = vigil.vigil().database();
        grace = new WebClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void graceConfirmsGetsExactlyOneMailForAnUpdateAndNoneAfterUnsubscribing() throws Exception {
        var subscribed = grace.submit("/subscribe", "/subscribe/email", Map.of("email", "Grace@Example.com"));
        assertThat(subscribed.statusCode()).isEqualTo(303);
        assertThat(subscribed.headers().firstValue("Location")).hasValue("/subscribe?sent=email");
        assertThat(grace.get("/subscribe?sent=email").body()).contains("we sent you a mail with a link to confirm");

        MimeMessage confirmation = mail(1);
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("grace@example.com");
        assertThat(confirmation.getSubject()).isEqualTo("[Test Status] Confirm your subscription");
        assertThat(confirmation.getHeader("List-Unsubscribe", null)).startsWith("<http://status.test/unsubscribe/");
        String confirmLink = link(CONFIRM_LINK, confirmation);

        long incident = History.openIncident(database, "Web application is unavailable", "web", Instant.now());
        long beforeConfirming = History.update(database, incident, IncidentStatus.INVESTIGATING, "Not yet for Grace.",
                Instant.now());
        RunningVigil.await(PATIENCE, "the update before confirming to be taken", () -> History.taken(database, beforeConfirming));

        assertThat(grace.get(confirmLink).body()).contains("Confirm your subscription").contains("g***@example.com");
        var confirmed = grace.post(confirmLink, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("You are subscribed");

        long update = History.update(database, incident, IncidentStatus.IDENTIFIED, "A bad deploy; rolling back.",
                Instant.now());
        MimeMessage notice = mail(2);
        long graceId = History.count(database, "SELECT id FROM subscribers WHERE target = 'grace@example.com'");
        String key = "update:" + update + ":sub:" + graceId;
        awaitDelivered(key);
        assertThat(smtp.getReceivedMessages()).as("exactly one notice").hasSize(2);
        assertThat(notice.getSubject()).isEqualTo("[Test Status] Web application is unavailable (Identified)");
        assertThat((String) notice.getContent()).contains("A bad deploy; rolling back.")
                .contains("http://status.test/incidents/" + incident).doesNotContain("Not yet for Grace.");
        assertThat(notice.getHeader(MailSender.KEY_HEADER, null)).isEqualTo(key);
        assertThat(notice.getMessageID()).startsWith("<update." + update + ".sub." + graceId + ".").endsWith("@status.test>");
        assertThat(notice.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribeLink = link(UNSUBSCRIBE_LINK, notice);
        assertThat(notice.getHeader("List-Unsubscribe", null)).isEqualTo("<http://status.test" + unsubscribeLink + ">");

        assertThat(grace.get(unsubscribeLink).body()).contains("Stop sending status updates");
        var left = grace.post(unsubscribeLink, Map.of());
        assertThat(left.body()).contains("You are unsubscribed");

        long afterLeaving = History.update(database, incident, IncidentStatus.RESOLVED, "Fixed.", Instant.now());
        RunningVigil.await(PATIENCE, "the update after leaving to be taken", () -> History.taken(database, afterLeaving));
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries WHERE idempotency_key LIKE 'update:"
                + afterLeaving + ":%'")).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aMailProgramUnsubscribesWithOneClickWithoutAnyCookie() throws Exception {
        String unsubscribeLink = subscribeAndConfirm("ada@example.com");
        HttpClient mailProgram = HttpClient.newHttpClient();

        HttpResponse<String> response = mailProgram.send(HttpRequest.newBuilder(URI.create(vigil.url(unsubscribeLink)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers WHERE removed_at IS NULL")).isZero();
    }

    @Test
    void openingTheLinksAsAMailScannerWouldChangesNothing() throws Exception {
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        String confirmLink = link(CONFIRM_LINK, mail(1));

        grace.get(confirmLink);
        grace.get(confirmLink);

        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers WHERE confirmed_at IS NULL")).isEqualTo(1);
        assertThat(grace.post(confirmLink, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aConfirmationLinkWorksOnce() throws Exception {
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        String confirmLink = link(CONFIRM_LINK, mail(1));
        grace.post(confirmLink, Map.of());

        var again = grace.post(confirmLink, Map.of());

        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("This link no longer works");
    }

    @Test
    void askingAgainBeforeConfirmingSendsANewLinkAndTheOldOneStopsWorking() throws Exception {
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        String first = link(CONFIRM_LINK, mail(1));
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        String second = link(CONFIRM_LINK, mail(2));

        assertThat(second).isNotEqualTo(first);
        assertThat(grace.post(first, Map.of()).statusCode()).isEqualTo(404);
        assertThat(grace.post(second, Map.of()).statusCode()).isEqualTo(200);
        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers")).isEqualTo(1);
    }

    @Test
    void aConfirmedAddressAskingAgainReadsTheSameButGetsNoMail() throws Exception {
        subscribeAndConfirm("grace@example.com");
        WebClient stranger = new WebClient(vigil.url(""));

        var response = stranger.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));

        assertThat(response.headers().firstValue("Location")).hasValue("/subscribe?sent=email");
        Thread.sleep(Notifications.POLL.multipliedBy(2).toMillis());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aBadEmailComesBackWithTheFieldMarkedAndTheChoicesKept() {
        var response = grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace.example.com",
                "component", "search"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("aria-invalid=\"true\"").contains("Enter an email address")
                .contains("value=\"grace.example.com\"")
                .containsPattern("value=\"search\"\\s+checked");
        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers")).isZero();
    }

    @Test
    void anAddressThatWouldAddMailHeadersIsRefused() {
        var response = grace.submit("/subscribe", "/subscribe/email",
                Map.of("email", "grace@example.com\r\nBcc: everyone@example.com"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers")).isZero();
    }

    @Test
    void aComponentThatIsNotOnThePageIsRefused() {
        var response = grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com",
                "component", "payments"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Choose among the components listed");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        var response = grace.post("/subscribe/email", Map.of("email", "grace@example.com"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(History.count(database, "SELECT COUNT(*) FROM subscribers")).isZero();
    }

    @Test
    void aFourthRequestForOneAddressWithinAnHourIsRefused() {
        for (int i = 0; i < Subscriptions.REQUESTS_PER_EMAIL; i++) {
            grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));
        }

        var response = grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("several confirmation links in the last hour");
    }

    @Test
    void aChoiceOfComponentsKeepsOtherComponentsNewsAway() throws Exception {
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com", "component", "search"));
        grace.post(link(CONFIRM_LINK, mail(1)), Map.of());

        long webIncident = History.openIncident(database, "Web application is unavailable", "web", Instant.now());
        History.update(database, webIncident, IncidentStatus.INVESTIGATING, "Web is down.", Instant.now());
        long searchIncident = History.openIncident(database, "Search is slow", "search", Instant.now());
        long searchUpdate = History.update(database, searchIncident, IncidentStatus.INVESTIGATING, "Search is slow.",
                Instant.now());

        MimeMessage notice = mail(2);
        RunningVigil.await(PATIENCE, "both updates to be taken", () -> History.taken(database, searchUpdate));
        assertThat(notice.getSubject()).contains("Search is slow");
        assertThat(History.count(database, "SELECT COUNT(*) FROM deliveries WHERE event = 'incident_update'")).isEqualTo(1);
    }

    private String subscribeAndConfirm(String email) throws Exception {
        grace.submit("/subscribe", "/subscribe/email", Map.of("email", email));
        MimeMessage confirmation = mail(smtp.getReceivedMessages().length + 1);
        grace.post(link(CONFIRM_LINK, confirmation), Map.of());
        return link(UNSUBSCRIBE_LINK, confirmation);
    }

    /** Waits for the count-th mail and returns it. */
    private MimeMessage mail(int count) {
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), count)).as("mail number %d arrives", count).isTrue();
        return smtp.getReceivedMessages()[count - 1];
    }

    private void awaitDelivered(String key) {
        RunningVigil.await(PATIENCE, key + " to be recorded as delivered", () -> History.count(database,
                "SELECT COUNT(*) FROM deliveries WHERE status = 'delivered' AND idempotency_key = '" + key + "'") == 1);
    }

    private static String link(Pattern pattern, MimeMessage message) throws Exception {
        Matcher matcher = pattern.matcher((String) message.getContent());
        assertThat(matcher.find()).as("the mail has a link like %s", pattern).isTrue();
        return matcher.group(1);
    }
}
