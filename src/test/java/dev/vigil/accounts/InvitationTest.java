package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Joining by invitation, through the real pages. Ada invites; a stranger opens the link. */
class InvitationTest {
    final MovableClock clock = new MovableClock();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("components: []\n").onClock(clock);

    @Test
    void theAdminIsShownTheLinkOnce() {
        var created = vigil.staff().ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "Linus@Example.com", "role", "editor"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("http://status.test/invite/").contains("linus@example.com")
                .contains("Copy this link now");
        assertThat(vigil.staff().ada().get("/console/users").body()).contains("linus@example.com")
                .doesNotContain("/invite/");
    }

    @Test
    void aStrangerJoinsWithTheInvitedRoleAndIsSignedIn() {
        String link = vigil.staff().invite("linus@example.com", "editor");
        WebClient stranger = vigil.staff().browser();

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
        String link = vigil.staff().invite("linus@example.com", "viewer");
        vigil.staff().join(link, "Linus Torvalds");
        WebClient second = vigil.staff().browser();

        var again = second.get(link);

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
        var replay = second.post(link, Map.of("name", "Mallory", "password", Staff.PASSWORD, "_csrf", "x"));
        assertThat(replay.statusCode()).isEqualTo(403);
    }

    @Test
    void aSpentLinkCannotBeReplayedWithAValidForm() {
        String link = vigil.staff().invite("linus@example.com", "viewer");
        WebClient first = vigil.staff().browser();
        WebClient second = vigil.staff().browser();
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
        String link = vigil.staff().invite("linus@example.com", "viewer");

        clock.advance(Invitations.LIFETIME.plusMinutes(1));
        var expired = vigil.staff().browser().get(link);

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This invitation has expired").contains("7 days");
    }

    @Test
    void anUnknownLinkIsNotFoundWithoutAnError() {
        var unknown = vigil.staff().browser().get("/invite/not-a-real-token");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This invitation link is not valid").doesNotContain("Exception");
    }

    @Test
    void aShortPasswordIsRefusedAndTheLinkStaysUsable() {
        String link = vigil.staff().invite("linus@example.com", "viewer");
        WebClient stranger = vigil.staff().browser();

        var refused = stranger.submit(link, link, Map.of("name", "Linus", "password", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("at least 12 characters")
                .contains("value=\"Linus\"");
        assertThat(stranger.submit(link, link, Map.of("name", "Linus", "password", Staff.PASSWORD)).statusCode())
                .isEqualTo(303);
    }

    @Test
    void theJoinFormNeedsItsFormToken() {
        String link = vigil.staff().invite("linus@example.com", "viewer");

        var forged = vigil.staff().browser().post(link, Map.of("name", "Linus", "password", Staff.PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(vigil.staff().browser().get(link).statusCode()).isEqualTo(200);
    }

    @Test
    void someoneWithAnAccountCannotBeInvitedAgain() {
        var refused = vigil.staff().ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "grace@example.com", "role", "admin"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("grace@example.com already has an account")
                .contains("aria-invalid=\"true\"");
    }

    @Test
    void anInvalidEmailIsMarked() {
        var refused = vigil.staff().ada().submit("/console/users", "/console/users/invitations",
                Map.of("email", "not an email", "role", "viewer"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enter an email address").contains("value=\"not an email\"");
    }

    @Test
    void pendingInvitationsAreListedUntilUsed() {
        String link = vigil.staff().invite("linus@example.com", "editor");
        assertThat(vigil.staff().ada().get("/console/users").body()).contains("Pending invitations")
                .contains("linus@example.com");

        vigil.staff().join(link, "Linus Torvalds");

        assertThat(vigil.staff().ada().get("/console/users").body()).contains("No invitations are waiting");
    }

    @Test
    void theAuditLogRecordsInvitationsMadeAndAccepted() {
        assertThat(vigil.staff().ada().get("/console/audit").body())
                .contains("invitation.created").contains("invitation.accepted")
                .contains("victor@example.com as viewer");
    }

    private static String csrfOf(String page) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
