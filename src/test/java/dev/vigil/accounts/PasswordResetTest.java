package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.FreshVigil;
import dev.vigil.testing.MovableClock;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reset links an admin makes, and people changing their own password. Grace forgets hers. */
class PasswordResetTest {
    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

    final MovableClock clock = new MovableClock();
    @RegisterExtension
    final FreshVigil<Staff> vigil = FreshVigil.withStaff("components: []\n").onClock(clock);

    @Test
    void aResetLinkSetsANewPasswordAndEndsEveryOldSession() {
        WebClient graceLaptop = vigil.staff().signIn("grace@example.com", Staff.PASSWORD);
        assertThat(graceLaptop.get("/console").statusCode()).isEqualTo(200);
        String link = vigil.staff().resetLink("grace@example.com");
        WebClient stranger = vigil.staff().browser();

        var form = stranger.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("grace@example.com");
        var reset = stranger.submit(link, link, Map.of("password", NEW_PASSWORD));

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(stranger.get("/console").body()).contains("Grace Hopper (editor)");
        assertThat(vigil.staff().grace().get("/console").statusCode()).isEqualTo(303);
        assertThat(graceLaptop.get("/console").statusCode()).isEqualTo(303);
        assertThat(vigil.staff().signIn("grace@example.com", Staff.PASSWORD).get("/console").statusCode())
                .isEqualTo(303);
        assertThat(vigil.staff().signIn("grace@example.com", NEW_PASSWORD).get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminIsShownTheResetLinkOnce() {
        long grace = vigil.staff().idOf("grace@example.com");
        var shown = vigil.staff().ada().submit("/console/users", "/console/users/" + grace + "/reset-link", Map.of());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("http://status.test/reset/").contains("Grace Hopper (grace@example.com)");
    }

    @Test
    void aResetLinkWorksOnlyOnce() {
        String link = vigil.staff().resetLink("grace@example.com");
        vigil.staff().browser().submit(link, link, Map.of("password", NEW_PASSWORD));

        var again = vigil.staff().browser().get(link);

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void usingOneResetLinkSpendsTheUsersOlderOnes() {
        String older = vigil.staff().resetLink("grace@example.com");
        String newer = vigil.staff().resetLink("grace@example.com");

        vigil.staff().browser().submit(newer, newer, Map.of("password", NEW_PASSWORD));

        assertThat(vigil.staff().browser().get(older).statusCode()).isEqualTo(410);
    }

    @Test
    void anExpiredResetLinkShowsAClearPage() {
        String link = vigil.staff().resetLink("grace@example.com");

        clock.advance(PasswordResets.LIFETIME.plusMinutes(1));
        var expired = vigil.staff().browser().get(link);

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This reset link has expired");
    }

    @Test
    void anUnknownResetLinkIsNotFound() {
        var unknown = vigil.staff().browser().get("/reset/guess");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This reset link is not valid");
    }

    @Test
    void aShortNewPasswordIsRefusedAndTheLinkStaysUsable() {
        String link = vigil.staff().resetLink("grace@example.com");
        WebClient stranger = vigil.staff().browser();

        var refused = stranger.submit(link, link, Map.of("password", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("at least 12 characters");
        assertThat(vigil.staff().grace().get("/console").statusCode()).isEqualTo(200);
        assertThat(stranger.submit(link, link, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void aDisabledUserGetsNoResetLink() {
        long grace = vigil.staff().idOf("grace@example.com");
        vigil.staff().ada().submit("/console/users", "/console/users/" + grace + "/disable", Map.of());

        var refused = vigil.staff().ada().submit("/console/users", "/console/users/" + grace + "/reset-link", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Grace Hopper is disabled");
    }

    @Test
    void peopleChangeTheirOwnPasswordWithTheCurrentOne() {
        WebClient victorPhone = vigil.staff().signIn("victor@example.com", Staff.PASSWORD);

        var changed = vigil.staff().victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", Staff.PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/console/account?changed");
        assertThat(vigil.staff().victor().get("/console/account?changed").body()).contains("Your password was changed");
        assertThat(victorPhone.get("/console").statusCode()).isEqualTo(303);
        assertThat(vigil.staff().signIn("victor@example.com", NEW_PASSWORD).get("/console").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsMarked() {
        var refused = vigil.staff().victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", "not-my-password", "new_password", NEW_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That is not your current password").contains("aria-invalid=\"true\"");
        assertThat(vigil.staff().signIn("victor@example.com", Staff.PASSWORD).get("/console").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theAuditLogRecordsResetsAndPasswordChanges() {
        String link = vigil.staff().resetLink("grace@example.com");
        vigil.staff().browser().submit(link, link, Map.of("password", NEW_PASSWORD));
        vigil.staff().victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", Staff.PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(vigil.staff().ada().get("/console/audit").body())
                .contains("password_reset.created").contains("password_reset.used").contains("password.changed");
    }
}
