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
 * Joining by invitation: an admin invites an email with a role; the link works once, for
 * {@link #LIFETIME}, and whoever opens it chooses a name and password and is signed in.
 */
public record Invitations(Database database, InvitationStore store, UserStore users, Accounts accounts,
        AuditLog audit, PasswordHasher hasher, SecretTokens tokens, LinkSender sender, String siteUrl, Clock clock) {

    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final String PATH = "/invite/";

    /** A new invitation, as the sender delivered it. */
    public record Invited(String email, Role role, Instant expiresAt, LinkSender.Delivery delivery) {}

    public Invited invite(User admin, String email, String roleKey) {
        Optional<Role> role = Role.parse(roleKey);
        new InvalidInput.Collector()
                .check(Accounts.acceptableEmail(email), "email", Accounts.EMAIL_RULE)
                .check(role.isPresent(), "role", "Choose viewer, editor or admin.")
                .throwIfAny();
        String normalised = UserStore.normalise(email);
        String token = tokens.next();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        OneTimeLink link = OneTimeLink.on(siteUrl, PATH, token, expires);
        LinkSender.Delivery delivery = database.write(handle -> {
            if (users.findByEmail(handle, normalised).isPresent()) {
                throw InvalidInput.of("email", normalised + " already has an account.");
            }
            long id = store.create(handle, SecretTokens.hash(token), normalised, role.get(), admin.id(), now, expires);
            audit.record(handle, now, admin.actor(), "invitation.created", "invitation", Long.toString(id),
                    normalised + " as " + role.get().key());
            return sender.sendInvitation(handle, normalised, role.get(), link);
        });
        return new Invited(normalised, role.get(), expires, delivery);
    }

    /** Invitations still waiting to be used, newest first. */
    public List<Invitation> pending() {
        return database.read(handle -> store.pending(handle, clock.instant()));
    }

    /** The invitation behind a link, if it can still be used. */
    public Invitation open(String token) {
        Invitation invitation = database.read(handle -> store.findByHash(handle, SecretTokens.hash(token)))
                .orElseThrow(() -> LinkUnusable.unknown("This invitation link is not valid",
                        "Check that you copied the whole link, or ask an administrator to invite you again."));
        return usable(invitation, clock.instant());
    }

    /** Creates the invited account, spends the link and signs the new user in. */
    public Accounts.SignedIn accept(String token, String name, String password, String address) {
        Invitation invitation = open(token);
        new InvalidInput.Collector()
                .check(Accounts.acceptableName(name), "name", Accounts.NAME_RULE)
                .check(Accounts.acceptablePassword(password), "password", Accounts.PASSWORD_RULE)
                .throwIfAny();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        return database.write(handle -> {
            if (users.findByEmail(handle, invitation.email()).isPresent()) {
                throw LinkUnusable.gone("This invitation has already been used",
                        "There is already an account for " + invitation.email() + ". Sign in with it instead.");
            }
            long userId = users.create(handle, invitation.email(), name.trim(), invitation.role(), hash, now);
            if (!store.accept(handle, invitation.id(), userId, now)) {
                // Someone used the link in the moment since it was opened; nothing of this account is kept.
                throw whyUnusable(store.findByHash(handle, SecretTokens.hash(token)).orElseThrow());
            }
            audit.record(handle, now, "user:" + userId, "invitation.accepted", "invitation",
                    Long.toString(invitation.id()), invitation.email() + " as " + invitation.role().key());
            return accounts.openSession(handle, users.find(handle, userId).orElseThrow(), now,
                    "from " + address + " by invitation");
        });
    }

    private static Invitation usable(Invitation invitation, Instant now) {
        if (invitation.acceptedAt() != null || !invitation.expiresAt().isAfter(now)) {
            throw whyUnusable(invitation);
        }
        return invitation;
    }

    private static LinkUnusable whyUnusable(Invitation invitation) {
        if (invitation.acceptedAt() != null) {
            return LinkUnusable.gone("This invitation has already been used",
                    "Each invitation link works once. If the account is yours, sign in; otherwise ask an "
                            + "administrator to invite you again.");
        }
        return LinkUnusable.gone("This invitation has expired",
                "Invitations work for " + LIFETIME.toDays() + " days. Ask an administrator to invite you again.");
    }
}
