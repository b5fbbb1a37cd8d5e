package dev.vigil.web;

import dev.vigil.errors.NotFound;
import io.javalin.http.Context;

/** Numeric ids in paths. Anything that is not a whole number names nothing, so it is a 404, not a 500. */
public final class PathIds {
    private PathIds() {}

    /** The path parameter as a number; thing names what it identifies, for the 404 a person reads. */
    public static long id(Context ctx, String param, String thing) {
        String raw = ctx.pathParam(param);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw noSuch(thing, raw);
        }
    }

    /** The {id} path parameter as a number. */
    public static long id(Context ctx, String thing) {
        return id(ctx, "id", thing);
    }

    /** The 404 for an id that names nothing: "There is no incident with the id "12"." */
    public static NotFound noSuch(String thing, Object id) {
        return new NotFound("There is no " + thing + " with the id \"" + id + "\".");
    }
}
