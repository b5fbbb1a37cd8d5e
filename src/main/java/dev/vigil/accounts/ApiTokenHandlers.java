package dev.vigil.accounts;

import dev.vigil.accounts.AccessPages.NewToken;
import dev.vigil.accounts.AccessPages.TokenForm;
import dev.vigil.console.ConsolePages;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The admin's page for API tokens: list, create (the secret is shown once) and revoke. */
public record ApiTokenHandlers(ApiTokens tokens, Templates templates, TimeFormat times, String siteName) {

    public void tokens(Context ctx) {
        render(ctx, TokenForm.empty(), null);
    }

    /** The secret is in this response only; it is stored nowhere, so reloading the list does not show it again. */
    public void create(Context ctx) {
        User admin = StaffGuard.user(ctx);
        RefusedForm.submit(ctx, () -> {
            ApiTokens.Created created = tokens.create(admin, ctx.formParam("name"), ctx.formParam("role"));
            render(ctx, TokenForm.empty(),
                    new NewToken(created.token().name(), created.token().role().key(), created.secret()));
        }, fields -> render(ctx, new TokenForm(value(ctx, "name"), value(ctx, "role"), fields), null));
    }

    public void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such token.");
        }
        tokens.revoke(StaffGuard.user(ctx), id).orElseThrow(() -> new NotFound("There is no such token."));
        ctx.redirect("/console/tokens", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, TokenForm form, NewToken created) {
        templates.page(ctx, "console/tokens.jte", new AccessPages.Tokens(
                ConsolePages.Frame.of(siteName, ctx), times.zone().getId(),
                tokens.all().stream().map(t -> new AccessPages.TokenRow(t.id(), t.name(), t.role().key(),
                        t.createdBy() == null ? "VIGIL_BOOTSTRAP_TOKEN" : t.createdBy(), times.dateTime(t.createdAt()),
                        t.lastUsedAt() == null ? "Never" : times.dateTime(t.lastUsedAt()),
                        t.revokedAt() == null ? null : times.dateTime(t.revokedAt()))).toList(),
                form, created));
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
