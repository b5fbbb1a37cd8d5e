package dev.vigil.actionitems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import dev.vigil.errors.NotFound;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;

/** What the action item handlers read from a request. */
final class Requests {
    private Requests() {}

    /** A numeric id from the path; anything else names nothing, so it is a 404. */
    static long pathId(Context ctx) {
        return PathIds.id(ctx, "item");
    }

    /** The version the form was loaded at; a missing or unreadable one is not checked. */
    static Long version(Context ctx) {
        try {
            return Long.parseLong(ctx.formParam("version"));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    static Actor actor(Context ctx) {
        return Actor.of(StaffGuard.user(ctx));
    }

    static boolean allows(Context ctx, Role role) {
        return StaffGuard.user(ctx).role().includes(role);
    }

    static Frame frame(Context ctx, String siteName) {
        return Frame.of(siteName, ctx);
    }

    static ItemForm form(Context ctx) {
        return new ItemForm(ctx.formParam("title"), ctx.formParam("description"), ctx.formParam("owner_id"),
                ctx.formParam("kind"), ctx.formParam("priority"), ctx.formParam("due_on"), ctx.formParam("source"),
                ctx.formParam("tracker_url"), "1".equals(ctx.formParam("public")), null);
    }

    static NotFound noItem(long id) {
        return new NotFound("There is no action item " + id + ".");
    }

    static NotFound noPostmortem(long id) {
        return new NotFound("There is no postmortem " + id + ".");
    }
}
