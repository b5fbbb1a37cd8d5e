package dev.vigil.accounts;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.time.Duration;

/**
 * The double-submit token of forms shown before sign-in (setup, sign-in, invitation and reset
 * links), against login CSRF: the page carries the same random value as the {@link Cookies#FORM}
 * cookie, and a POST must bring both.
 */
final class FormTokens {
    private static final Duration COOKIE_LIFE = Duration.ofHours(2);

    private final Cookies cookies;
    private final SecretTokens tokens;

    FormTokens(Cookies cookies, SecretTokens tokens) {
        this.cookies = cookies;
        this.tokens = tokens;
    }

    /** The token for a page's form: the cookie's, or a new one set in a new cookie. */
    String issue(Context ctx) {
        String existing = ctx.cookie(Cookies.FORM);
        if (existing != null && existing.length() >= 32) {
            return existing;
        }
        String token = tokens.next();
        cookies.set(ctx, Cookies.FORM, token, COOKIE_LIFE);
        return token;
    }

    /** Refuses a POST whose form field does not match its cookie. */
    static void check(Context ctx) {
        if (!SecretTokens.same(ctx.cookie(Cookies.FORM), ctx.formParam(StaffGuard.CSRF_FIELD))) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and try again.");
        }
    }
}
