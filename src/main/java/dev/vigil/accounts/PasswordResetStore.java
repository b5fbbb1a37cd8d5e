package dev.vigil.accounts;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for password reset links. Callers own the transaction. */
public final class PasswordResetStore {

    /** A reset link as stored. usedAt is null until it is spent. */
    public record Reset(long id, long userId, Instant expiresAt, Instant usedAt) {}

    public long create(Handle handle, String tokenHash, long userId, long createdBy, Instant now, Instant expires) {
        return handle.createQuery("""
                INSERT INTO password_resets (token_hash, user_id, created_by, created_at, expires_at)
                VALUES (:hash, :user, :by, :now, :expires) RETURNING id""")
                .bind("hash", tokenHash).bind("user", userId).bind("by", createdBy)
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public Optional<Reset> findByHash(Handle handle, String tokenHash) {
        return handle.createQuery("SELECT * FROM password_resets WHERE token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> {
                    long used = rs.getLong("used_at");
                    Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new Reset(rs.getLong("id"), rs.getLong("user_id"), Instant.ofEpochMilli(rs.getLong("expires_at")),
                            usedAt);
                })
                .findOne();
    }

    /** Spends the link, if nobody did first and it has not expired. */
    public boolean use(Handle handle, long id, Instant now) {
        return handle.createUpdate("""
                UPDATE password_resets SET used_at = :now WHERE id = :id AND used_at IS NULL AND expires_at > :now""")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    /** Spends every other open link of the user: once the password is new, older links must not change it again. */
    public void spendAllOf(Handle handle, long userId, Instant now) {
        handle.createUpdate("UPDATE password_resets SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("user", userId).execute();
    }
}
