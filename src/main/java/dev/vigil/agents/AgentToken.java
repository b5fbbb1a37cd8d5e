package dev.vigil.agents;

import java.time.Instant;

/**
 * The token of one probe agent, bound to one location. The secret is never stored. createdBy is the creator's
 * name, or null when the token was made through the admin API.
 */
public record AgentToken(long id, String name, String location, String createdBy, Instant createdAt,
        Instant lastSeenAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
