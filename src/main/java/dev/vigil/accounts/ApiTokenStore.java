package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for API tokens. Callers own the transaction. */
public final class ApiTokenStore {
    private static final String SELECT = """
            SELECT t.*, u.name AS created_by_name FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by""";

    /** createdBy is null for the token made from VIGIL_BOOTSTRAP_TOKEN. */
    public long create(Handle handle, String tokenHash, String name, Role role, Long createdBy, Instant now) {
        return handle.createQuery("""
                INSERT INTO api_tokens (token_hash, name, role, created_by, created_at)
                VALUES (:hash, :name, :role, :by, :now) RETURNING id""")
                .bind("hash", tokenHash).bind("name", name).bind("role", role.key()).bind("by", createdBy)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM api_tokens").mapTo(Long.class).one();
    }

    public Optional<ApiToken> find(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map((rs, ctx) -> token(rs)).findOne();
    }

    public Optional<ApiToken> findByHash(Handle handle, String tokenHash) {
        return handle.createQuery(SELECT + " WHERE t.token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> token(rs)).findOne();
    }

    /** Every token, revoked ones too, newest first. */
    public List<ApiToken> all(Handle handle) {
        return handle.createQuery(SELECT + " ORDER BY t.created_at DESC, t.id DESC").map((rs, ctx) -> token(rs)).list();
    }

    public void touch(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    /** Revokes the token; false when it was already revoked. */
    public boolean revoke(Handle handle, long id, Instant now) {
        return handle.createUpdate("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")).orElse(Role.VIEWER),
                rs.getString("created_by_name"), instant(rs, "created_at"), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
