package dev.vigil.incidents.console;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.NotFound;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** The customer notice of an incident: draft it from the record, edit the draft, publish it. */
public record NoticeHandlers(IncidentReads reads, Notices notices, IncidentViews views, Templates pages,
        String siteName) {

    public void show(Context ctx) {
        render(ctx, null, null, Map.of());
    }

    /** POST: a fresh draft from what Vigil recorded. */
    public void draft(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        RefusedForm.submit(ctx, () -> {
            notices.draft(StaffGuard.user(ctx).actor(), id);
            Requests.seeOther(ctx, "/console/incidents/" + id + "/notice");
        }, fields -> render(ctx, null, null, fields));
    }

    /** POST: saves the edited draft (customers still see the published text), or previews it. */
    public void save(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        FormInput input = FormInput.of(ctx);
        String draft = input.text("draft");
        if (input.action().equals("preview")) {
            render(ctx, draft, views.html(IncidentForms.normalise(draft)), Map.of());
            return;
        }
        RefusedForm.submit(ctx, () -> {
            notices.save(StaffGuard.user(ctx).actor(), id, IncidentForms.notice("draft", draft));
            Requests.seeOther(ctx, "/console/incidents/" + id + "/notice");
        }, fields -> render(ctx, draft, null, fields));
    }

    public void publish(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        RefusedForm.submit(ctx, () -> {
            notices.publish(StaffGuard.user(ctx).actor(), id);
            Requests.seeOther(ctx, "/console/incidents/" + id + "/notice");
        }, fields -> render(ctx, null, null, fields));
    }

    /** draft is what the editor shows: null for the stored draft. */
    private void render(Context ctx, String draft, String preview, Map<String, String> errors) {
        long id = Requests.pathId(ctx, "id");
        IncidentReads.WithNotice found = reads.withNotice(id).orElseThrow(() -> new NotFound("No incident " + id));
        String shown = draft != null ? draft : found.notice().map(n -> n.draft()).orElse(null);
        pages.page(ctx, "console/incidents/notice.jte", views.notice(Frame.of(siteName, ctx),
                StaffGuard.canEdit(ctx), found.incident(), found.notice(), shown, preview, errors));
    }
}
