package dev.vigil.incidents.console;

import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Opening an incident by hand, and recording one that is already over. */
public final class NewIncidentHandlers {
    private final IncidentReads reads;
    private final IncidentEditor editor;
    private final TemplatePicker picker;
    private final IncidentForms forms;
    private final IncidentViews views;
    private final Templates pages;
    private final String siteName;

    NewIncidentHandlers(IncidentReads reads, IncidentEditor editor, TemplatePicker picker, IncidentForms forms,
            IncidentViews views, Templates pages, String siteName) {
        this.reads = reads;
        this.editor = editor;
        this.picker = picker;
        this.forms = forms;
        this.views = views;
        this.pages = pages;
        this.siteName = siteName;
    }

    public void showNew(Context ctx) {
        try {
            renderNew(ctx, picker.fromQuery(ctx), null, Map.of());
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderNew(ctx, new FormInput(Map.of()), null, e.fields());
        }
    }

    /** POST: opens the incident, or shows the form again with a preview. */
    public void create(Context ctx) {
        FormInput input = FormInput.of(ctx);
        try {
            switch (input.action()) {
                case "preview" -> renderNew(ctx, input, views.html(IncidentForms.normalise(input.text("body"))), Map.of());
                default -> {
                    long id = editor.open(Requests.user(ctx), forms.newIncident(input, reads.componentIds()));
                    Requests.seeOther(ctx, "/console/incidents/" + id);
                }
            }
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderNew(ctx, input, null, e.fields());
        }
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
        try {
            long id = editor.backfill(Requests.user(ctx), forms.backfill(input, reads.componentIds()));
            Requests.seeOther(ctx, "/console/incidents/" + id);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderBackfill(ctx, input, null, e.fields());
        }
    }

    private void renderNew(Context ctx, FormInput input, String preview, Map<String, String> errors) {
        pages.page(ctx, "console/incidents/new.jte", views.newIncident(Requests.frame(ctx, siteName), input,
                reads.components(), reads.templates(), preview, errors));
    }

    private void renderBackfill(Context ctx, FormInput input, String preview, Map<String, String> errors) {
        pages.page(ctx, "console/incidents/backfill.jte",
                views.backfill(Requests.frame(ctx, siteName), input, reads.components(), preview, errors));
    }
}
