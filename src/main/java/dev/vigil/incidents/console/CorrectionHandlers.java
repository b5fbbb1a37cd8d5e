package dev.vigil.incidents.console;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** One update with the texts it had before, and the form to correct it. */
public record CorrectionHandlers(IncidentReads reads, IncidentEditor editor, IncidentViews views, Templates pages,
        String siteName) {

    public void show(Context ctx) {
        render(ctx, null, null, Map.of());
    }

    /** POST: saves the corrected text, or shows it again with a preview. */
    public void correct(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        long updateId = Requests.pathId(ctx, "updateId");
        String body = FormInput.of(ctx).text("body");
        if (FormInput.of(ctx).action().equals("preview")) {
            render(ctx, body, views.html(IncidentForms.normalise(body)), Map.of());
            return;
        }
        RefusedForm.submit(ctx, () -> {
            editor.correct(StaffGuard.user(ctx), id, updateId, IncidentForms.body("body", body));
            Requests.seeOther(ctx, "/console/incidents/" + id + "/updates/" + updateId);
        }, fields -> render(ctx, body, null, fields));
    }

    /** body is what the form shows: null for the update's current text. */
    private void render(Context ctx, String body, String preview, Map<String, String> errors) {
        long id = Requests.pathId(ctx, "id");
        long updateId = Requests.pathId(ctx, "updateId");
        IncidentReads.WithRevisions found = reads.withRevisions(id, updateId)
                .orElseThrow(() -> new NotFound("No incident " + id));
        IncidentUpdate update = found.incident().updates().stream().filter(u -> u.id() == updateId).findFirst()
                .orElseThrow(() -> new NotFound("No update " + updateId + " in incident " + id));
        pages.page(ctx, "console/incidents/update.jte", views.update(Frame.of(siteName, ctx),
                StaffGuard.canEdit(ctx), found.incident(), update, found.revisions(),
                body == null ? update.body() : body, preview, errors));
    }
}
