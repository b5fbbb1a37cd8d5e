package dev.vigil.actionitems;

import dev.vigil.accounts.StaffGuard;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The board across all postmortems, its CSV export, and each person's own open items. */
public record BoardHandlers(ActionItems items, ItemViews views, Database database, ComponentStore components,
        Templates templates, String siteName) {

    /** GET /console/action-items?owner=&status=&priority=&component=&overdue=1 */
    public void board(Context ctx) {
        ItemFilters filters;
        Map<String, String> errors = Map.of();
        try {
            filters = ItemFilters.parse(ctx::queryParam);
        } catch (InvalidInput e) {
            filters = ItemFilters.none();
            errors = e.fields();
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        List<ActionItem> found = errors.isEmpty() ? items.matching(filters) : List.of();
        templates.page(ctx, "actionitems/board.jte", new ItemPages.Board(Requests.frame(ctx, siteName), views.zone(),
                ownerOptions(filters), statusOptions(filters), priorityOptions(filters), componentOptions(filters),
                filters.overdue(), views.rows(found, items.today()), "/console/action-items.csv" + query(filters),
                errors, OneClickRequests.of(ctx, items)));
    }

    /** GET /console/action-items.csv with the board's filters. */
    public void csv(Context ctx) {
        ItemFilters filters = ItemFilters.parse(ctx::queryParam);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"action-items-" + items.today() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(ActionItemCsv.write(items.matching(filters), items.today()));
    }

    /** GET /console/action-items/mine: the signed-in person's items not yet done, overdue first. */
    public void mine(Context ctx) {
        long userId = StaffGuard.user(ctx).id();
        templates.page(ctx, "actionitems/mine.jte", new ItemPages.Mine(Requests.frame(ctx, siteName), views.zone(),
                views.rows(items.matching(ItemFilters.mine(userId)), items.today()), OneClickRequests.of(ctx, items)));
    }

    private List<ItemPages.Option> ownerOptions(ItemFilters filters) {
        List<ItemPages.Option> options = new ArrayList<>();
        options.add(new ItemPages.Option("", "Anyone", filters.ownerId() == null));
        items.owners().forEach(o -> options.add(new ItemPages.Option(Long.toString(o.id()), o.name(),
                filters.ownerId() != null && filters.ownerId() == o.id())));
        return options;
    }

    private static List<ItemPages.Option> statusOptions(ItemFilters filters) {
        List<ItemPages.Option> options = new ArrayList<>();
        options.add(new ItemPages.Option("", "Any status", filters.status() == null));
        options.addAll(ItemViews.options(ItemStatus.values(), ItemStatus::key, ItemStatus::label,
                filters.status() == null ? "" : filters.status().key()));
        return options;
    }

    private static List<ItemPages.Option> priorityOptions(ItemFilters filters) {
        List<ItemPages.Option> options = new ArrayList<>();
        options.add(new ItemPages.Option("", "Any priority", filters.priority() == null));
        options.addAll(ItemViews.options(Priority.values(), Priority::key, Priority::label,
                filters.priority() == null ? "" : filters.priority().key()));
        return options;
    }

    private List<ItemPages.Option> componentOptions(ItemFilters filters) {
        List<ItemPages.Option> options = new ArrayList<>();
        options.add(new ItemPages.Option("", "Any component", filters.componentId() == null));
        for (Component c : database.read(components::all)) {
            options.add(new ItemPages.Option(c.id(), c.name(), c.id().equals(filters.componentId())));
        }
        return options;
    }

    private static String query(ItemFilters filters) {
        Map<String, String> query = filters.asQuery();
        return query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
