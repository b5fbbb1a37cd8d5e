package dev.vigil.accounts;

import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tokens for automation, each with its own role. A new token's secret is shown once; only its
 * SHA-256 is stored. The secret starts with {@value #PREFIX} so that secret scanners and people
 * recognise a leaked one.
 */
public record ApiTokens(Database database, ApiTokenStore store, AuditLog audit, SecretTokens tokens, Clock clock) {

    public static final String PREFIX = "vgl_";
    private static final int MAX_NAME = 100;
    /** Last use is written at most this often, so that a busy script does not turn every call into a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final String BOOTSTRAP_NAME = "Bootstrap (VIGIL_BOOTSTRAP_TOKEN)";

    /** A new token and its secret, which exists only here: show it once, never store it. */
    public record Created(ApiToken token, String secret) {}

    public Created create(User admin, String name, String roleKey) {
        Optional<Role> role = Role.parse(roleKey);
        new InvalidInput.Collector()
                .check(name != null && !name.isBlank() && name.length() <= MAX_NAME, "name",
                        "Name the token after what uses it, in 1 to " + MAX_NAME + " characters.")
                .check(role.isPresent(), "role", "Choose viewer, editor or admin.")
                .throwIfAny();
        String secret = PREFIX + tokens.next();
        Instant now = clock.instant();
        return database.write(handle -> {
            long id = store.create(handle, SecretTokens.hash(secret), name.trim(), role.get(), admin.id(), now);
            audit.record(handle, now, admin.actor(), "token.created", "api_token", Long.toString(id),
                    name.trim() + ", role " + role.get().key());
            return new Created(store.find(handle, id).orElseThrow(), secret);
        });
    }

    public List<ApiToken> all() {
        return database.read(store::all);
    }

    /** Revokes a token at once; empty when there is no such token. */
    public Optional<ApiToken> revoke(User admin, long id) {
        Instant now = clock.instant();
        return database.write(handle -> store.find(handle, id).map(token -> {
            if (store.revoke(handle, id, now)) {
                audit.record(handle, now, admin.actor(), "token.revoked", "api_token", Long.toString(id), token.name());
            }
            return store.find(handle, id).orElseThrow();
        }));
    }

    /** The live token with this secret, its last use recorded; empty for unknown or revoked secrets. */
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(secret);
        Instant now = clock.instant();
        Optional<ApiToken> found = database.read(handle -> store.findByHash(handle, tokenHash))
                .filter(token -> !token.revoked());
        found.filter(token -> token.lastUsedAt() == null || !token.lastUsedAt().plus(TOUCH_EVERY).isAfter(now))
                .ifPresent(token -> database.write(handle -> {
                    store.touch(handle, token.id(), now);
                    return null;
                }));
        return found;
    }

    /**
     * For automated installs: an admin token with exactly the given secret, made only while no
     * token exists at all, so a revoked bootstrap token does not come back on the next start.
     */
    public void bootstrap(String secret) {
        if (secret == null) {
            return;
        }
        Instant now = clock.instant();
        database.write(handle -> {
            if (store.count(handle) == 0) {
                long id = store.create(handle, SecretTokens.hash(secret), BOOTSTRAP_NAME, Role.ADMIN, null, now);
                audit.record(handle, now, "system", "token.created", "api_token", Long.toString(id),
                        BOOTSTRAP_NAME + ", role admin");
            }
            return null;
        });
    }
}
