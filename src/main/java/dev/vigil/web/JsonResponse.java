package dev.vigil.web;

import io.javalin.http.Context;

/** Writes the admin API's answers: JSON, never cached (they are per token and change with every write). */
public final class JsonResponse {
    private JsonResponse() {}

    public static void send(Context ctx, int status, Object body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }
}
