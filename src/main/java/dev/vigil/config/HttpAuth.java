package dev.vigil.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The credentials a request sends in its Authorization header: HTTP Basic (RFC 7617) or a bearer token (RFC 6750).
 * Either usually comes from the environment (${VAR}); both are secrets, masked wherever staff see settings.
 *
 * @param user null for a bearer token
 * @param secret the password or the token
 */
public record HttpAuth(Scheme scheme, String user, String secret) {

    public enum Scheme { BASIC, BEARER }

    public static HttpAuth basic(String user, String password) {
        return new HttpAuth(Scheme.BASIC, user, password);
    }

    public static HttpAuth bearer(String token) {
        return new HttpAuth(Scheme.BEARER, null, token);
    }

    /** The Authorization header's value. */
    public String authorization() {
        if (scheme == Scheme.BEARER) {
            return "Bearer " + secret;
        }
        String pair = user + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Masked, so that a log line or an exception message never holds the secret. */
    @Override
    public String toString() {
        return scheme == Scheme.BASIC ? "basic " + user + ":" + RedactedUrl.MASK : "bearer " + RedactedUrl.MASK;
    }

    /** The same credentials with each part passed through fill, such as a steps probe's {{name}} filling. */
    public HttpAuth filled(UnaryOperator<String> fill) {
        return new HttpAuth(scheme, user == null ? null : fill.apply(user), fill.apply(secret));
    }
}
