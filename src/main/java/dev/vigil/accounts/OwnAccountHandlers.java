package dev.vigil.accounts;

import dev.vigil.console.ConsolePages;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The signed-in person's own account: who they are, and changing their password. */
public record OwnAccountHandlers(Accounts accounts, Templates templates, String siteName) {

    public void account(Context ctx) {
        render(ctx, ctx.queryParam("changed") != null, Map.of());
    }

    public void changePassword(Context ctx) {
        Session session = StaffGuard.session(ctx);
        RefusedForm.submit(ctx, () -> {
            accounts.changePassword(session, ctx.formParam("current_password"), ctx.formParam("new_password"), ctx.ip());
            ctx.redirect("/console/account?changed", HttpStatus.SEE_OTHER);
        }, fields -> render(ctx, false, fields));
    }

    private void render(Context ctx, boolean changed, Map<String, String> errors) {
        Session session = StaffGuard.session(ctx);
        User user = session.user();
        templates.page(ctx, "console/account.jte", new AccessPages.Account(ConsolePages.Frame.of(siteName, ctx),
                user.name(), user.email(), user.role().description(), changed, errors));
    }
}
