package dev.vigil.incidents.console;

import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** What every incident handler reads from a request, and how it answers after a change. */
final class Requests {
    private Requests() {}

    /** A numeric id from the path; anything else names no incident, so it is a 404. */
    static long pathId(Context ctx, String param) {
        return PathIds.id(ctx, param, "item");
    }




    /** Post-redirect-get: after a change, the browser loads the page that shows it. */
    static void seeOther(Context ctx, String path) {
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }
}
