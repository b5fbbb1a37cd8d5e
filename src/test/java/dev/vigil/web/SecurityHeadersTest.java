package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every answer carries the security headers: public pages, the console, the API, files and errors alike. */
class SecurityHeadersTest {
    @TempDir
    Path dataDir;

    @Test
    void everyKindOfAnswerCarriesThePolicyAndTheOtherHeaders() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, "components:\n  - {id: api, name: API}\n")) {
            Staff staff = Staff.assemble(vigil);
            List<HttpResponse<String>> answers = List.of(vigil.get("/"), vigil.get("/api/v2/status.json"),
                    vigil.get("/static/vigil.css"), vigil.get("/no-such-page"), vigil.get("/console"),
                    vigil.get("/api/v1/components"), staff.grace().get("/console"), staff.grace().get("/console/incidents"));
            for (HttpResponse<String> answer : answers) {
                String what = answer.request().uri().getPath() + " (" + answer.statusCode() + ")";
                assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what)
                        .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'",
                                "script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
                assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
                assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
                assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).isPresent();
                assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(what + " over plain HTTP")
                        .isEmpty();
            }
        }
    }

    @Test
    void overHttpsBrowsersAreToldToKeepToIt() {
        try (RunningVigil vigil = RunningVigil.start(dataDir, """
                site:
                  name: Secure Status
                  url: https://status.example
                  time_zone: UTC
                components: []
                """)) {
            assertThat(vigil.get("/").headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        }
    }
}
