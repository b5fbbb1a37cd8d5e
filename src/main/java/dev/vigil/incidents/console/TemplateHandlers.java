package dev.vigil.incidents.console;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.Map;

/** Saved wording for common updates: list, save, delete. */
public record TemplateHandlers(IncidentReads reads, UpdateTemplates templates, IncidentViews views, Templates pages,
        String siteName) {

    public void list(Context ctx) {
        render(ctx, new FormInput(Map.of()), Map.of());
    }

    public void create(Context ctx) {
        FormInput input = FormInput.of(ctx);
        RefusedForm.submit(ctx, () -> {
            IncidentForms.Template template = IncidentForms.template(input);
            templates.create(StaffGuard.user(ctx), template.name(), template.status(), template.body());
            Requests.seeOther(ctx, "/console/incidents/templates");
        }, fields -> render(ctx, input, fields));
    }

    public void delete(Context ctx) {
        templates.delete(StaffGuard.user(ctx), Requests.pathId(ctx, "templateId"));
        Requests.seeOther(ctx, "/console/incidents/templates");
    }

    private void render(Context ctx, FormInput input, Map<String, String> errors) {
        pages.page(ctx, "console/incidents/templates.jte",
                views.templates(Frame.of(siteName, ctx), reads.templates(), input, errors));
    }
}
