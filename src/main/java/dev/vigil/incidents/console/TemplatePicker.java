package dev.vigil.incidents.console;

import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * "Use template": a small GET form above an update form sends ?template=ID, and the update form
 * comes back with the template's status and text. It is its own form so that pressing Enter in
 * the update form always posts the update, never picks a template.
 */
record TemplatePicker(Database database, TemplateStore templates) {

    /** The update form's starting values: empty, or the chosen template's. */
    FormInput fromQuery(Context ctx) {
        String chosen = ctx.queryParam("template");
        if (chosen == null) {
            return new FormInput(Map.of());
        }
        long id;
        try {
            id = Long.parseLong(chosen);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("template", "Choose a template from the list.");
        }
        TemplateStore.Template template = database.read(handle -> templates.find(handle, id))
                .orElseThrow(() -> InvalidInput.of("template", "That template was deleted. Choose another."));
        return new FormInput(Map.of()).with(Map.of("template", chosen, "status", template.status().apiName(),
                "body", template.body()));
    }
}
