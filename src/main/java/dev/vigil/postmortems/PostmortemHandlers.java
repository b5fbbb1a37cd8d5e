package dev.vigil.postmortems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.actionitems.ActionItems;
import dev.vigil.actionitems.OneClickRequests;
import dev.vigil.accounts.User;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The list of postmortems, the form that starts one from incidents, and the write-up page. */
public record PostmortemHandlers(Postmortems postmortems, PostmortemViews views, Templates pages, String siteName,
        ActionItems actionItems) {

    /** GET, optionally ?status=draft. */
    public void list(Context ctx) {
        PostmortemStatus filter = PostmortemStatus.parse(ctx.queryParam("status")).orElse(null);
        pages.page(ctx, "postmortems/list.jte", views.list(Frame.of(siteName, ctx), StaffGuard.canEdit(ctx), filter,
                postmortems.list(filter)));
    }

    /** GET ?incident=ID: the incidents to write up, that one checked, the title filled from its name. */
    public void showNew(Context ctx) {
        Long incident = null;
        try {
            incident = ctx.queryParam("incident") == null ? null : Long.parseLong(ctx.queryParam("incident"));
        } catch (NumberFormatException e) {
            incident = null;
        }
        List<IncidentRecords.Candidate> candidates = postmortems.candidates(incident);
        Long chosen = incident;
        String title = candidates.stream().filter(c -> chosen != null && c.id() == chosen).findFirst()
                .map(IncidentRecords.Candidate::name).orElse("");
        pages.page(ctx, "postmortems/new.jte", views.newPage(Frame.of(siteName, ctx), candidates,
                chosen == null ? List.of() : List.of(Long.toString(chosen)), title, Map.of()));
    }

    /** POST: creates the draft and shows it, or the form again with the reason. */
    public void create(Context ctx) {
        Form form = Form.of(ctx);
        try {
            List<Long> ids = new ArrayList<>();
            for (String value : form.all("incident")) {
                try {
                    ids.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw InvalidInput.of("incident", "Choose incidents from the list.");
                }
            }
            long id = postmortems.create(StaffGuard.user(ctx), ids, form.text("title"));
            ctx.redirect("/console/postmortems/" + id, HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            pages.page(ctx, "postmortems/new.jte", views.newPage(Frame.of(siteName, ctx), postmortems.candidates(null),
                    form.all("incident"), form.text("title"), e.fields()));
        }
    }

    /** GET: the write-up. */
    public void show(Context ctx) {
        render(ctx, Form.pathId(ctx, "id"), Map.of(), null, Map.of());
    }

    /** Shows the write-up, with what was submitted kept when it comes back after an error or a lost race. */
    void render(Context ctx, long id, Map<String, String> input, String conflict, Map<String, String> errors) {
        User user = StaffGuard.user(ctx);
        boolean canEdit = user.role().includes(Role.EDITOR);
        pages.page(ctx, "postmortems/show.jte", views.show(Frame.of(siteName, ctx), canEdit,
                user.role().includes(Role.ADMIN), postmortems.load(id),
                canEdit ? postmortems.possibleOwners() : List.of(), input, conflict, errors,
                OneClickRequests.of(ctx, actionItems)));
    }



}
