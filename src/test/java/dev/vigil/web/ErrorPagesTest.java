package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors reach a browser as a page with a way back, scripts as one plain line, the API as JSON. */
class ErrorPagesTest {
    @RegisterExtension
    final FreshVigil<Void> vigil = FreshVigil.configured("""
            components:
              - id: web
                name: Web application
            """);

    @Test
    void aMissingIncidentIsAPageThatLeadsBackToTheStatusPage() {
        HttpResponse<String> page = reader().getPage("/incidents/99999");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>Not found</h1>", "No incident 99999", "href=\"/\"", "Go to the status page")
                .contains("/static/vigil.css");
    }

    @Test
    void anUnknownAddressIsAPageToo() {
        HttpResponse<String> page = reader().getPage("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Not found</h1>", "Error 404");
    }

    @Test
    void badInputInTheConsoleIsAPageThatLeadsBackToTheConsole() {
        WebClient ada = firstAdmin();

        HttpResponse<String> page = ada.getPage("/console/metrics?months=7");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("That request could not be used", "months must be 3, 6 or 12",
                "href=\"/console\"", "Back to the console");
    }

    @Test
    void whatTheAddressCarriesIsShownEscaped() {
        WebClient ada = firstAdmin();

        HttpResponse<String> page = ada.getPage("/console/postmortems/%3Cb%3Ebold%3C%2Fb%3E");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("&lt;b&gt;bold&lt;/b&gt;").doesNotContain("<b>bold</b>");
    }

    @Test
    void scriptsGetOnePlainLineAndTheApiGetsJson() {
        HttpResponse<String> plain = reader().get("/incidents/99999");
        HttpResponse<String> api = reader().getPage("/api/v1/incidents");

        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(plain.body()).isEqualTo("No incident 99999");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).startsWith("{").contains("\"error\"");
    }

    private WebClient reader() {
        return new WebClient(vigil.url(""));
    }

    private WebClient firstAdmin() {
        WebClient ada = new WebClient(vigil.url(""));
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com",
                "password", Staff.PASSWORD));
        return ada;
    }
}
