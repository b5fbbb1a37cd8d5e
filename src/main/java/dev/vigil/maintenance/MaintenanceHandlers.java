package dev.vigil.maintenance;

import dev.vigil.accounts.Session;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.errors.Refused;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.PathIds;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The console's maintenance pages: the list (viewers), the new-window form and cancelling (editors). */
public record MaintenanceHandlers(MaintenanceService maintenance, Database database, ComponentStore components,
        Templates templates, TimeFormat times, Clock clock, String siteName) {

    private static final int LATEST = 50;
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** GET /console/maintenance */
    public void list(Context ctx) {
        Session session = StaffGuard.session(ctx);
        MaintenanceService.Overview overview = maintenance.overview(LATEST);
        Map<String, String> names = componentNames();
        templates.page(ctx, "maintenance/list.jte", new MaintenancePages.Overview(Frame.of(siteName, ctx),
                times.zone().getId(), session.user().role().includes(Role.EDITOR),
                overview.current().stream().map(m -> row(m, names)).toList(),
                overview.latest().stream().map(m -> row(m, names)).toList()));
    }

    /** GET /console/maintenance/new */
    public void showForm(Context ctx) {
        form(ctx, MaintenanceForm.empty(), Map.of());
    }

    /** POST /console/maintenance */
    public void create(Context ctx) {
        MaintenanceForm submitted = new MaintenanceForm(ctx.formParam("name"), ctx.formParam("description"),
                ctx.formParams("components"), ctx.formParam("start"), ctx.formParam("end"), ctx.formParam("rrule"));
        RefusedForm.submit(ctx, () -> {
            NewMaintenance window = submitted.check(times.zone(), clock.instant(), componentNames().keySet());
            maintenance.schedule(window, StaffGuard.user(ctx).actor());
            ctx.redirect("/console/maintenance", HttpStatus.SEE_OTHER);
        }, fields -> form(ctx, submitted, fields));
    }

    /** POST /console/maintenance/{id}/cancel; scope=series also cancels the later windows of its series. */
    public void cancel(Context ctx) {
        long id = PathIds.id(ctx, "maintenance window");
        if (maintenance.find(id).isEmpty()) {
            throw new NotFound("No maintenance window " + id);
        }
        try {
            maintenance.cancel(id, "series".equals(ctx.formParam("scope")), StaffGuard.user(ctx).actor());
        } catch (InvalidInput e) {
            throw new Refused(e.getMessage());
        }
        ctx.redirect("/console/maintenance", HttpStatus.SEE_OTHER);
    }

    private void form(Context ctx, MaintenanceForm values, Map<String, String> errors) {
        Set<String> ticked = Set.copyOf(values.components());
        List<MaintenancePages.Choice> choices = database.read(components::all).stream()
                .map(c -> new MaintenancePages.Choice(c.id(), label(c), ticked.contains(c.id())))
                .toList();
        String example = LOCAL_INPUT.format(clock.instant().plus(1, ChronoUnit.DAYS).atZone(times.zone()));
        templates.page(ctx, "maintenance/form.jte", new MaintenancePages.Form(
                Frame.of(siteName, ctx), times.zone().getId(), example, values, choices, errors));
    }

    private MaintenancePages.Row row(Maintenance m, Map<String, String> names) {
        String repeats = m.rrule() != null ? m.rrule() : m.isRecurring() ? "part of series " + m.seriesId() : "";
        String status = m.cancelledAt() == null ? m.status().label() : "Cancelled";
        return new MaintenancePages.Row(m.id(), m.name(), status, times.dateTime(m.scheduledFor()),
                times.dateTime(m.scheduledUntil()),
                m.componentIds().stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", ")),
                repeats, m.isRecurring());
    }

    private Map<String, String> componentNames() {
        return database.read(components::all).stream()
                .collect(Collectors.toMap(Component::id, Component::name, (a, b) -> a, LinkedHashMap::new));
    }

    private static String label(Component c) {
        return c.groupName() == null ? c.name() : c.groupName() + ": " + c.name();
    }
}
