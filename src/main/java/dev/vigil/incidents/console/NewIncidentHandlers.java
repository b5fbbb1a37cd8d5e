package dev.vigil.incidents.console;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** Opening an incident by hand, and recording one that is already over. */
public record NewIncidentHandlers(IncidentReads reads, IncidentEditor editor, TemplatePicker picker,
        IncidentForms forms, IncidentViews views, Templates pages, String siteName) {

    public void showNew(Context ctx) {
        RefusedForm.submit(ctx, () -> {
            renderNew(ctx, picker.fromQuery(ctx), null, Map.of());
        }, fields -> renderNew(ctx, new FormInput(Map.of()), null, fields));
    }

    /** POST: opens the incident, or shows the form again with a preview. */
    public void create(Context ctx) {
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            switch (input.action()) {
                case "preview" -> renderNew(ctx, input, views.html(IncidentForms.normalise(input.text("body"))), Map.of());
                default -> {
                    long id = editor.open(StaffGuard.user(ctx), forms.newIncident(input, reads.componentIds()));
                    Requests.seeOther(ctx, "/console/incidents/" + id);
                }
            }
        }, fields -> renderNew(ctx, input, null, fields));
    }

    public void showBackfill(Context ctx) {
        renderBackfill(ctx, new FormInput(Map.of()), null, Map.of());
    }

    public void backfill(Context ctx) {
        FormInput input = FormInput.of(ctx);
        if (input.action().equals("preview")) {
            renderBackfill(ctx, input, views.html(IncidentForms.normalise(input.text("body"))), Map.of());
            return;
        }
        RefusedForm.submit(ctx, () -> {
            long id = editor.backfill(StaffGuard.user(ctx), forms.backfill(input, reads.componentIds()));
            Requests.seeOther(ctx, "/console/incidents/" + id);
        }, fields -> renderBackfill(ctx, input, null, fields));
    }

    private void renderNew(Context ctx, FormInput input, String preview, Map<String, String> errors) {
        pages.page(ctx, "console/incidents/new.jte", views.newIncident(Frame.of(siteName, ctx), input,
                reads.components(), reads.templates(), preview, errors));
    }

    private void renderBackfill(Context ctx, FormInput input, String preview, Map<String, String> errors) {
        pages.page(ctx, "console/incidents/backfill.jte",
                views.backfill(Frame.of(siteName, ctx), input, reads.components(), preview, errors));
    }
}
