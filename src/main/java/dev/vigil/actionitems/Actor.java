package dev.vigil.actionitems;

import dev.vigil.accounts.ApiToken;
import dev.vigil.accounts.User;

/**
 * Who makes a change: ref as the audit log writes it ("user:12", "token:3") and a name for the
 * item's history. userId is null for an API token.
 */
public record Actor(String ref, String name, Long userId) {

    public static Actor of(User user) {
        return new Actor(user.actor(), user.name(), user.id());
    }

    public static Actor of(ApiToken token) {
        return new Actor(token.actor(), "API token " + token.name(), null);
    }
}
