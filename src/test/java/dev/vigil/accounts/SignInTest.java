package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-run setup, sign-in, sessions and CSRF, through a real server. Ada is the first admin. */
class SignInTest {
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path dataDir;
    RunningVigil vigil;
    WebClient browser;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components: []\n");
        browser = new WebClient(vigil.url(""));
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var response = browser.get("/console");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/sign-in?next=%2Fconsole");
    }

    @Test
    void signInOffersFirstRunSetupWhenNobodyHasAnAccount() {
        var response = browser.get("/sign-in");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValue("/setup");
    }

    @Test
    void theFirstAdminIsCreatedAndSignedIn() {
        var created = setUpAda();

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(browser.get("/console").body()).contains("Ada Lovelace (admin)");
    }

    @Test
    void setupCannotBeRunTwice() {
        setUpAda();
        WebClient intruder = new WebClient(vigil.url(""));

        assertThat(intruder.get("/setup").statusCode()).isEqualTo(303);
        var second = intruder.post("/setup", Map.of("name", "Mallory", "email", "m@example.com", "password", PASSWORD));
        assertThat(second.statusCode()).isEqualTo(403);
    }

    @Test
    void aShortPasswordIsRefusedWithTheFieldMarked() {
        var response = browser.submit("/setup", "/setup",
                Map.of("name", "Ada", "email", "ada@example.com", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("aria-invalid=\"true\"").contains("at least 12 characters")
                .contains("value=\"ada@example.com\"");
    }

    @Test
    void aWrongPasswordDoesNotSignIn() {
        setUpAda();
        WebClient stranger = new WebClient(vigil.url(""));

        var response = stranger.submit("/sign-in", "/sign-in", Map.of("email", "ada@example.com", "password", "wrong-password-1"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("do not match");
        assertThat(stranger.get("/console").statusCode()).isEqualTo(303);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAWhile() {
        setUpAda();
        WebClient guesser = new WebClient(vigil.url(""));
        for (int i = 0; i < Accounts.FAILURES_PER_ACCOUNT; i++) {
            guesser.submit("/sign-in", "/sign-in", Map.of("email", "ada@example.com", "password", "guess-number-" + i));
        }

        var rightPassword = guesser.submit("/sign-in", "/sign-in", Map.of("email", "ada@example.com", "password", PASSWORD));

        assertThat(rightPassword.statusCode()).isEqualTo(400);
        assertThat(rightPassword.body()).contains("Too many failed sign-ins");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        setUpAda();

        assertThat(browser.post("/console/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        setUpAda();

        var out = browser.submit("/console", "/console/sign-out", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
    }

    @Test
    void aSessionSurvivesARestart() {
        setUpAda();
        int port = vigil.vigil().port();
        vigil.close();

        vigil = RunningVigil.start(dataDir, "components: []\n", Map.of("VIGIL_PORT", Integer.toString(port)));

        assertThat(browser.get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditLogRecordsSignIns() {
        setUpAda();

        assertThat(browser.get("/console/audit").body()).contains("session.signed_in").contains("user.created");
    }

    @Test
    void signInNeverRedirectsToAnotherSite() {
        setUpAda();
        WebClient other = new WebClient(vigil.url(""));

        var response = other.submit("/sign-in?next=//evil.example/", "/sign-in",
                Map.of("email", "ada@example.com", "password", PASSWORD, "next", "https://evil.example/"));

        assertThat(response.headers().firstValue("Location")).hasValue("/console");
    }

    private java.net.http.HttpResponse<String> setUpAda() {
        return browser.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "password", PASSWORD));
    }
}
