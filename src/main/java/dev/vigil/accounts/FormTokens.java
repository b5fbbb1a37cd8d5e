package dev.vigil.accounts;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Duration;

/**
 * CSRF protection for forms that anyone may post, before any session exists (first-run setup,
 * sign-in, subscribing): a double-submit token, set in a cookie and repeated in a form field named
 * {@value StaffGuard#CSRF_FIELD}. Another site can make a browser post, but cannot read or set
 * the cookie, so it cannot repeat it.
 */
public final class FormTokens {
    private static final Duration COOKIE_LIFE = Duration.ofHours(2);
    private static final int MIN_TOKEN_LENGTH = 32;

    private final Cookies cookies;
    private final SecretTokens tokens;

    public FormTokens(Cookies cookies, SecretTokens tokens) {
        this.cookies = cookies;
        this.tokens = tokens;
    }

    /** The token for a form page: the cookie's, or a new one set in the cookie now. */
    public String issue(Context ctx) {
        String existing = ctx.cookie(Cookies.FORM);
        if (existing != null && existing.length() >= MIN_TOKEN_LENGTH) {
            return existing;
        }
        String token = tokens.next();
        cookies.set(ctx, Cookies.FORM, token, COOKIE_LIFE);
        return token;
    }

    /** Refuses (403) a posted form whose field does not repeat the cookie. */
    public static void check(Context ctx) {
        if (!SecretTokens.same(ctx.cookie(Cookies.FORM), ctx.formParam(StaffGuard.CSRF_FIELD))) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
        }
    }
}
