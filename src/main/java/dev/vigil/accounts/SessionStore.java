package dev.vigil.accounts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for sessions. Callers own the transaction. */
public final class SessionStore {
    private final UserStore users;

    public SessionStore(UserStore users) {
        this.users = users;
    }

    public void create(Handle handle, String tokenHash, long userId, String csrf, Instant now, Instant expires) {
        handle.createUpdate("""
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                VALUES (:hash, :user, :csrf, :now, :now, :expires)""")
                .bind("hash", tokenHash).bind("user", userId).bind("csrf", csrf)
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli()).execute();
    }

    public Optional<Session> find(Handle handle, String tokenHash) {
        return handle.createQuery("SELECT * FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> new Row(rs.getLong("user_id"), rs.getString("csrf_token"),
                        Instant.ofEpochMilli(rs.getLong("last_seen_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
                .findOne()
                .flatMap(row -> users.find(handle, row.userId())
                        .map(user -> new Session(tokenHash, user, row.csrf(), row.lastSeenAt(), row.expiresAt())));
    }

    private record Row(long userId, String csrf, Instant lastSeenAt, Instant expiresAt) {}

    public void touch(Handle handle, String tokenHash, Instant now, Instant expires) {
        handle.createUpdate("UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE token_hash = :hash")
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli()).bind("hash", tokenHash)
                .execute();
    }

    public void delete(Handle handle, String tokenHash) {
        handle.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }

    /** Ends every session of a user; returns how many there were. */
    public int deleteForUser(Handle handle, long userId) {
        return handle.createUpdate("DELETE FROM sessions WHERE user_id = :user").bind("user", userId).execute();
    }

    /** Ends every session of a user but the one given; returns how many ended. */
    public int deleteForUserExcept(Handle handle, long userId, String keepTokenHash) {
        return handle.createUpdate("DELETE FROM sessions WHERE user_id = :user AND token_hash <> :keep")
                .bind("user", userId).bind("keep", keepTokenHash).execute();
    }

    public void deleteExpired(Handle handle, Instant now) {
        handle.createUpdate("DELETE FROM sessions WHERE expires_at < :now").bind("now", now.toEpochMilli()).execute();
    }
}
