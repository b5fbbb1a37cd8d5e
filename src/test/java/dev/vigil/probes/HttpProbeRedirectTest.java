package dev.vigil.probes;

import static dev.vigil.probes.ProbeUnderTest.probing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpProbeRedirectTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void followsRelativeAbsolutePathAndFullUrlRedirectsToTheFinalAnswer() {
        server.redirect("/old/start", "next")
                .redirect("/old/next", "/moved")
                .redirect("/moved", server.url("/final").toString())
                .respond("/final", 200, "all ok");

        CheckResult result = probing(server.url("/old/start")).expectBodyContaining("all ok").check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.statusCode()).isEqualTo(200);
    }

    @Test
    void reportsTheStatusOfTheFinalResponseAfterRedirects() {
        server.redirect("/start", "/broken").respond("/broken", 500, "oops");

        CheckResult result = probing(server.url("/start")).check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("status 500, expected 200");
        assertThat(result.statusCode()).isEqualTo(500);
    }

    @Test
    void reportsARedirectLoopWithItsChain() {
        server.redirect("/a", "/b").redirect("/b", "/a");

        CheckResult result = probing(server.url("/a")).check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("redirect loop: /a → /b → /a");
        assertThat(result.statusCode()).isEqualTo(302);
    }

    @Test
    void followsTenRedirects() {
        redirectChainEndingAt(12);

        CheckResult result = probing(server.url("/r2")).check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void givesUpAfterTenRedirects() {
        redirectChainEndingAt(12);

        CheckResult result = probing(server.url("/r1")).check();

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.reason()).isEqualTo("more than 10 redirects");
    }

    @Test
    void checksTheRedirectItselfWhenARedirectStatusIsExpected() {
        server.redirect("/short-link", "/nowhere");

        CheckResult result = probing(server.url("/short-link")).expectStatus(302).check();

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.statusCode()).isEqualTo(302);
    }

    /** "/r1" redirects to "/r2" and so on; "/r{last}" answers 200. */
    private void redirectChainEndingAt(int last) {
        for (int i = 1; i < last; i++) {
            server.redirect("/r" + i, "/r" + (i + 1));
        }
        server.respond("/r" + last, 200, "ok");
    }
}
