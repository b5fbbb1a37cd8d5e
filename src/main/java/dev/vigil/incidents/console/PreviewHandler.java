package dev.vigil.incidents.console;

import dev.vigil.errors.Refused;
import dev.vigil.markdown.Markdown;
import io.javalin.http.Context;

/**
 * POST /console/preview: the HTML fragment a Markdown text renders to, through the same renderer
 * as the public page, for the live preview script, with each prompt still to write marked
 * (markdown.Prompts), as the forms' own Preview buttons mark them without it.
 */
public final class PreviewHandler {
    private final Markdown markdown;

    PreviewHandler(Markdown markdown) {
        this.markdown = markdown;
    }

    public void preview(Context ctx) {
        String body = IncidentForms.normalise(FormInput.of(ctx).text("body"));
        if (body.length() > IncidentForms.MAX_NOTICE) {
            throw new Refused("The text is longer than " + IncidentForms.MAX_NOTICE + " characters.");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(markdown.toHtmlMarkingPrompts(body));
    }
}
