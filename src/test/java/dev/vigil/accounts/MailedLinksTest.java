package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a mail server configured (GreenMail on a random port), Ada's invitations and reset links go
 * by mail through the outbox instead of onto her page, and the mailed links work.
 */
class MailedLinksTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern INVITE_LINK = Pattern.compile("http://status\\.test(/invite/[A-Za-z0-9_-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("http://status\\.test(/reset/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    WebClient ada;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application}
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                """.formatted(smtp.getSmtp().getPort()));
        ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", Staff.PASSWORD));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void graceIsInvitedByMailAcceptsAndSignsIn() throws Exception {
        HttpResponse<String> invited = ada.submit("/console/users", "/console/users/invitations",
                Map.of("email", "grace@example.com", "role", "editor"));

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("sent to grace@example.com").doesNotContain("/invite/");
        MimeMessage mail = mail(1);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("grace@example.com");
        assertThat(mail.getSubject()).isEqualTo("[Test Status] You are invited to join the team");
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        String invitePath = link(INVITE_LINK, mail);

        WebClient grace = new WebClient(vigil.url(""));
        assertThat(grace.get(invitePath).statusCode()).isEqualTo(200);
        var joined = grace.submit(invitePath, invitePath, Map.of("name", "Grace Hopper", "password", Staff.PASSWORD));
        assertThat(joined.statusCode()).isEqualTo(303);

        WebClient later = new WebClient(vigil.url(""));
        var signedIn = later.submit("/sign-in", "/sign-in", Map.of("email", "grace@example.com",
                "password", Staff.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(later.get("/console").statusCode()).isEqualTo(200);
        assertThat(later.get("/console").body()).contains("Grace Hopper");
    }

    @Test
    void theOutboxForgetsTheLinkOnceItIsSent() throws Exception {
        ada.submit("/console/users", "/console/users/invitations", Map.of("email", "grace@example.com", "role", "viewer"));
        String invitePath = link(INVITE_LINK, mail(1));

        RunningVigil.await(PATIENCE, "the invitation to be recorded as delivered", () -> vigil.vigil().database()
                .read(handle -> handle.createQuery("SELECT COUNT(*) FROM deliveries WHERE event = 'account_link' "
                        + "AND status = 'delivered'").mapTo(Long.class).one()) == 1);

        String payload = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT payload FROM deliveries WHERE event = 'account_link'").mapTo(String.class).one());
        assertThat(payload).doesNotContain(invitePath).contains("removed after sending");
    }

    @Test
    void aResetLinkIsMailedAndSetsTheNewPassword() throws Exception {
        ada.submit("/console/users", "/console/users/invitations", Map.of("email", "grace@example.com", "role", "editor"));
        String invitePath = link(INVITE_LINK, mail(1));
        new WebClient(vigil.url("")).submit(invitePath, invitePath, Map.of("name", "Grace Hopper",
                "password", Staff.PASSWORD));
        long graceId = vigil.vigil().database().read(handle -> handle.createQuery(
                "SELECT id FROM users WHERE email = 'grace@example.com'").mapTo(Long.class).one());

        var issued = ada.submit("/console/users", "/console/users/" + graceId + "/reset-link", Map.of());

        assertThat(issued.body()).contains("sent to grace@example.com").doesNotContain("/reset/");
        MimeMessage mail = mail(2);
        assertThat(mail.getSubject()).isEqualTo("[Test Status] Choose a new password");
        String resetPath = link(RESET_LINK, mail);
        WebClient grace = new WebClient(vigil.url(""));
        assertThat(grace.submit(resetPath, resetPath, Map.of("password", "a-brand-new-password")).statusCode())
                .isEqualTo(303);
        WebClient later = new WebClient(vigil.url(""));
        later.submit("/sign-in", "/sign-in", Map.of("email", "grace@example.com", "password", "a-brand-new-password"));
        assertThat(later.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvitationWhoseMailTheOutboxRefusesLeavesNoInvitationBehind() throws Exception {
        // The sign-up rule takes any a@b.c, but no mail can be sent to a local part with "..".
        HttpResponse<String> refused = ada.submit("/console/users", "/console/users/invitations",
                Map.of("email", "grace..hopper@example.com", "role", "editor"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("No mail can be sent to grace..hopper@example.com")
                .contains("aria-invalid=\"true\"");
        assertThat(count("SELECT COUNT(*) FROM invitations")).isZero();
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'invitation.created'")).isZero();
        Thread.sleep(2_000);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private long count(String sql) {
        return vigil.vigil().database().read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    private MimeMessage mail(int count) {
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), count)).as("mail number %d arrives", count).isTrue();
        return smtp.getReceivedMessages()[count - 1];
    }

    private static String link(Pattern pattern, MimeMessage message) throws Exception {
        Matcher matcher = pattern.matcher((String) message.getContent());
        assertThat(matcher.find()).as("the mail has a link like %s", pattern).isTrue();
        return matcher.group(1);
    }
}
