package dev.vigil.web;

import io.javalin.http.Context;

/**
 * The headers every answer carries, public page and console alike. Every script and style is a file
 * under /static (no inline code), so the content security policy can allow only this origin.
 * Strict-Transport-Security is sent only when the site is served over HTTPS: over plain HTTP a
 * browser ignores it (RFC 6797, section 8.1).
 *
 * @param https whether site.url is an https URL
 */
public record SecurityHeaders(boolean https) {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
