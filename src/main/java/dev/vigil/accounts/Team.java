package dev.vigil.accounts;

import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The admin's work on the team: roles, and disabling or enabling accounts. Vigil always keeps at
 * least one active admin, so nobody can lock everyone out of the console.
 *
 * <p>The last-admin check and the change share one write transaction. On SQLite writes are
 * serialised, so two admins cannot demote each other at once. On PostgreSQL, at read committed,
 * two such changes in the same instant could both pass; that is rare enough (and mended with one
 * UPDATE) not to warrant serialisable isolation for every write.
 */
public record Team(Database database, UserStore users, SessionStore sessions, AuditLog audit, Clock clock) {

    /** Everyone with an account, by name. */
    public List<User> members() {
        return database.read(users::all);
    }

    /** Gives a user another role; empty when there is no such user. */
    public Optional<User> changeRole(User admin, long userId, String roleKey) {
        Role role = Role.parse(roleKey).orElseThrow(() -> InvalidInput.of("role", "Choose viewer, editor or admin."));
        Instant now = clock.instant();
        return database.write(handle -> users.find(handle, userId).map(user -> {
            if (user.role() == role) {
                return user;
            }
            if (role != Role.ADMIN) {
                keepAnAdmin(handle, user, "given another role");
            }
            users.setRole(handle, userId, role);
            audit.record(handle, now, admin.actor(), "user.role_changed", "user", Long.toString(userId),
                    user.role().key() + " to " + role.key());
            return users.find(handle, userId).orElseThrow();
        }));
    }

    /** Disables a user; their sessions end at once. Empty when there is no such user. */
    public Optional<User> disable(User admin, long userId) {
        if (admin.id() == userId) {
            throw InvalidInput.of("user", "You cannot disable your own account. Ask another administrator.");
        }
        Instant now = clock.instant();
        return database.write(handle -> users.find(handle, userId).map(user -> {
            if (user.disabled()) {
                return user;
            }
            keepAnAdmin(handle, user, "disabled");
            users.setDisabledAt(handle, userId, now);
            int ended = sessions.deleteForUser(handle, userId);
            audit.record(handle, now, admin.actor(), "user.disabled", "user", Long.toString(userId),
                    ended + " session(s) ended");
            return users.find(handle, userId).orElseThrow();
        }));
    }

    /** Lets a disabled user sign in again. Empty when there is no such user. */
    public Optional<User> enable(User admin, long userId) {
        Instant now = clock.instant();
        return database.write(handle -> users.find(handle, userId).map(user -> {
            if (!user.disabled()) {
                return user;
            }
            users.setDisabledAt(handle, userId, null);
            audit.record(handle, now, admin.actor(), "user.enabled", "user", Long.toString(userId), null);
            return users.find(handle, userId).orElseThrow();
        }));
    }

    private void keepAnAdmin(Handle handle, User user, String change) {
        if (user.role() == Role.ADMIN && !user.disabled() && users.activeAdmins(handle) <= 1) {
            throw InvalidInput.of("user", user.name() + " is the last active administrator and cannot be " + change
                    + ". Make someone else an administrator first.");
        }
    }
}
