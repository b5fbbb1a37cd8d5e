package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.time.Instant;

/** An invitation to join with a role. acceptedAt is null until the link is used. */
record Invitation(long id, String email, Role role, String invitedBy, Instant createdAt, Instant expiresAt,
        Instant acceptedAt) {}
