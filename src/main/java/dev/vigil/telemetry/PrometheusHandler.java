package dev.vigil.telemetry;

import dev.vigil.config.MetricsAccess;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * GET /metrics for Prometheus. Anonymous unless metrics.token is set; then only a request with
 * "Authorization: Bearer <token>" gets the figures, any other a 401 with no data (RFC 6750 section 3).
 */
public final class PrometheusHandler {
    private static final String REALM = "Bearer realm=\"vigil-metrics\"";

    private final Telemetry telemetry;
    /** SHA-256 of the token, or null when anonymous: comparing digests takes the same time for any guess. */
    private final byte[] tokenDigest;

    public PrometheusHandler(Telemetry telemetry, MetricsAccess access) {
        this.telemetry = telemetry;
        this.tokenDigest = access.bearerToken().map(PrometheusHandler::digest).orElse(null);
    }

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (tokenDigest != null) {
            Optional<String> presented = bearer(ctx.header("Authorization"));
            if (presented.isEmpty() || !MessageDigest.isEqual(tokenDigest, digest(presented.get()))) {
                ctx.header("WWW-Authenticate", presented.isEmpty() ? REALM : REALM + ", error=\"invalid_token\"");
                ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8")
                        .result("/metrics needs \"Authorization: Bearer\" with the token set as metrics.token\n");
                return;
            }
        }
        // Prometheus asks for gzip; Vigil's web server compresses nothing by itself (the status page is
        // gzipped once when built), so this answer does it here.
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(Telemetry.CONTENT_TYPE).result(telemetry.scrape(gzip));
    }

    /** True when the header lists gzip without refusing it (q=0), as RFC 9110 section 12.5.3 reads. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().toLowerCase(Locale.ROOT).split(";");
            if (parts[0].strip().equals("gzip")) {
                return parts.length == 1 || !parts[1].strip().replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** The token of an "Authorization: Bearer ..." header; the scheme is case-insensitive (RFC 9110 11.1). */
    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
