package dev.vigil.accounts;

import dev.vigil.console.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for users. Callers own the transaction. */
public final class UserStore {

    public long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
    }

    public long create(Handle handle, String email, String name, Role role, String passwordHash, Instant now) {
        return handle.createQuery("""
                INSERT INTO users (email, name, role, password_hash, created_at)
                VALUES (:email, :name, :role, :hash, :now) RETURNING id""")
                .bind("email", normalise(email)).bind("name", name).bind("role", role.key())
                .bind("hash", passwordHash).bind("now", now.toEpochMilli())
                .mapTo(Long.class).one();
    }

    public Optional<User> find(Handle handle, long id) {
        return handle.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> user(rs)).findOne();
    }

    public Optional<User> findByEmail(Handle handle, String email) {
        return handle.createQuery("SELECT * FROM users WHERE email = :email").bind("email", normalise(email))
                .map((rs, ctx) -> user(rs)).findOne();
    }

    public Optional<String> passwordHash(Handle handle, long id) {
        return handle.createQuery("SELECT password_hash FROM users WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne();
    }

    public List<User> all(Handle handle) {
        return handle.createQuery("SELECT * FROM users ORDER BY name, id").map((rs, ctx) -> user(rs)).list();
    }

    public void setRole(Handle handle, long id, Role role) {
        handle.createUpdate("UPDATE users SET role = :role WHERE id = :id").bind("role", role.key()).bind("id", id)
                .execute();
    }

    /** Disables the user from the given time, or enables them again when it is null. */
    public void setDisabledAt(Handle handle, long id, Instant at) {
        handle.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id")
                .bind("at", at == null ? null : at.toEpochMilli()).bind("id", id).execute();
    }

    public void setPasswordHash(Handle handle, long id, String passwordHash) {
        handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", id).execute();
    }

    /** Admins who can still sign in. */
    public long activeAdmins(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE role = :role AND disabled_at IS NULL")
                .bind("role", Role.ADMIN.key()).mapTo(Long.class).one();
    }

    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static User user(ResultSet rs) throws SQLException {
        rs.getLong("disabled_at");
        boolean disabled = !rs.wasNull();
        return new User(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                Role.parse(rs.getString("role")).orElse(Role.VIEWER),
                Instant.ofEpochMilli(rs.getLong("created_at")), disabled);
    }
}
