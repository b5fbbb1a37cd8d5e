package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.time.Instant;

/** A staff member. The password hash never leaves the store. */
public record User(long id, String email, String name, Role role, Instant createdAt, boolean disabled) {

    public String actor() {
        return "user:" + id;
    }
}
