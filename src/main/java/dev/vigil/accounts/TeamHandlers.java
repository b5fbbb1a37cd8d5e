package dev.vigil.accounts;

import dev.vigil.accounts.AccessPages.InviteForm;
import dev.vigil.console.ConsolePages;
import dev.vigil.console.Role;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.function.Function;

/** The admin's pages for the team: users, roles, disabling, invitations and reset links. */
public record TeamHandlers(Team team, Invitations invitations, PasswordResets resets, Templates templates,
        TimeFormat times, String siteName) {

    public void users(Context ctx) {
        render(ctx, InviteForm.empty(), null);
    }

    public void changeRole(Context ctx) {
        change(ctx, admin -> team.changeRole(admin, userId(ctx), ctx.formParam("role")));
    }

    public void disable(Context ctx) {
        change(ctx, admin -> team.disable(admin, userId(ctx)));
    }

    public void enable(Context ctx) {
        change(ctx, admin -> team.enable(admin, userId(ctx)));
    }

    /** Shows the new invitation's link once, on this response (it is stored nowhere else), or where it was mailed. */
    public void invite(Context ctx) {
        User admin = StaffGuard.user(ctx);
        RefusedForm.submit(ctx, () -> {
            Invitations.Invited invited = invitations.invite(admin, ctx.formParam("email"), ctx.formParam("role"));
            templates.page(ctx, "console/link-shown.jte", new AccessPages.LinkShown(frame(ctx),
                    "Invitation created", invited.email(),
                    "It lets " + invited.email() + " join as " + invited.role().key() + ".",
                    invited.delivery().linkToShow(), invited.delivery().mailedTo(),
                    times.dateTime(invited.expiresAt())));
        }, fields -> render(ctx, new InviteForm(value(ctx, "email"), value(ctx, "role"), fields), null));
    }

    /** Shows the new reset link once, on this response. */
    public void issueReset(Context ctx) {
        User admin = StaffGuard.user(ctx);
        try {
            PasswordResets.Issued issued = resets.issue(admin, userId(ctx)).orElseThrow(TeamHandlers::noSuchUser);
            templates.page(ctx, "console/link-shown.jte", new AccessPages.LinkShown(frame(ctx),
                    "Password reset link created", issued.user().name() + " (" + issued.user().email() + ")",
                    "It lets " + issued.user().name() + " choose a new password; their sessions end when it is used.",
                    issued.delivery().linkToShow(), issued.delivery().mailedTo(),
                    times.dateTime(issued.expiresAt())));
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, InviteForm.empty(), e.getMessage());
        }
    }

    /** Applies a change to one user, then back to the list; an admin who gave up the role goes to the overview. */
    private void change(Context ctx, Function<User, Optional<User>> change) {
        User admin = StaffGuard.user(ctx);
        try {
            User changed = change.apply(admin).orElseThrow(TeamHandlers::noSuchUser);
            boolean stillAdmin = changed.id() != admin.id() || changed.role() == Role.ADMIN;
            ctx.redirect(stillAdmin ? "/console/users" : "/console", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, InviteForm.empty(), e.getMessage());
        }
    }

    private void render(Context ctx, InviteForm invite, String problem) {
        long you = StaffGuard.user(ctx).id();
        templates.page(ctx, "console/users.jte", new AccessPages.Users(frame(ctx), times.zone().getId(),
                team.members().stream().map(u -> new AccessPages.UserRow(u.id(), u.name(), u.email(), u.role().key(),
                        u.disabled(), u.id() == you)).toList(),
                invitations.pending().stream().map(i -> new AccessPages.InvitationRow(i.email(), i.role().key(),
                        i.invitedBy(), times.dateTime(i.expiresAt()))).toList(),
                invite, problem));
    }

    private ConsolePages.Frame frame(Context ctx) {
        return ConsolePages.Frame.of(siteName, ctx);
    }

    private static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw noSuchUser();
        }
    }

    private static NotFound noSuchUser() {
        return new NotFound("There is no such user.");
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value;
    }
}
