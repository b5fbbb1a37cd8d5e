package dev.vigil.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * The jte templates under templates/, compiled at build time into the jar. Output is HTML with
 * every ${...} escaped; only Markdown already made safe is written raw.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a template that takes one parameter, its page model. */
    public String render(String template, Object model) {
        StringOutput output = new StringOutput();
        engine.render(template, model, output);
        return output.toString();
    }

    /** Renders a console or form page into the response; such pages are never cached. */
    public void page(Context ctx, String template, Object model) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(render(template, model));
    }
}
