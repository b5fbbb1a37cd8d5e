package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Joining by invitation, through the real pages. Ada invites; a stranger opens the link. */
class InvitationTest {
    @TempDir
    Path dataDir;
    MovableClock clock = new MovableClock();
    RunningVigil vigil;
    Staff staff;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components: []\n", Map.of(), clock);
        staff = Staff.assemble(vigil);
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theAdminIsShownTheLinkOnce() {
        var created = staff.ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "Linus@Example.com", "role", "editor"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("http://status.test/invite/").contains("linus@example.com")
                .contains("Copy this link now");
        assertThat(staff.ada().get("/console/users").body()).contains("linus@example.com")
                .doesNotContain("/invite/");
    }

    @Test
    void aStrangerJoinsWithTheInvitedRoleAndIsSignedIn() {
        String link = staff.invite("linus@example.com", "editor");
        WebClient stranger = staff.browser();

        var page = stranger.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("linus@example.com").contains("Editor:");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        var joined = stranger.submit(link, link, Map.of("name", "Linus Torvalds", "password", Staff.PASSWORD));

        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location")).hasValue("/console");
        assertThat(stranger.get("/console").body()).contains("Linus Torvalds (editor)");
    }

    @Test
    void theLinkWorksOnlyOnce() {
        String link = staff.invite("linus@example.com", "viewer");
        staff.join(link, "Linus Torvalds");
        WebClient second = staff.browser();

        var again = second.get(link);

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        var replay = second.post(link, Map.of("name", "Mallory", "password", Staff.PASSWORD, "_csrf", "x"));
        assertThat(replay.statusCode()).isEqualTo(403);
    }

    @Test
    void aSpentLinkCannotBeReplayedWithAValidForm() {
        String link = staff.invite("linus@example.com", "viewer");
        WebClient first = staff.browser();
        WebClient second = staff.browser();
        var firstForm = first.get(link);
        var secondForm = second.get(link);
        assertThat(firstForm.statusCode()).isEqualTo(200);
        assertThat(secondForm.statusCode()).isEqualTo(200);

        first.submit(link, link, Map.of("name", "Linus", "password", Staff.PASSWORD));
        var late = second.post(link, Map.of("name", "Mallory", "password", Staff.PASSWORD,
                "_csrf", csrfOf(secondForm.body())));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("already");
    }

    @Test
    void anExpiredLinkShowsAClearPage() {
        String link = staff.invite("linus@example.com", "viewer");

        clock.advance(Invitations.LIFETIME.plusMinutes(1));
        var expired = staff.browser().get(link);

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This invitation has expired").contains("7 days");
    }

    @Test
    void anUnknownLinkIsNotFoundWithoutAnError() {
        var unknown = staff.browser().get("/invite/not-a-real-token");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invitation link is not valid").doesNotContain("Exception");
    }

    @Test
    void aShortPasswordIsRefusedAndTheLinkStaysUsable() {
        String link = staff.invite("linus@example.com", "viewer");
        WebClient stranger = staff.browser();

        var refused = stranger.submit(link, link, Map.of("name", "Linus", "password", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("at least 12 characters")
                .contains("value=\"Linus\"");
        assertThat(stranger.submit(link, link, Map.of("name", "Linus", "password", Staff.PASSWORD)).statusCode())
                .isEqualTo(303);
    }

    @Test
    void theJoinFormNeedsItsFormToken() {
        String link = staff.invite("linus@example.com", "viewer");

        var forged = staff.browser().post(link, Map.of("name", "Linus", "password", Staff.PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(staff.browser().get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void someoneWithAnAccountCannotBeInvitedAgain() {
        var refused = staff.ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "grace@example.com", "role", "admin"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("grace@example.com already has an account").contains("aria-invalid=\"true\"");
    }

    @Test
    void anInvalidEmailIsMarked() {
        var refused = staff.ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "not an email", "role", "viewer"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter an email address").contains("value=\"not an email\"");
    }

    @Test
    void pendingInvitationsAreListedUntilUsed() {
        String link = staff.invite("linus@example.com", "editor");
        assertThat(staff.ada().get("/console/users").body()).contains("Pending invitations").contains("linus@example.com");

        staff.join(link, "Linus Torvalds");

        assertThat(staff.ada().get("/console/users").body()).contains("No invitations are waiting");
    }

    @Test
    void theAuditLogRecordsInvitationsMadeAndAccepted() {
        assertThat(staff.ada().get("/console/audit").body())
                .contains("invitation.created").contains("invitation.accepted").contains("victor@example.com as viewer");
    }

    private static String csrfOf(String page) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
