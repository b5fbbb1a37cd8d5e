package dev.vigil.home;

import dev.vigil.actionitems.ActionItems;
import dev.vigil.actionitems.OneClickRequests;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import dev.vigil.console.SignedIn;
import dev.vigil.db.Database;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * GET /console: what needs the signed-in person now, most urgent first.
 */
public record HomeConsole(Database database, ActionItems actionItems, Clock clock, TimeFormat times,
        Templates templates, String siteName) {
    private static final NeedsMeQueries QUERIES = new NeedsMeQueries();

    public void page(Context ctx) {
        SignedIn person = SignedIn.of(ctx);
        Instant now = clock.instant();
        LocalDate today = now.atZone(times.zone()).toLocalDate();
        NeedsMe needs = database.read(handle -> QUERIES.read(handle, person.userId(), now, today));
        HomeRows rows = new HomeRows(times, now, today, actionItems.donePolicy());
        templates.page(ctx, "home/needs-me.jte", new HomePages(Frame.of(siteName, ctx), times.zone().getId(),
                person.role().includes(Role.EDITOR), needs.isEmpty(),
                needs.incidents().stream().map(rows::incident).toList(),
                needs.notices().stream().map(rows::notice).toList(),
                needs.postmortems().stream().map(rows::postmortem).toList(),
                needs.items().stream().map(rows::item).toList(),
                needs.probes().stream().map(rows::probe).toList(), OneClickRequests.of(ctx, actionItems)));
    }
}
