package dev.vigil.actionitems;

import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.markdown.Markdown;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;

/** The action item pages of the console (issue 4), for the route table. */
public record ActionItemConsole(ItemHandlers items, BoardHandlers board) {

    public static ActionItemConsole build(ActionItems items, DuePolicy duePolicy, Database database,
            ComponentStore components, Markdown markdown, Templates templates, TimeFormat times, String siteName) {
        ItemViews views = new ItemViews(times, markdown, items.donePolicy());
        return new ActionItemConsole(new ItemHandlers(items, views, duePolicy, templates, siteName),
                new BoardHandlers(items, views, database, components, templates, siteName));
    }
}
