package dev.vigil.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The admin API's error answers: always JSON, {"error": a stable code, "message": for a person},
 * plus "fields" with a message per field for invalid input. Never a stack trace.
 */
public final class ApiErrors {
    public static final String BASE = "/api/v1";

    private ApiErrors() {}

    /** Whether the request is the admin API's, so its errors are answered in JSON. */
    public static boolean covers(Context ctx) {
        String path = ctx.path();
        return path.equals(BASE) || path.startsWith(BASE + "/");
    }

    /** A typed HTTP error; a 405 names the methods the path takes, in the message and the Allow header. */
    public static void write(Context ctx, HttpResponseException e) {
        if (e.getStatus() == 405 && !e.getDetails().isEmpty()) {
            String allowed = String.join(", ", e.getDetails().values());
            ctx.header("Allow", allowed);
            write(ctx, 405, ctx.path() + " does not take " + ctx.method() + "; it takes " + allowed + ".", null);
            return;
        }
        write(ctx, e.getStatus(), e.getMessage(), null);
    }

    /** fields may be null. */
    public static void write(Context ctx, int status, String message, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code(status, fields));
        body.put("message", message);
        if (fields != null) {
            body.put("fields", fields);
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
        }
        JsonResponse.send(ctx, status, body);
    }

    static String code(int status, Map<String, String> fields) {
        if (fields != null) {
            return "invalid_input";
        }
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 500 -> "internal_error";
            default -> "http_" + status;
        };
    }
}
