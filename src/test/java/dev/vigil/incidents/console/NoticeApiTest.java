package dev.vigil.incidents.console;

import static dev.vigil.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.testing.ApiClient;
import dev.vigil.testing.CustomerViews;
import dev.vigil.testing.RunningVigil;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
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
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    final NoticeAudience audience = new NoticeAudience(smtp);
    RunningVigil vigil;
    ApiClient api;
    String editor;
    String viewer;
    String incident;

    @BeforeEach
    void start() throws Exception {
        vigil = RunningVigil.start(dataDir, audience.yaml());
        audience.subscribe(vigil);
        editor = audience.token("release script", "editor");
        viewer = audience.token("dashboard", "viewer");
        api = new ApiClient(vigil.url(""));
        incident = json(api.post("/api/v1/incidents", editor, """
                {"name": "Checkout is failing", "impact": "major", "body": "Payments fail.",
                 "component_ids": ["web"]}""")).get("id").asText();
        assertThat(api.post("/api/v1/incidents/" + incident + "/updates", editor,
                "{\"status\": \"resolved\", \"body\": \"Payments work again.\"}").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        try (NoticeAudience a = audience) {
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
        audience.assertToldNothing();

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
        audience.awaitToldOnce();
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
}
