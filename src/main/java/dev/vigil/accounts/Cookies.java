package dev.vigil.accounts;

import io.javalin.http.Context;
import java.time.Duration;

/** The console's cookies: HttpOnly, SameSite=Lax, and Secure when the site is served over HTTPS. */
public final class Cookies {
    public static final String SESSION = "vigil_session";
    /** Double-submit token for forms posted without a session (setup, sign-in, one-time links, subscribing); see {@link FormTokens}. */
    public static final String FORM = "vigil_form";

    private final boolean secure;

    public Cookies(boolean secure) {
        this.secure = secure;
    }

    public void set(Context ctx, String name, String value, Duration maxAge) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    /** Sets the new session's cookie; the pre-sign-in form cookie has done its job. */
    public void startSession(Context ctx, Accounts.SignedIn signedIn) {
        set(ctx, SESSION, signedIn.token(), Accounts.SESSION_IDLE_LIMIT);
        clear(ctx, FORM);
    }

    public void clear(Context ctx, String name) {
        set(ctx, name, "", Duration.ZERO);
    }
}
