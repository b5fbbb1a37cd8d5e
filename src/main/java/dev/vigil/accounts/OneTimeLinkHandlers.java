package dev.vigil.accounts;

import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * The public pages behind invitation and password reset links: show the form, process it, sign
 * the person in. A link that cannot be used gets a page saying why (404 or 410), never an error.
 */
public final class OneTimeLinkHandlers {
    private final Invitations invitations;
    private final PasswordResets resets;
    private final Templates templates;
    private final Cookies cookies;
    private final FormTokens formTokens;
    private final String siteName;

    public OneTimeLinkHandlers(Invitations invitations, PasswordResets resets, Templates templates, Cookies cookies,
            SecretTokens tokens, String siteName) {
        this.invitations = invitations;
        this.resets = resets;
        this.templates = templates;
        this.cookies = cookies;
        this.formTokens = new FormTokens(cookies, tokens);
        this.siteName = siteName;
    }

    public void showInvitation(Context ctx) {
        keepLinkPrivate(ctx);
        try {
            Invitation invitation = invitations.open(ctx.pathParam("token"));
            templates.page(ctx, "accounts/invite.jte", new AccountPages.Invite(siteName, formTokens.issue(ctx),
                    ctx.path(), invitation.email(), invitation.role().description(), "", Map.of()));
        } catch (LinkUnusable e) {
            unusable(ctx, e);
        }
    }

    public void acceptInvitation(Context ctx) {
        keepLinkPrivate(ctx);
        FormTokens.check(ctx);
        String token = ctx.pathParam("token");
        try {
            Invitation invitation = invitations.open(token);
            try {
                signedIn(ctx, invitations.accept(token, ctx.formParam("name"), ctx.formParam("password"), ctx.ip()));
            } catch (InvalidInput e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                templates.page(ctx, "accounts/invite.jte", new AccountPages.Invite(siteName, formTokens.issue(ctx),
                        ctx.path(), invitation.email(), invitation.role().description(), value(ctx, "name"), e.fields()));
            }
        } catch (LinkUnusable e) {
            unusable(ctx, e);
        }
    }

    public void showReset(Context ctx) {
        keepLinkPrivate(ctx);
        try {
            User user = resets.open(ctx.pathParam("token"));
            templates.page(ctx, "accounts/reset.jte",
                    new AccountPages.Reset(siteName, formTokens.issue(ctx), ctx.path(), user.email(), Map.of()));
        } catch (LinkUnusable e) {
            unusable(ctx, e);
        }
    }

    public void useReset(Context ctx) {
        keepLinkPrivate(ctx);
        FormTokens.check(ctx);
        String token = ctx.pathParam("token");
        try {
            User user = resets.open(token);
            try {
                signedIn(ctx, resets.use(token, ctx.formParam("password"), ctx.ip()));
            } catch (InvalidInput e) {
                ctx.status(HttpStatus.BAD_REQUEST);
                templates.page(ctx, "accounts/reset.jte",
                        new AccountPages.Reset(siteName, formTokens.issue(ctx), ctx.path(), user.email(), e.fields()));
            }
        } catch (LinkUnusable e) {
            unusable(ctx, e);
        }
    }

    private void signedIn(Context ctx, Accounts.SignedIn signedIn) {
        cookies.startSession(ctx, signedIn);
        ctx.redirect("/console", HttpStatus.SEE_OTHER);
    }

    private void unusable(Context ctx, LinkUnusable e) {
        ctx.status(e.status());
        templates.page(ctx, "accounts/link-unusable.jte", new AccountPages.Unusable(siteName, e.title(), e.advice()));
    }

    /** The token is in the address: it must not leave in a Referer header. */
    private static void keepLinkPrivate(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
