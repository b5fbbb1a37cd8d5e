package dev.vigil.accounts;

import java.time.Instant;

/** A signed-in browser: its user and the CSRF token its forms must carry. */
public record Session(String tokenHash, User user, String csrfToken, Instant lastSeenAt, Instant expiresAt) {}
