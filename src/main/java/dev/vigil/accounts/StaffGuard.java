package dev.vigil.accounts;

import dev.vigil.console.Role;
import dev.vigil.console.SignedIn;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The door to the console: every request needs a live session, and every state change the
 * session's CSRF token in a form field named {@value #CSRF_FIELD}.
 */
public final class StaffGuard {
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION_ATTRIBUTE = "vigil.session";

    private final Accounts accounts;

    public StaffGuard(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Runs before every console route. */
    public void requireSession(Context ctx) {
        Session session = accounts.session(ctx.cookie(Cookies.SESSION)).orElse(null);
        if (session == null) {
            String next = URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
            ctx.redirect("/sign-in?next=" + next, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD
                && !SecretTokens.same(session.csrfToken(), ctx.formParam(CSRF_FIELD))) {
            throw new ForbiddenResponse("This form has expired or did not come from Vigil. Go back, reload the page and try again.");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session);
        new SignedIn(session.user().id(), session.user().name(), session.user().role(), session.csrfToken()).attachTo(ctx);
    }

    /** The session of a request that passed {@link #requireSession}. */
    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("console route without the staff guard: " + ctx.path());
        }
        return session;
    }

    /** The signed-in user of a request that passed {@link #requireSession}. */
    public static User user(Context ctx) {
        return session(ctx).user();
    }

    /** Whether the signed-in user may change things (the editor role or above). */
    public static boolean canEdit(Context ctx) {
        return user(ctx).role().includes(Role.EDITOR);
    }

    /** Wraps a handler so that only users with at least the given role reach it. */
    public static Handler allow(Role role, Handler handler) {
        return ctx -> {
            if (!session(ctx).user().role().includes(role)) {
                throw new ForbiddenResponse("This needs the " + role.key() + " role; you are signed in as "
                        + session(ctx).user().role().key() + ".");
            }
            handler.handle(ctx);
        };
    }
}
