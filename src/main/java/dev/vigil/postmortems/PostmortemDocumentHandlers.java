package dev.vigil.postmortems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The revisions page, the two exports (Markdown, printable page), and the admins' template editor. */
public record PostmortemDocumentHandlers(Postmortems postmortems, PostmortemViews views, MarkdownExport export,
        Templates pages, String siteName) {

    public void revisions(Context ctx) {
        long id = Form.pathId(ctx, "id");
        Postmortem postmortem = postmortems.load(id).postmortem();
        pages.page(ctx, "postmortems/revisions.jte", views.revisions(Frame.of(siteName, ctx),
                postmortem, postmortems.revisions(id)));
    }

    /** GET: the write-up as a Markdown file. */
    public void markdown(Context ctx) {
        long id = Form.pathId(ctx, "id");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"postmortem-" + id + ".md\"");
        ctx.contentType("text/markdown; charset=utf-8").result(export.of(postmortems.load(id)));
    }

    /** GET: a page to print or save as PDF. */
    public void print(Context ctx) {
        pages.page(ctx, "postmortems/print.jte", views.print(siteName, postmortems.load(Form.pathId(ctx, "id"))));
    }

    public void showTemplate(Context ctx) {
        List<PostmortemPages.TemplateLine> lines = new ArrayList<>();
        List<TemplateSections.TemplateSection> sections = postmortems.template();
        for (int i = 0; i < sections.size(); i++) {
            TemplateSections.TemplateSection s = sections.get(i);
            lines.add(new PostmortemPages.TemplateLine(i, s.key(), Integer.toString(s.position()), s.title(),
                    s.guidance(), false));
        }
        lines.add(new PostmortemPages.TemplateLine(sections.size(), "", Integer.toString(sections.size() + 1), "", "",
                true));
        pages.page(ctx, "postmortems/template.jte", new PostmortemPages.TemplatePage(
                Frame.of(siteName, ctx), lines, Map.of()));
    }

    /**
     * POST: the whole template from the form's rows section.N.(key|position|title|guidance|remove);
     * a row with an empty key and title (the blank "add" row) is skipped.
     */
    public void saveTemplate(Context ctx) {
        Form form = Form.of(ctx);
        List<PostmortemPages.TemplateLine> lines = new ArrayList<>();
        List<TemplateSections.TemplateSection> sections = new ArrayList<>();
        for (int i = 0; form.fields().containsKey("section." + i + ".key"); i++) {
            String row = "section." + i + ".";
            String key = form.text(row + "key").strip();
            String title = form.text(row + "title").strip();
            boolean isNew = form.text(row + "new").equals("1");
            lines.add(new PostmortemPages.TemplateLine(i, key, form.text(row + "position"), title,
                    form.text(row + "guidance"), isNew));
            if ((isNew && key.isEmpty() && title.isEmpty()) || form.text(row + "remove").equals("1")) {
                continue;
            }
            sections.add(new TemplateSections.TemplateSection(key, position(form.text(row + "position"), i), title,
                    form.text(row + "guidance").strip()));
        }
        try {
            postmortems.saveTemplate(StaffGuard.user(ctx), sections);
            ctx.redirect("/console/postmortems/template", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            pages.page(ctx, "postmortems/template.jte", new PostmortemPages.TemplatePage(
                    Frame.of(siteName, ctx), lines, remap(e.fields(), lines, sections)));
        }
    }

    /** The rules number the kept sections; the form numbers every row. Errors go to the form's row. */
    private static Map<String, String> remap(Map<String, String> errors, List<PostmortemPages.TemplateLine> lines,
            List<TemplateSections.TemplateSection> kept) {
        Map<String, String> mapped = new java.util.LinkedHashMap<>();
        errors.forEach((field, message) -> {
            String[] parts = field.split("\\.");
            if (parts.length == 3) {
                String key = kept.get(Integer.parseInt(parts[1])).key();
                int row = lines.stream().filter(l -> l.key().equals(key)).mapToInt(PostmortemPages.TemplateLine::index)
                        .findFirst().orElse(0);
                mapped.put("section." + row + "." + parts[2], message);
            } else {
                mapped.put(field, message);
            }
        });
        return mapped;
    }

    private static int position(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback + 1;
        }
    }
}
