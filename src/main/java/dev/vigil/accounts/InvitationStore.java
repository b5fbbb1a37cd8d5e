package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for invitations. Callers own the transaction. */
public final class InvitationStore {
    private static final String SELECT = """
            SELECT i.*, u.name AS invited_by_name FROM invitations i JOIN users u ON u.id = i.invited_by""";

    public long create(Handle handle, String tokenHash, String email, Role role, long invitedBy, Instant now,
            Instant expires) {
        return handle.createQuery("""
                INSERT INTO invitations (token_hash, email, role, invited_by, created_at, expires_at)
                VALUES (:hash, :email, :role, :by, :now, :expires) RETURNING id""")
                .bind("hash", tokenHash).bind("email", email).bind("role", role.key()).bind("by", invitedBy)
                .bind("now", now.toEpochMilli()).bind("expires", expires.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public Optional<Invitation> findByHash(Handle handle, String tokenHash) {
        return handle.createQuery(SELECT + " WHERE i.token_hash = :hash").bind("hash", tokenHash)
                .map((rs, ctx) -> invitation(rs)).findOne();
    }

    /** Invitations not yet used and not expired, newest first. */
    public List<Invitation> pending(Handle handle, Instant now) {
        return handle.createQuery(SELECT + " WHERE i.accepted_at IS NULL AND i.expires_at > :now ORDER BY i.created_at DESC")
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> invitation(rs)).list();
    }

    /** Spends the invitation for the account it became, if nobody did first and it has not expired. */
    public boolean accept(Handle handle, long id, long userId, Instant now) {
        return handle.createUpdate("""
                UPDATE invitations SET accepted_at = :now, user_id = :user
                 WHERE id = :id AND accepted_at IS NULL AND expires_at > :now""")
                .bind("now", now.toEpochMilli()).bind("user", userId).bind("id", id).execute() == 1;
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        long accepted = rs.getLong("accepted_at");
        Instant acceptedAt = rs.wasNull() ? null : Instant.ofEpochMilli(accepted);
        return new Invitation(rs.getLong("id"), rs.getString("email"),
                Role.parse(rs.getString("role")).orElse(Role.VIEWER), rs.getString("invited_by_name"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
                acceptedAt);
    }
}
