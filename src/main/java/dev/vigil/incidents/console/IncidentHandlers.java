package dev.vigil.incidents.console;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** The list of incidents and the staff page of one, with its forms: post an update, rename, merge. */
public record IncidentHandlers(IncidentReads reads, IncidentEditor editor, IncidentMerger merger,
        TemplatePicker picker, IncidentForms forms, IncidentViews views, Templates pages, String siteName) {

    public void list(Context ctx) {
        pages.page(ctx, "console/incidents/list.jte",
                views.list(Frame.of(siteName, ctx), StaffGuard.canEdit(ctx), reads.list()));
    }

    /** GET: the incident (its update form filled from ?template=ID if given), or the one it was merged into. */
    public void show(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        Optional<IncidentViews.Loaded> loaded = reads.incidentPage(id);
        if (loaded.isEmpty()) {
            long into = reads.mergedInto(id).orElseThrow(() -> new NotFound("No incident " + id));
            Requests.seeOther(ctx, "/console/incidents/" + into);
            return;
        }
        RefusedForm.submit(ctx, () -> {
            render(ctx, loaded.get(), picker.fromQuery(ctx), null, Map.of());
        }, fields -> render(ctx, loaded.get(), new FormInput(Map.of()), null, fields));
    }

    /** POST: posts an update, or shows the form again with a preview. */
    public void postUpdate(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            switch (input.action()) {
                case "preview" -> render(ctx, id, input, views.html(IncidentForms.normalise(input.text("body"))), Map.of());
                default -> {
                    editor.postUpdate(StaffGuard.user(ctx), id, forms.update(input, reads.componentIds()));
                    Requests.seeOther(ctx, "/console/incidents/" + id);
                }
            }
        }, fields -> render(ctx, id, input, null, fields));
    }

    public void rename(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            editor.rename(StaffGuard.user(ctx), id, IncidentForms.name(input.text("name")));
            Requests.seeOther(ctx, "/console/incidents/" + id);
        }, fields -> render(ctx, id, input, null, fields));
    }

    /** Corrects the impact; the correction sticks against later automatic updates. */
    public void correctImpact(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            editor.correctImpact(StaffGuard.user(ctx), id, IncidentForms.impact(input.text("impact")));
            Requests.seeOther(ctx, "/console/incidents/" + id + "#impact-heading");
        }, fields -> render(ctx, id, input, null, fields));
    }

    /** Merges the incident chosen in the form ("from") into this one. */
    public void merge(Context ctx) {
        long id = Requests.pathId(ctx, "id");
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            merger.merge(StaffGuard.user(ctx), id, mergeSource(input.text("from")));
            Requests.seeOther(ctx, "/console/incidents/" + id);
        }, fields -> render(ctx, id, input, null, fields));
    }

    private static long mergeSource(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("from", "Choose the incident to merge into this one.");
        }
    }

    private void render(Context ctx, long id, FormInput input, String preview, Map<String, String> errors) {
        render(ctx, reads.incidentPage(id).orElseThrow(() -> new NotFound("No incident " + id)), input,
                preview, errors);
    }

    private void render(Context ctx, IncidentViews.Loaded loaded, FormInput input, String preview,
            Map<String, String> errors) {
        pages.page(ctx, "console/incidents/show.jte",
                views.show(Frame.of(siteName, ctx), StaffGuard.canEdit(ctx), loaded, input, preview, errors));
    }
}
