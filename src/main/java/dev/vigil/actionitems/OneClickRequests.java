package dev.vigil.actionitems;

import dev.vigil.console.Role;
import dev.vigil.console.SignedIn;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * The one-click close of any list that shows action items: where it returns, and the undo that
 * the list then offers (?closed=ID&was=STATUS). Lists of other features (the console home) use it too.
 */
public final class OneClickRequests {
    private static final Pattern BACK = Pattern.compile("/console(/[A-Za-z0-9_./-]*)?(\\?[A-Za-z0-9_.=&%+-]*)?");
    private static final Pattern JUST_CLOSED = Pattern.compile("(^|&)(closed|was)=[^&]*");

    private OneClickRequests() {}

    /**
     * Where a one-click change returns: a console page given by the form, else the fallback. Only a
     * path inside the console is taken, so a crafted form cannot send anyone elsewhere.
     */
    static String back(Context ctx, String fallback) {
        String back = ctx.formParam("back");
        return back != null && BACK.matcher(back).matches() ? back : fallback;
    }

    /** This page's own path and query, without the marks of an item just closed: where its forms come back to. */
    static String here(Context ctx) {
        String query = withoutMarks(ctx.queryString());
        return ctx.path() + (query.isEmpty() ? "" : "?" + query);
    }

    /** The list's one-click close: the item named by ?closed= with the status ?was= it had, when it is still done. */
    public static ItemPages.OneClick of(Context ctx, ActionItems items) {
        return new ItemPages.OneClick(Requests.allows(ctx, Role.EDITOR), SignedIn.of(ctx).csrfToken(), here(ctx),
                items.justClosed(ctx.queryParam("closed"), ctx.queryParam("was")).orElse(null));
    }

    /** The page to return to after closing an item, telling it which item was closed and how to undo it. */
    static String afterClosing(String back, ActionItem before) {
        int mark = back.indexOf('?');
        String query = mark < 0 ? "" : withoutMarks(back.substring(mark + 1));
        return (mark < 0 ? back : back.substring(0, mark)) + "?" + (query.isEmpty() ? "" : query + "&")
                + "closed=" + before.id() + "&was=" + before.status().key();
    }

    private static String withoutMarks(String query) {
        return query == null ? "" : JUST_CLOSED.matcher(query).replaceAll("").replaceAll("&{2,}", "&")
                .replaceAll("^&|&$", "");
    }
}
