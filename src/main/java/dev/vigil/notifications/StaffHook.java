package dev.vigil.notifications;

import java.time.Instant;

/**
 * A staff alert: a Slack-compatible incoming webhook, or a generic webhook that gets the signed
 * JSON envelope. Both receive every incident update and component change.
 *
 * @param secret the generic webhook's signing key; null for Slack
 */
public record StaffHook(long id, Channel kind, String name, String url, String secret, Instant createdAt) {

    /** Leaves the URL (Slack puts its credential in it) and the secret out. */
    @Override
    public String toString() {
        return "StaffHook[id=" + id + ", kind=" + kind.key() + ", name=" + name + "]";
    }
}
