package dev.vigil.agents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for agent tokens. Callers own the transaction. */
final class AgentTokenStore {
    private static final String SELECT = """
            SELECT t.*, u.name AS created_by_name FROM agent_tokens t LEFT JOIN users u ON u.id = t.created_by""";

    /** createdBy is null for a token made through the admin API. */
    long create(Handle handle, String tokenHash, String name, String location, Long createdBy, Instant now) {
        return handle.createQuery("""
                INSERT INTO agent_tokens (token_hash, name, location, created_by, created_at)
                VALUES (:hash, :name, :location, :by, :now) RETURNING id""")
                .bind("hash", tokenHash).bind("name", name).bind("location", location).bind("by", createdBy)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    Optional<AgentToken> find(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map((rs, ctx) -> token(rs)).findOne();
    }

    Optional<AgentToken> findByHash(Handle handle, String tokenHash) {
        return handle.createQuery(SELECT + " WHERE t.token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> token(rs)).findOne();
    }

    /** Every token, revoked ones too, newest first. */
    List<AgentToken> all(Handle handle) {
        return handle.createQuery(SELECT + " ORDER BY t.created_at DESC, t.id DESC").map((rs, ctx) -> token(rs)).list();
    }

    /** Whether any live token is bound to the location. */
    boolean anyLiveAt(Handle handle, String location) {
        return handle.createQuery("SELECT COUNT(*) FROM agent_tokens WHERE location = :location AND revoked_at IS NULL")
                .bind("location", location).mapTo(Integer.class).one() > 0;
    }

    void touch(Handle handle, long id, Instant now) {
        handle.createUpdate("UPDATE agent_tokens SET last_seen_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", id).execute();
    }

    /** Revokes the token; false when it was already revoked. */
    boolean revoke(Handle handle, long id, Instant now) {
        return handle.createUpdate("UPDATE agent_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
    }

    private static AgentToken token(ResultSet rs) throws SQLException {
        return new AgentToken(rs.getLong("id"), rs.getString("name"), rs.getString("location"),
                rs.getString("created_by_name"), instant(rs, "created_at"), instant(rs, "last_seen_at"),
                instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
