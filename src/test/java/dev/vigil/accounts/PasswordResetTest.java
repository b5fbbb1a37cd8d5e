package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.MovableClock;
import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import dev.vigil.testing.WebClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reset links an admin makes, and people changing their own password. Grace forgets hers. */
class PasswordResetTest {
    private static final String NEW_PASSWORD = "a-brand-new-passphrase";

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
    void aResetLinkSetsANewPasswordAndEndsEveryOldSession() {
        WebClient graceLaptop = staff.signIn("grace@example.com", Staff.PASSWORD);
        assertThat(graceLaptop.get("/console").statusCode()).isEqualTo(200);
        String link = staff.resetLink("grace@example.com");
        WebClient stranger = staff.browser();

        var form = stranger.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("grace@example.com");
        var reset = stranger.submit(link, link, Map.of("password", NEW_PASSWORD));

        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(stranger.get("/console").body()).contains("Grace Hopper (editor)");
        assertThat(staff.grace().get("/console").statusCode()).isEqualTo(303);
        assertThat(graceLaptop.get("/console").statusCode()).isEqualTo(303);
        assertThat(staff.signIn("grace@example.com", Staff.PASSWORD).get("/console").statusCode()).isEqualTo(303);
        assertThat(staff.signIn("grace@example.com", NEW_PASSWORD).get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminIsShownTheResetLinkOnce() {
        var shown = staff.ada().submit("/console/users", "/console/users/" + staff.idOf("grace@example.com") + "/reset-link",
                Map.of());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("http://status.test/reset/").contains("Grace Hopper (grace@example.com)");
    }

    @Test
    void aResetLinkWorksOnlyOnce() {
        String link = staff.resetLink("grace@example.com");
        staff.browser().submit(link, link, Map.of("password", NEW_PASSWORD));

        var again = staff.browser().get(link);

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already been used");
    }

    @Test
    void usingOneResetLinkSpendsTheUsersOlderOnes() {
        String older = staff.resetLink("grace@example.com");
        String newer = staff.resetLink("grace@example.com");

        staff.browser().submit(newer, newer, Map.of("password", NEW_PASSWORD));

        assertThat(staff.browser().get(older).statusCode()).isEqualTo(410);
    }

    @Test
    void anExpiredResetLinkShowsAClearPage() {
        String link = staff.resetLink("grace@example.com");

        clock.advance(PasswordResets.LIFETIME.plusMinutes(1));
        var expired = staff.browser().get(link);

        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This reset link has expired");
    }

    @Test
    void anUnknownResetLinkIsNotFound() {
        var unknown = staff.browser().get("/reset/guess");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This reset link is not valid");
    }

    @Test
    void aShortNewPasswordIsRefusedAndTheLinkStaysUsable() {
        String link = staff.resetLink("grace@example.com");
        WebClient stranger = staff.browser();

        var refused = stranger.submit(link, link, Map.of("password", "short"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("aria-invalid=\"true\"").contains("at least 12 characters");
        assertThat(staff.grace().get("/console").statusCode()).isEqualTo(200);
        assertThat(stranger.submit(link, link, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void aDisabledUserGetsNoResetLink() {
        long grace = staff.idOf("grace@example.com");
        staff.ada().submit("/console/users", "/console/users/" + grace + "/disable", Map.of());

        var refused = staff.ada().submit("/console/users", "/console/users/" + grace + "/reset-link", Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Grace Hopper is disabled");
    }

    @Test
    void peopleChangeTheirOwnPasswordWithTheCurrentOne() {
        WebClient victorPhone = staff.signIn("victor@example.com", Staff.PASSWORD);

        var changed = staff.victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", Staff.PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location")).hasValue("/console/account?changed");
        assertThat(staff.victor().get("/console/account?changed").body()).contains("Your password was changed");
        assertThat(victorPhone.get("/console").statusCode()).isEqualTo(303);
        assertThat(staff.signIn("victor@example.com", NEW_PASSWORD).get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsMarked() {
        var refused = staff.victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", "not-my-password", "new_password", NEW_PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That is not your current password").contains("aria-invalid=\"true\"");
        assertThat(staff.signIn("victor@example.com", Staff.PASSWORD).get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditLogRecordsResetsAndPasswordChanges() {
        String link = staff.resetLink("grace@example.com");
        staff.browser().submit(link, link, Map.of("password", NEW_PASSWORD));
        staff.victor().submit("/console/account", "/console/account/password",
                Map.of("current_password", Staff.PASSWORD, "new_password", NEW_PASSWORD));

        assertThat(staff.ada().get("/console/audit").body())
                .contains("password_reset.created").contains("password_reset.used").contains("password.changed");
    }
}
