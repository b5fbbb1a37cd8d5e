package dev.vigil.incidents.console;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.notifications.WebhookReceiver;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.CustomerViews;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * A script drafts and publishes an incident's notice through /api/v1 with an editor token, while
 * a customer subscribes by email (GreenMail) and an aggregator by webhook: with prompts left,
 * publishing is refused naming each unwritten part and nobody is told anything; once every part
 * is written, it is published and each subscriber is told once.
 */
class NoticeApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** Three rounds of the notification jobs, which run every 2 seconds. */
    private static final Duration THREE_ROUNDS = Duration.ofSeconds(6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API_TOKEN = Pattern.compile("value=\"(vgl_[A-Za-z0-9_-]+)\"");
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://status\\.test(/subscribe/confirm/[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;
    final WebhookReceiver aggregator = WebhookReceiver.start();
    RunningVigil vigil;
    ApiClient api;
    String editor;
    String viewer;
    String incident;

    @BeforeEach
    void start() throws Exception {
        vigil = RunningVigil.start(dataDir, """
                components:
                  - {id: web, name: Web application}
                smtp:
                  host: 127.0.0.1
                  port: %d
                  from: Test Status <status@status.test>
                  starttls: false
                notifications:
                  allow_private_webhooks: true
                """.formatted(smtp.getSmtp().getPort()));
        // With a mail server, invitations are mailed, not shown; Ada alone makes the tokens.
        WebClient ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", Staff.PASSWORD));
        editor = token(ada, "release script", "editor");
        viewer = token(ada, "dashboard", "viewer");
        api = new ApiClient(vigil.url(""));
        subscribeByEmail("grace@example.com");
        assertThat(new WebClient(vigil.url("")).submit("/subscribe", "/subscribe/webhook",
                Map.of("url", aggregator.url())).statusCode()).isEqualTo(200);
        incident = json(api.post("/api/v1/incidents", editor, """
                {"name": "Checkout is failing", "impact": "major", "body": "Payments fail.",
                 "component_ids": ["web"]}""")).get("id").asText();
        assertThat(api.post("/api/v1/incidents/" + incident + "/updates", editor,
                "{\"status\": \"resolved\", \"body\": \"Payments work again.\"}").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        try (WebhookReceiver a = aggregator) {
            vigil.close();
        }
    }

    @Test
    void withPromptsLeftPublishingIsRefusedNamingEachPartUntilTheyAreWrittenThenEachSubscriberIsToldOnce()
            throws Exception {
        JsonNode drafted = json(api.post(notice("/draft"), editor, null));
        assertThat(drafted.get("unwritten_parts").toString()).isEqualTo(
                "[\"What happened\",\"The impact\",\"Why it happened\",\"What we are changing\",\"Our apology\"]");
        String draft = drafted.get("draft").asText().replaceFirst("\\[Write: in two[^\\]]*\\]",
                "For an hour, one payment in five failed.");
        HttpResponse<String> saved = put(draft);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

        HttpResponse<String> refused = api.post(notice("/publish"), editor, null);

        assertThat(refused.statusCode()).isEqualTo(400);
        ApiClient.assertError(refused, "bad_request");
        assertThat(json(refused).get("message").asText()).isEqualTo("Write these parts before publishing: The impact, "
                + "Why it happened, What we are changing, Our apology. Replace each [Write: …] prompt with your own words.");
        JsonNode after = json(api.get(notice(""), viewer));
        assertThat(after.get("body").isNull()).isTrue();
        assertThat(after.get("published_at").isNull()).isTrue();
        assertThat(CustomerViews.of(vigil, Long.parseLong(incident))).doesNotContain("Incident report")
                .doesNotContain("one payment in five").doesNotContain("[Write:");
        Thread.sleep(THREE_ROUNDS.toMillis());
        assertThat(count("SELECT COUNT(*) FROM notice_publications")).isZero();
        assertThat(count("SELECT COUNT(*) FROM deliveries WHERE event = 'notice_published'")).isZero();
        assertThat(reportsMailed()).isZero();
        assertThat(noticesPosted()).isZero();

        String written = draft.replaceFirst("\\[Write: who was[^\\]]*\\]", "Card payments; no data was lost.")
                .replaceFirst("\\[Write: the cause[^\\]]*\\]", "A release went out without its settings.")
                .replaceFirst("\\[Write: the concrete[^\\]]*\\]", "Releases check their settings first.")
                .replaceFirst("\\[Write: say sorry[^\\]]*\\]", "We are sorry: some of you could not pay.");
        assertThat(json(put(written)).get("unwritten_parts").size()).isZero();
        HttpResponse<String> published = api.post(notice("/publish"), editor, null);

        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(json(published).get("body").asText()).isEqualTo(written.strip());
        assertThat(json(published).get("unpublished_changes").asBoolean()).isFalse();
        assertThat(CustomerViews.of(vigil, Long.parseLong(incident))).contains("Incident report")
                .contains("We are sorry: some of you could not pay.").doesNotContain("[Write:");
        RunningVigil.await(PATIENCE, "the report mailed and posted", () -> reportsMailed() == 1 && noticesPosted() == 1);
    }

    @Test
    void aViewerTokenReadsTheNoticeButCannotDraftSaveOrPublishIt() {
        assertThat(api.post(notice("/draft"), editor, null).statusCode()).isEqualTo(200);

        assertThat(api.get(notice(""), viewer).statusCode()).isEqualTo(200);
        assertThat(api.post(notice("/draft"), viewer, null).statusCode()).isEqualTo(403);
        assertThat(put(viewer, "Hijacked.").statusCode()).isEqualTo(403);
        assertThat(api.post(notice("/publish"), viewer, null).statusCode()).isEqualTo(403);
        assertThat(api.post(notice("/publish"), null, null).statusCode()).isEqualTo(401);
        assertThat(json(api.get(notice(""), viewer)).get("draft").asText()).doesNotContain("Hijacked");
        assertThat(api.get("/api/v1/incidents/999999/notice", viewer).statusCode()).isEqualTo(404);
    }

    @Test
    void anOpenIncidentsNoticeIsNotDraftedAndAnEmptyDraftIsNotSaved() {
        String open = json(api.post("/api/v1/incidents", editor, "{\"name\": \"Still going\", \"body\": \"Looking.\"}"))
                .get("id").asText();

        HttpResponse<String> early = api.post("/api/v1/incidents/" + open + "/notice/draft", editor, null);
        HttpResponse<String> empty = put(" \n");

        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(json(early).get("message").asText()).contains("Resolve the incident before drafting its notice");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json(empty).at("/fields/draft").asText()).isNotBlank();
    }

    private static String token(WebClient admin, String name, String role) {
        HttpResponse<String> created = admin.submit("/console/tokens", "/console/tokens", Map.of("name", name,
                "role", role));
        Matcher token = API_TOKEN.matcher(created.body());
        assertThat(token.find()).as("a token shown (%d)", created.statusCode()).isTrue();
        return token.group(1);
    }

    private String notice(String rest) {
        return "/api/v1/incidents/" + incident + "/notice" + rest;
    }

    private HttpResponse<String> put(String draft) {
        return put(editor, draft);
    }

    private HttpResponse<String> put(String token, String draft) {
        try {
            return api.send("PUT", notice(""), token, "application/json",
                    JSON.writeValueAsString(Map.of("draft", draft)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return vigil.vigil().database().read(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private long reportsMailed() {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains("Incident report");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private long noticesPosted() {
        return aggregator.posts().stream().filter(p -> "notice_published".equals(p.header("X-Vigil-Event"))).count();
    }

    private void subscribeByEmail(String email) throws Exception {
        WebClient person = new WebClient(vigil.url(""));
        person.submit("/subscribe", "/subscribe/email", Map.of("email", email));
        assertThat(smtp.waitForIncomingEmail(PATIENCE.toMillis(), 1)).as("the confirmation mail").isTrue();
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        Matcher link = CONFIRM_LINK.matcher((String) confirmation.getContent());
        assertThat(link.find()).isTrue();
        assertThat(person.post(link.group(1), Map.of()).statusCode()).isEqualTo(200);
    }
}
