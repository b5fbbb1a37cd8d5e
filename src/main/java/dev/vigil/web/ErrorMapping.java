package dev.vigil.web;

import dev.vigil.errors.Conflict;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.errors.Refused;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: the domain's own exceptions, Javalin's typed
 * responses from handlers and guards, and anything unexpected. JSON under /api/v1, a page for
 * browsers, plain text for scripts; never a stack trace.
 */
public final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);
    static final String SERVER_ERROR = "Something went wrong on our side. It has been logged; please try again.";

    private ErrorMapping() {}

    public static void register(JavalinConfig config, ErrorPages errors) {
        config.routes.exception(InvalidInput.class, (e, ctx) -> errors.write(ctx, 400,
                ApiErrors.covers(ctx) ? "Some fields are not valid; see fields." : e.getMessage(), e.fields()));
        config.routes.exception(NotFound.class, (e, ctx) -> errors.write(ctx, 404, e.getMessage(), null));
        // A form or request made from a stale (or missing) version: the handlers show their form again with
        // the message; anything that slips past them still gets a 409, never a 500.
        config.routes.exception(Conflict.class, (e, ctx) -> errors.write(ctx, 409, e.getMessage(), null));
        config.routes.exception(Refused.class, (e, ctx) -> errors.write(ctx, 400, e.getMessage(), null));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> typed(errors, e, ctx));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            errors.write(ctx, 500, SERVER_ERROR, null);
        });
    }

    private static void typed(ErrorPages errors, HttpResponseException e, Context ctx) {
        if (ApiErrors.covers(ctx)) {
            ApiErrors.write(ctx, e);
        } else {
            errors.write(ctx, e.getStatus(), e.getMessage(), null);
        }
    }
}
