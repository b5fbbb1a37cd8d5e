package dev.vigil.accounts;

import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Password reset by a one-time link an admin makes for a user. Using it sets a new password and
 * ends every session the user had, so whoever knew the old password is signed out everywhere.
 */
public record PasswordResets(Database database, PasswordResetStore store, UserStore users, SessionStore sessions,
        Accounts accounts, AuditLog audit, PasswordHasher hasher, SecretTokens tokens, LinkSender sender,
        String siteUrl, Clock clock) {

    public static final Duration LIFETIME = Duration.ofDays(1);
    private static final String PATH = "/reset/";

    /** A new reset link, as the sender delivered it. */
    public record Issued(User user, Instant expiresAt, LinkSender.Delivery delivery) {}

    /** Makes a reset link for a user; empty when there is no such user. */
    public Optional<Issued> issue(User admin, long userId) {
        String token = tokens.next();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        OneTimeLink link = OneTimeLink.on(siteUrl, PATH, token, expires);
        return database.write(handle -> users.find(handle, userId).map(found -> {
            if (found.disabled()) {
                throw InvalidInput.of("user", found.name() + " is disabled. Enable the account first.");
            }
            long id = store.create(handle, SecretTokens.hash(token), userId, admin.id(), now, expires);
            audit.record(handle, now, admin.actor(), "password_reset.created", "user", Long.toString(userId),
                    "reset link " + id);
            return new Issued(found, expires, sender.sendPasswordReset(handle, found, link));
        }));
    }

    /** The user whose password the link resets, if it can still be used. */
    public User open(String token) {
        Instant now = clock.instant();
        return database.read(handle -> {
            PasswordResetStore.Reset reset = store.findByHash(handle, SecretTokens.hash(token))
                    .orElseThrow(() -> LinkUnusable.unknown("This reset link is not valid",
                            "Check that you copied the whole link, or ask an administrator for a new one."));
            if (reset.usedAt() != null || !reset.expiresAt().isAfter(now)) {
                throw whyUnusable(reset);
            }
            return enabled(users.find(handle, reset.userId()).orElseThrow());
        });
    }

    /** Sets the new password, spends the link, ends all the user's sessions and opens a new one. */
    public Accounts.SignedIn use(String token, String password, String address) {
        User user = open(token);
        new InvalidInput.Collector()
                .check(Accounts.acceptablePassword(password), "password", Accounts.PASSWORD_RULE)
                .throwIfAny();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        String tokenHash = SecretTokens.hash(token);
        return database.write(handle -> {
            PasswordResetStore.Reset reset = store.findByHash(handle, tokenHash).orElseThrow();
            if (!store.use(handle, reset.id(), now)) {
                throw whyUnusable(store.findByHash(handle, tokenHash).orElseThrow());
            }
            store.spendAllOf(handle, user.id(), now);
            User current = enabled(users.find(handle, user.id()).orElseThrow());
            users.setPasswordHash(handle, current.id(), hash);
            int ended = sessions.deleteForUser(handle, current.id());
            audit.record(handle, now, current.actor(), "password_reset.used", "user", Long.toString(current.id()),
                    "reset link " + reset.id() + "; " + ended + " session(s) ended");
            return accounts.openSession(handle, current, now, "from " + address + " by reset link");
        });
    }

    private static User enabled(User user) {
        if (user.disabled()) {
            throw LinkUnusable.gone("This account is disabled",
                    "An administrator disabled the account after making this link. Ask them to enable it.");
        }
        return user;
    }

    private static LinkUnusable whyUnusable(PasswordResetStore.Reset reset) {
        if (reset.usedAt() != null) {
            return LinkUnusable.gone("This reset link has already been used",
                    "Each reset link works once. Sign in with your new password, or ask an administrator for a new link.");
        }
        return LinkUnusable.gone("This reset link has expired",
                "Reset links work for " + LIFETIME.toHours() + " hours. Ask an administrator for a new one.");
    }
}
