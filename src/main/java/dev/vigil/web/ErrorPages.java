package dev.vigil.web;

import io.javalin.http.Context;
import java.util.Map;

/**
 * How an error reaches a person: JSON under the admin API, a page in the site's style for a browser
 * (with a way back), and one plain line for curl and scripts. The message is always the one the
 * handler wrote for people; a stack trace never leaves the server.
 */
public final class ErrorPages {
    /** What one error page shows. */
    public record ErrorPage(String siteName, int status, String title, String message, String backHref,
            String backLabel) {}

    private static final Map<Integer, String> TITLES = Map.of(
            400, "That request could not be used",
            401, "Please sign in",
            403, "Not allowed",
            404, "Not found",
            405, "Not allowed here",
            409, "Changed meanwhile",
            415, "Unsupported content",
            500, "Something went wrong");

    private final Templates templates;
    private final String siteName;

    public ErrorPages(Templates templates, String siteName) {
        this.templates = templates;
        this.siteName = siteName;
    }

    public void write(Context ctx, int status, String message, Map<String, String> fields) {
        if (ApiErrors.covers(ctx)) {
            ApiErrors.write(ctx, status, message, fields);
        } else if (wantsHtml(ctx)) {
            ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8")
                    .result(templates.render("error.jte", page(ctx, status, message)));
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private ErrorPage page(Context ctx, int status, String message) {
        String title = TITLES.getOrDefault(status, status >= 500 ? TITLES.get(500) : TITLES.get(400));
        boolean console = ctx.path().startsWith("/console");
        return new ErrorPage(siteName, status, title, message, console ? "/console" : "/",
                console ? "Back to the console" : "Go to the status page");
    }

    /** Browsers ask for text/html first; curl and HTTP libraries ask for anything, or say nothing. */
    private static boolean wantsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }
}
