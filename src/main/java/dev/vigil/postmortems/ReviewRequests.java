package dev.vigil.postmortems;

import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** What the review and public-version handlers read from a request, and how they answer a change. */
final class ReviewRequests {
    private ReviewRequests() {}

    /** The page's answer to a refused or conflicting change: its status and the messages to show. */
    record Refusal(HttpStatus status, Map<String, String> errors) {}

    /** A numeric id from the path; anything else names no postmortem, so it is a 404. */
    static long pathId(Context ctx, String param) {
        try {
            return Long.parseLong(ctx.pathParam(param));
        } catch (NumberFormatException e) {
            throw new NotFound("Nothing here has the id " + ctx.pathParam(param));
        }
    }

    /** The version of the postmortem (or item) the form was loaded with. */
    static long version(Context ctx) {
        try {
            return Long.parseLong(text(ctx, "version").strip());
        } catch (NumberFormatException e) {
            throw new EditConflict();
        }
    }

    /** A form field's text, "" when absent. */
    static String text(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }




    /**
     * Runs a change and answers with a redirect to the page that shows it (post-redirect-get), or
     * returns why it was refused (400) or collided with another edit (409), for the page to show again.
     */
    static Refusal attempt(Context ctx, String then, Runnable change) {
        try {
            change.run();
            ctx.redirect(then, HttpStatus.SEE_OTHER);
            return null;
        } catch (InvalidInput e) {
            return new Refusal(HttpStatus.BAD_REQUEST, e.fields());
        } catch (EditConflict e) {
            return new Refusal(HttpStatus.CONFLICT, Map.of("conflict", e.getMessage()));
        }
    }
}
