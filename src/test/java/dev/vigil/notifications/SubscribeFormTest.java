package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public subscription forms on a Vigil without a mail server and with the default refusal of
 * private webhook addresses. Whatever is typed, the answer is the form again with the field
 * marked, never an error page.
 */
class SubscribeFormTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;
    WebClient visitor;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components:\n  - {id: web, name: Web application, group: Tracker}\n");
        visitor = new WebClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void thePublicPageLinksToTheSubscriptionPage() {
        assertThat(vigil.get("/").body()).contains("href=\"/subscribe\"");
        assertThat(vigil.get("/subscribe").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAMailServerThePageSaysEmailIsNotAvailableAndOffersWebhooks() {
        String page = visitor.get("/subscribe").body();

        assertThat(page).contains("Updates by email are not available on this page")
                .doesNotContain("action=\"/subscribe/email\"")
                .contains("action=\"/subscribe/webhook\"")
                .contains("value=\"web\"");
    }

    @Test
    void anEmailPostedAnywayIsRefusedWithTheReason() {
        var response = visitor.submit("/subscribe", "/subscribe/email", Map.of("email", "grace@example.com"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no mail server is configured");
        assertThat(History.count(vigil.vigil().database(), "SELECT COUNT(*) FROM subscribers")).isZero();
    }

    @Test
    void aWebhookIntoVigilsOwnNetworkIsRefused() {
        var response = visitor.submit("/subscribe", "/subscribe/webhook",
                Map.of("url", "http://127.0.0.1:" + vigil.vigil().port() + "/console"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("aria-invalid=\"true\"").contains("private or local network");
        assertThat(History.count(vigil.vigil().database(), "SELECT COUNT(*) FROM subscribers")).isZero();
    }

    @ParameterizedTest(name = "url={0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''
            not a url
            javascript:alert(1)
            ftp://files.example.com/hook
            https://user:password@hooks.example.com/
            https:///no-host
            """)
    void aWebhookUrlThatIsNotHttpWithAHostIsRefusedWithTheFieldMarked(String url) {
        var response = visitor.submit("/subscribe", "/subscribe/webhook", Map.of("url", url == null ? "" : url));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Enter an http or https URL with a host").contains("aria-invalid=\"true\"");
    }

    @Test
    void aVeryLongWebhookUrlIsRefusedNotStored() {
        var response = visitor.submit("/subscribe", "/subscribe/webhook",
                Map.of("url", "https://hooks.example.com/" + "a".repeat(3000)));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void unknownLinksAnswerWithAPageNotAnError() {
        assertThat(visitor.get("/subscribe/confirm/not-a-token").statusCode()).isEqualTo(404);
        assertThat(visitor.post("/subscribe/confirm/" + "x".repeat(43), Map.of()).statusCode()).isEqualTo(404);
        var unsubscribe = visitor.post("/unsubscribe/" + "x".repeat(43), Map.of());
        assertThat(unsubscribe.statusCode()).isEqualTo(404);
        assertThat(unsubscribe.body()).contains("This link is not known");
    }
}
