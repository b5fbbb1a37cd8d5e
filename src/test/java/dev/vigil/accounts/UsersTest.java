package dev.vigil.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import dev.vigil.testing.Staff;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin's users page: roles, disabling, and the rule that one active admin always remains. */
class UsersTest {
    @TempDir
    Path dataDir;
    RunningVigil vigil;
    Staff staff;

    @BeforeEach
    void start() {
        vigil = RunningVigil.start(dataDir, "components: []\n");
        staff = Staff.assemble(vigil);
    }

    @AfterEach
    void stop() {
        vigil.close();
    }

    @Test
    void theAdminSeesEveryoneWithRoleAndState() {
        var page = staff.ada().get("/console/users");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ada Lovelace (you)").contains("grace@example.com").contains("victor@example.com")
                .contains("<option value=\"editor\" selected>editor</option>").contains("Active");
    }

    @Test
    void theAdminChangesARole() {
        var changed = staff.ada().submit("/console/users", usersPath("victor@example.com", "role"),
                Map.of("role", "editor"));

        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(staff.victor().get("/console").body()).contains("Victor Viewer (editor)");
        assertThat(staff.ada().get("/console/audit").body()).contains("user.role_changed").contains("viewer to editor");
    }

    @Test
    void anUnknownRoleIsRefused() {
        var refused = staff.ada().submit("/console/users", usersPath("victor@example.com", "role"),
                Map.of("role", "owner"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Choose viewer, editor or admin");
    }

    @Test
    void aDisabledUserIsSignedOutAtOnceAndCannotSignIn() {
        assertThat(staff.victor().get("/console").statusCode()).isEqualTo(200);

        var disabled = staff.ada().submit("/console/users", usersPath("victor@example.com", "disable"), Map.of());

        assertThat(disabled.statusCode()).isEqualTo(303);
        assertThat(staff.victor().get("/console").statusCode()).isEqualTo(303);
        assertThat(staff.signIn("victor@example.com", Staff.PASSWORD).get("/console").statusCode()).isEqualTo(303);
        assertThat(staff.ada().get("/console/users").body()).contains("Disabled");
        assertThat(staff.ada().get("/console/audit").body()).contains("user.disabled");
    }

    @Test
    void anEnabledUserCanSignInAgain() {
        staff.ada().submit("/console/users", usersPath("victor@example.com", "disable"), Map.of());

        staff.ada().submit("/console/users", usersPath("victor@example.com", "enable"), Map.of());

        assertThat(staff.signIn("victor@example.com", Staff.PASSWORD).get("/console").statusCode()).isEqualTo(200);
        assertThat(staff.ada().get("/console/audit").body()).contains("user.enabled");
    }

    @Test
    void theLastAdminCannotBeDemoted() {
        var refused = staff.ada().submit("/console/users", usersPath("ada@example.com", "role"), Map.of("role", "editor"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Ada Lovelace is the last active administrator")
                .contains("Make someone else an administrator first");
        assertThat(staff.ada().get("/console/users").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminCanStepDownOnceAnotherAdminExists() {
        staff.ada().submit("/console/users", usersPath("grace@example.com", "role"), Map.of("role", "admin"));

        var steppedDown = staff.ada().submit("/console/users", usersPath("ada@example.com", "role"),
                Map.of("role", "viewer"));

        assertThat(steppedDown.headers().firstValue("Location")).hasValue("/console");
        assertThat(staff.ada().get("/console/users").statusCode()).isEqualTo(403);
        var graceLast = staff.grace().submit("/console/users", usersPath("grace@example.com", "role"),
                Map.of("role", "editor"));
        assertThat(graceLast.statusCode()).isEqualTo(400);
        assertThat(graceLast.body()).contains("Grace Hopper is the last active administrator");
    }

    // Together with the last-admin rule on roles, this is why an admin who disables others can never
    // disable the last active one: the one doing it is an active admin too.
    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        var refused = staff.ada().submit("/console/users", usersPath("ada@example.com", "disable"), Map.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("You cannot disable your own account");
        assertThat(staff.ada().get("/console").statusCode()).isEqualTo(200);
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheOneThatRemains() {
        staff.ada().submit("/console/users", usersPath("grace@example.com", "role"), Map.of("role", "admin"));
        staff.ada().submit("/console/users", usersPath("grace@example.com", "disable"), Map.of());

        var refused = staff.ada().submit("/console/users", usersPath("ada@example.com", "role"), Map.of("role", "editor"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("last active administrator");
    }

    @Test
    void aViewerCannotSeeTheUsersPage() {
        assertThat(staff.victor().get("/console/users").statusCode()).isEqualTo(403);
        assertThat(staff.victor().get("/console/tokens").statusCode()).isEqualTo(403);
    }

    @Test
    void anEditorCannotManageUsers() {
        assertThat(staff.grace().get("/console/users").statusCode()).isEqualTo(403);

        var promoted = staff.grace().submit("/console", usersPath("grace@example.com", "role"), Map.of("role", "admin"));
        var invited = staff.grace().submit("/console", "/console/users/invitations",
                Map.of("email", "mallory@example.com", "role", "admin"));
        var disabled = staff.grace().submit("/console", usersPath("ada@example.com", "disable"), Map.of());

        assertThat(promoted.statusCode()).isEqualTo(403);
        assertThat(invited.statusCode()).isEqualTo(403);
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(staff.grace().get("/console").body()).contains("Grace Hopper (editor)");
    }

    @Test
    void onlyAdminsSeeUsersAndTokensInTheNavigation() {
        assertThat(staff.ada().get("/console").body()).contains("href=\"/console/users\"").contains("href=\"/console/tokens\"")
                .contains("href=\"/console/account\"");
        assertThat(staff.grace().get("/console").body()).doesNotContain("href=\"/console/users\"")
                .doesNotContain("href=\"/console/tokens\"").contains("href=\"/console/account\"");
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(staff.ada().submit("/console/users", "/console/users/9999/disable", Map.of()).statusCode())
                .isEqualTo(404);
    }

    private String usersPath(String email, String action) {
        return "/console/users/" + staff.idOf(email) + "/" + action;
    }
}
