package dev.vigil.search;

import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GET /console/search: the search box, its results, and the tags (viewers and up). */
public record SearchHandlers(SearchIndex index, Templates templates, String siteName) {

    /** GET /console/search?q=&tag=&kind=&status= */
    public void page(Context ctx) {
        String typed = ctx.queryParam("q");
        String tag = ctx.queryParam("tag");
        String kind = ctx.queryParam("kind");
        String status = ctx.queryParam("status");
        SearchQuery query;
        try {
            query = SearchQuery.parse(typed, tag, kind, status);
        } catch (InvalidInput e) {
            render(ctx, new SearchPages.Form(typed, orEmpty(tag), SearchQuery.Kind.of(kind).key(), orEmpty(status)),
                    e.fields().get("q"), null);
            return;
        }
        SearchPages.Form form = new SearchPages.Form(query.text(), orEmpty(tag), query.kind().key(),
                orEmpty(query.status()));
        render(ctx, form, null, query.isEmpty() ? null : index.search(query));
    }

    private void render(Context ctx, SearchPages.Form form, String error, SearchIndex.Results results) {
        List<SearchPages.TagLink> tags = index.tags().stream()
                .map(t -> new SearchPages.TagLink(t.tag(), t.count(), SearchPages.tagHref(t.tag()),
                        t.tag().equals(form.tag())))
                .toList();
        Map<String, String> withoutTag = new LinkedHashMap<>();
        withoutTag.put("q", form.q());
        withoutTag.put("kind", "all".equals(form.kind()) ? "" : form.kind());
        withoutTag.put("status", form.status());
        templates.page(ctx, "search/results.jte", new SearchPages.Page(Frame.of(siteName, ctx),
                form, error, results != null, results == null ? List.of() : results.hits(),
                results != null && results.more(), SearchPages.kinds(form.kind()),
                SearchPages.statuses(SearchQuery.POSTMORTEM_STATUSES, form.status()),
                SearchPages.statuses(SearchQuery.ITEM_STATUSES, form.status()), tags, SearchPages.link(withoutTag)));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
