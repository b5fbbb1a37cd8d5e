package dev.vigil.accounts;

import java.time.Instant;

/**
 * A link that works once and for a limited time: an invitation or a password reset. Its token is
 * random; only the token's SHA-256 is stored, so the link exists only in what was handed over.
 */
public record OneTimeLink(String url, Instant expiresAt) {

    /** The link to a path such as /invite/ on the public site, whose URL may end with a slash. */
    static OneTimeLink on(String siteUrl, String path, String token, Instant expiresAt) {
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return new OneTimeLink(base + path + token, expiresAt);
    }
}
