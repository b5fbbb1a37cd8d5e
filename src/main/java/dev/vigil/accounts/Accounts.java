package dev.vigil.accounts;

import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Staff accounts: the first admin, signing in and out, and sessions that survive restarts.
 * Password hashing (deliberately slow) runs outside write transactions, so it never holds up the
 * single SQLite writer that records check results.
 */
public record Accounts(Database database, UserStore users, SessionStore sessions, AuditLog audit,
        PasswordHasher hasher, SecretTokens tokens, Clock clock) {

    public static final Duration SESSION_IDLE_LIMIT = Duration.ofDays(14);
    /** Five wrong passwords for one account, or twenty from one address, within this window block further tries. */
    static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    static final int FAILURES_PER_ACCOUNT = 5;
    static final int FAILURES_PER_ADDRESS = 20;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 200;
    private static final int MAX_NAME = 100;
    static final String EMAIL_RULE = "Enter an email address such as ada@example.com.";
    static final String NAME_RULE = "Enter a name of 1 to " + MAX_NAME + " characters.";
    static final String PASSWORD_RULE = "Use at least " + MIN_PASSWORD + " characters (at most " + MAX_PASSWORD + ").";

    /** A new session: the cookie's token (never stored) and the session itself. */
    public record SignedIn(String token, Session session) {}

    public boolean needsFirstAdmin() {
        return database.read(users::count) == 0;
    }

    /** Creates the first admin; refused once any user exists, so the setup page cannot be replayed. */
    public User createFirstAdmin(String email, String name, String password) {
        validate(email, name, password);
        String hash = hasher.hash(password);
        return database.write(handle -> {
            if (users.count(handle) > 0) {
                throw InvalidInput.of("email", "An administrator already exists. Sign in instead.");
            }
            Instant now = clock.instant();
            long id = users.create(handle, email, name.trim(), Role.ADMIN, hash, now);
            audit.record(handle, now, "user:" + id, "user.created", "user", Long.toString(id), "first admin");
            return users.find(handle, id).orElseThrow();
        });
    }

    /** Signs in, or explains why not. Wrong email and wrong password read the same. */
    public SignedIn signIn(String email, String password, String address) {
        String normalised = UserStore.normalise(email == null ? "" : email);
        Instant now = clock.instant();
        if (isThrottled(normalised, address, now)) {
            throw InvalidInput.of("email", "Too many failed sign-ins. Wait 15 minutes and try again.");
        }
        Optional<User> user = database.read(handle -> users.findByEmail(handle, normalised));
        Optional<String> hash = user.flatMap(u -> database.read(handle -> users.passwordHash(handle, u.id())));
        boolean ok = user.isPresent() && !user.get().disabled() && hash.isPresent()
                && hasher.matches(password == null ? "" : password, hash.get());
        if (!ok) {
            recordFailure(normalised, address, now);
            throw InvalidInput.of("email", "That email and password do not match an account.");
        }
        return database.write(handle -> openSession(handle, user.get(), now, "from " + address));
    }

    /**
     * Opens a session for a user who has just proven who they are (a password, an invitation or a
     * reset link), in the caller's transaction.
     */
    SignedIn openSession(Handle handle, User user, Instant now, String detail) {
        String token = tokens.next();
        String tokenHash = SecretTokens.hash(token);
        sessions.create(handle, tokenHash, user.id(), tokens.next(), now, now.plus(SESSION_IDLE_LIMIT));
        audit.record(handle, now, user.actor(), "session.signed_in", "user", Long.toString(user.id()), detail);
        return new SignedIn(token, sessions.find(handle, tokenHash).orElseThrow());
    }

    /**
     * Changes the signed-in user's own password. The current one is required (a borrowed session
     * alone cannot take the account over) and wrong guesses count toward the sign-in throttle.
     * Every other session of the user ends; this one stays.
     */
    public void changePassword(Session session, String currentPassword, String newPassword, String address) {
        User user = session.user();
        Instant now = clock.instant();
        if (isThrottled(user.email(), address, now)) {
            throw InvalidInput.of("current_password", "Too many wrong passwords. Wait 15 minutes and try again.");
        }
        String stored = database.read(handle -> users.passwordHash(handle, user.id())).orElse("");
        boolean currentOk = hasher.matches(currentPassword == null ? "" : currentPassword, stored);
        if (!currentOk) {
            recordFailure(user.email(), address, now);
        }
        new InvalidInput.Collector()
                .check(currentOk, "current_password", "That is not your current password.")
                .check(acceptablePassword(newPassword), "new_password", PASSWORD_RULE)
                .throwIfAny();
        String hash = hasher.hash(newPassword);
        database.write(handle -> {
            users.setPasswordHash(handle, user.id(), hash);
            int ended = sessions.deleteForUserExcept(handle, user.id(), session.tokenHash());
            audit.record(handle, now, user.actor(), "password.changed", "user", Long.toString(user.id()),
                    ended + " other session(s) ended");
            return null;
        });
    }

    /** The live session behind a cookie token; an expired one is gone. Idle time is extended at most once a minute. */
    public Optional<Session> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String tokenHash = SecretTokens.hash(token);
        Instant now = clock.instant();
        Optional<Session> found = database.read(handle -> sessions.find(handle, tokenHash))
                .filter(s -> s.expiresAt().isAfter(now) && !s.user().disabled());
        found.filter(s -> s.lastSeenAt().plus(TOUCH_EVERY).isBefore(now))
                .ifPresent(s -> database.write(handle -> {
                    sessions.touch(handle, tokenHash, now, now.plus(SESSION_IDLE_LIMIT));
                    return null;
                }));
        return found;
    }

    public void signOut(Session session) {
        Instant now = clock.instant();
        database.write(handle -> {
            sessions.delete(handle, session.tokenHash());
            audit.record(handle, now, session.user().actor(), "session.signed_out", "user",
                    Long.toString(session.user().id()), null);
            return null;
        });
    }

    /** For automated installs: VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD create the first admin. */
    public void bootstrapAdmin(String email, String password) {
        if (email != null && password != null && needsFirstAdmin()) {
            createFirstAdmin(email, "Administrator", password);
        }
    }

    private void recordFailure(String email, String address, Instant now) {
        database.write(handle -> handle.createUpdate(
                        "INSERT INTO sign_in_failures (email, address, at) VALUES (:email, :address, :at)")
                .bind("email", email).bind("address", address).bind("at", now.toEpochMilli()).execute());
    }

    private boolean isThrottled(String email, String address, Instant now) {
        long since = now.minus(THROTTLE_WINDOW).toEpochMilli();
        return database.read(handle -> {
            long byEmail = handle.createQuery("SELECT COUNT(*) FROM sign_in_failures WHERE email = :email AND at > :since")
                    .bind("email", email).bind("since", since).mapTo(Long.class).one();
            long byAddress = handle.createQuery(
                            "SELECT COUNT(*) FROM sign_in_failures WHERE address = :address AND at > :since")
                    .bind("address", address).bind("since", since).mapTo(Long.class).one();
            return byEmail >= FAILURES_PER_ACCOUNT || byAddress >= FAILURES_PER_ADDRESS;
        });
    }

    private static void validate(String email, String name, String password) {
        new InvalidInput.Collector()
                .check(acceptableEmail(email), "email", EMAIL_RULE)
                .check(acceptableName(name), "name", NAME_RULE)
                .check(acceptablePassword(password), "password", PASSWORD_RULE)
                .throwIfAny();
    }

    static boolean acceptableEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    static boolean acceptableName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME;
    }

    static boolean acceptablePassword(String password) {
        return password != null && password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD;
    }
}
