package dev.vigil.postmortems;

import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.ActionItems;
import dev.vigil.db.Database;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.markdown.Markdown;
import dev.vigil.outages.OutageStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import java.time.Clock;

/**
 * The postmortem part of the staff console (issue 4): its handlers for the route table, and the
 * services other parts (review workflow, API) build on.
 */
public record PostmortemConsole(PostmortemHandlers pages, PostmortemEditHandlers edits,
        PostmortemDocumentHandlers documents, Postmortems postmortems, PostmortemEdits editor) {

    public static PostmortemConsole build(Database database, IncidentStore incidents, OutageStore outages,
            UserStore users, AuditLog audit, Markdown markdown, Templates pages, TimeFormat times, String siteName,
            Clock clock, ActionItems actionItems) {
        PostmortemStore store = new PostmortemStore();
        TimelineStore timeline = new TimelineStore();
        Postmortems postmortems = new Postmortems(database, store, timeline, new TemplateSections(),
                new IncidentRecords(), incidents, outages, users, audit, clock);
        PostmortemEdits editor = new PostmortemEdits(database, store, timeline, users, audit, clock);
        PostmortemViews views = new PostmortemViews(times, markdown, actionItems.donePolicy());
        PostmortemHandlers pagesOf = new PostmortemHandlers(postmortems, views, pages, siteName, actionItems);
        return new PostmortemConsole(pagesOf, new PostmortemEditHandlers(postmortems, editor, views, pagesOf),
                new PostmortemDocumentHandlers(postmortems, views, new MarkdownExport(times, views), pages, siteName),
                postmortems, editor);
    }
}
