package dev.vigil.testing;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of the access tests, each in their own browser and signed in through the real pages:
 * Ada (admin, through first-run setup), Grace (editor) and Victor (viewer), who join by Ada's
 * invitations.
 */
public final class Staff {
    public static final String PASSWORD = "correct-horse-battery";
    private static final Pattern INVITE_LINK = Pattern.compile("http://status\\.test(/invite/[A-Za-z0-9_-]+)");
    private static final Pattern RESET_LINK = Pattern.compile("http://status\\.test(/reset/[A-Za-z0-9_-]+)");
    private static final Pattern API_TOKEN = Pattern.compile("value=\"(vgl_[A-Za-z0-9_-]+)\"");

    private final RunningVigil vigil;
    private final WebClient ada;
    private final WebClient grace;
    private final WebClient victor;

    private Staff(RunningVigil vigil) {
        this.vigil = vigil;
        this.ada = browser();
        ada.submit("/setup", "/setup", Map.of("name", "Ada Lovelace", "email", "ada@example.com", "password", PASSWORD));
        this.grace = join(invite("grace@example.com", "editor"), "Grace Hopper");
        this.victor = join(invite("victor@example.com", "viewer"), "Victor Viewer");
    }

    public static Staff assemble(RunningVigil vigil) {
        return new Staff(vigil);
    }

    public WebClient ada() {
        return ada;
    }

    public WebClient grace() {
        return grace;
    }

    public WebClient victor() {
        return victor;
    }

    /** A new browser with no cookies. */
    public WebClient browser() {
        return new WebClient(vigil.url(""));
    }

    /** Ada invites someone; returns the path of the link she is shown. */
    public String invite(String email, String role) {
        return linkIn(ada.submit("/console/users", "/console/users/invitations", Map.of("email", email, "role", role)),
                INVITE_LINK);
    }

    /** Someone opens an invitation link in a new browser and joins. */
    public WebClient join(String invitePath, String name) {
        WebClient joiner = browser();
        HttpResponse<String> joined = joiner.submit(invitePath, invitePath, Map.of("name", name, "password", PASSWORD));
        if (joined.statusCode() != 303) {
            throw new AssertionError("joining failed with " + joined.statusCode() + ": " + joined.body());
        }
        return joiner;
    }

    /** Ada makes a password reset link for a user; returns its path. */
    public String resetLink(String email) {
        return linkIn(ada.submit("/console/users", "/console/users/" + idOf(email) + "/reset-link", Map.of()), RESET_LINK);
    }

    /** Ada creates an API token; returns its secret, as shown once. */
    public String apiToken(String name, String role) {
        HttpResponse<String> created = ada.submit("/console/tokens", "/console/tokens", Map.of("name", name, "role", role));
        Matcher token = API_TOKEN.matcher(created.body());
        if (!token.find()) {
            throw new AssertionError("no token shown (" + created.statusCode() + "): " + created.body());
        }
        return token.group(1);
    }

    /** A user's id, for the console's per-user forms. */
    public long idOf(String email) {
        return vigil.vigil().database().read(handle -> handle.createQuery("SELECT id FROM users WHERE email = :email")
                .bind("email", email).mapTo(Long.class).one());
    }

    /** Signs in with a password in a new browser. */
    public WebClient signIn(String email, String password) {
        WebClient browser = browser();
        browser.submit("/sign-in", "/sign-in", Map.of("email", email, "password", password));
        return browser;
    }

    private static String linkIn(HttpResponse<String> page, Pattern link) {
        Matcher matcher = link.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no link shown (" + page.statusCode() + "): " + page.body());
        }
        return matcher.group(1);
    }
}
