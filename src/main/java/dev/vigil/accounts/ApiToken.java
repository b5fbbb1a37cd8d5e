package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.time.Instant;

/**
 * A token for automation, with its own role. The secret is never stored. createdBy is the
 * creator's name, or null for the token made from VIGIL_BOOTSTRAP_TOKEN.
 */
public record ApiToken(long id, String name, Role role, String createdBy, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** How the audit log names the token. */
    public String actor() {
        return "token:" + id;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
