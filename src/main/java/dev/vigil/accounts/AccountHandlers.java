package dev.vigil.accounts;

import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** First-run setup, sign-in and sign-out: show form, process form, redirect. */
public final class AccountHandlers {
    private final Accounts accounts;
    private final Templates templates;
    private final Cookies cookies;
    private final FormTokens formTokens;
    private final String siteName;

    public AccountHandlers(Accounts accounts, Templates templates, Cookies cookies, SecretTokens tokens, String siteName) {
        this.accounts = accounts;
        this.templates = templates;
        this.cookies = cookies;
        this.formTokens = new FormTokens(cookies, tokens);
        this.siteName = siteName;
    }

    public void showSetup(Context ctx) {
        if (!accounts.needsFirstAdmin()) {
            ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
            return;
        }
        templates.page(ctx, "accounts/setup.jte",
                new AccountPages.Setup(siteName, formTokens.issue(ctx), "", "", Map.of()));
    }

    public void setup(Context ctx) {
        FormTokens.check(ctx);
        try {
            accounts.createFirstAdmin(ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("password"));
            startSession(ctx, accounts.signIn(ctx.formParam("email"), ctx.formParam("password"), ctx.ip()), "/console");
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            templates.page(ctx, "accounts/setup.jte", new AccountPages.Setup(siteName, formTokens.issue(ctx),
                    value(ctx, "email"), value(ctx, "name"), e.fields()));
        }
    }

    public void showSignIn(Context ctx) {
        if (accounts.needsFirstAdmin()) {
            ctx.redirect("/setup", HttpStatus.SEE_OTHER);
            return;
        }
        templates.page(ctx, "accounts/sign-in.jte",
                new AccountPages.SignIn(siteName, formTokens.issue(ctx), "", safeNext(ctx.queryParam("next")),
                        Map.of()));
    }

    public void signIn(Context ctx) {
        FormTokens.check(ctx);
        String next = safeNext(ctx.formParam("next"));
        try {
            startSession(ctx, accounts.signIn(ctx.formParam("email"), ctx.formParam("password"), ctx.ip()), next);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            templates.page(ctx, "accounts/sign-in.jte",
                    new AccountPages.SignIn(siteName, formTokens.issue(ctx), value(ctx, "email"), next, e.fields()));
        }
    }

    /** POST /console/sign-out, behind the staff guard (so it carries the session's CSRF token). */
    public void signOut(Context ctx) {
        accounts.signOut(StaffGuard.session(ctx));
        cookies.clear(ctx, Cookies.SESSION);
        ctx.redirect("/sign-in", HttpStatus.SEE_OTHER);
    }

    private void startSession(Context ctx, Accounts.SignedIn signedIn, String next) {
        cookies.startSession(ctx, signedIn);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    /** Only local console paths may follow sign-in, never another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/console") && !next.startsWith("//") ? next : "/console";
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
