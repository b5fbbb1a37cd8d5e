package dev.vigil.maintenance;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.ApiUpdates;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin API's maintenance windows: read them, schedule one, cancel one. Scheduling runs the
 * console form's checks ({@link MaintenanceForm}); only the times differ, ISO-8601 with an offset.
 */
public record MaintenanceApi(MaintenanceService maintenance, Database database, ComponentStore components,
        TimeFormat times, Clock clock) {

    /** The list holds every window not yet completed and, after them, this many of the latest. */
    public static final int LATEST = 50;
    static final List<String> NEW_MAINTENANCE_FIELDS = List.of("name", "description", "component_ids",
            "scheduled_for", "scheduled_until", "rrule");
    static final List<String> CANCEL_FIELDS = List.of("series");
    /** The form's field names as this API spells them, for the messages of a refused window. */
    private static final Map<String, String> FIELD_NAMES = Map.of("components", "component_ids",
            "start", "scheduled_for", "end", "scheduled_until");

    public void list(Context ctx) {
        MaintenanceService.Overview overview = maintenance.overview(LATEST);
        Map<Long, Maintenance> windows = new LinkedHashMap<>();
        overview.current().forEach(m -> windows.put(m.id(), m));
        overview.latest().forEach(m -> windows.putIfAbsent(m.id(), m));
        JsonResponse.send(ctx, 200, Map.of("maintenances", windows.values().stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        long id = maintenanceId(ctx);
        JsonResponse.send(ctx, 200, view(maintenance.find(id).orElseThrow(() -> noSuchWindow(id))));
    }

    public void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, NEW_MAINTENANCE_FIELDS);
        MaintenanceForm form = new MaintenanceForm(body.text("name"), body.text("description"),
                body.texts("component_ids"), body.text("scheduled_for"), body.text("scheduled_until"), body.text("rrule"));
        body.throwIfInvalid();
        NewMaintenance window;
        try {
            window = form.checkWithOffsets(times.zone(), clock.instant(), componentIds());
        } catch (InvalidInput e) {
            throw renamed(e);
        }
        long id = maintenance.schedule(window, ApiGuard.token(ctx).actor());
        ctx.header("Location", ApiErrors.BASE + "/maintenances/" + id);
        JsonResponse.send(ctx, 201, view(maintenance.find(id).orElseThrow()));
    }

    /** The body is optional; {"series": true} also cancels the later windows of the window's series. */
    public void cancel(Context ctx) {
        long id = maintenanceId(ctx);
        boolean series = false;
        if (!ctx.body().isBlank()) {
            JsonBody body = JsonBody.of(ctx, CANCEL_FIELDS);
            series = body.flag("series");
            body.throwIfInvalid();
        }
        if (maintenance.find(id).isEmpty()) {
            throw noSuchWindow(id);
        }
        maintenance.cancel(id, series, ApiGuard.token(ctx).actor());
        JsonResponse.send(ctx, 200, view(maintenance.find(id).orElseThrow()));
    }

    private Map<String, Object> view(Maintenance m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(m.id()));
        json.put("series_id", m.seriesId() == null ? null : Long.toString(m.seriesId()));
        json.put("name", m.name());
        json.put("description", m.description());
        json.put("status", m.status().apiName());
        json.put("rrule", m.rrule());
        json.put("scheduled_for", times.iso(m.scheduledFor()));
        json.put("scheduled_until", times.iso(m.scheduledUntil()));
        json.put("started_at", times.iso(m.startedAt()));
        json.put("resolved_at", times.iso(m.resolvedAt()));
        json.put("cancelled_at", times.iso(m.cancelledAt()));
        json.put("created_at", times.iso(m.createdAt()));
        json.put("updated_at", times.iso(m.updatedAt()));
        json.put("component_ids", m.componentIds());
        json.put("updates", m.updates().stream().map(this::view).toList());
        return json;
    }

    private Map<String, Object> view(MaintenanceUpdate u) {
        return ApiUpdates.view(u.id(), u.status().apiName(), u.body(), u.displayAt(), u.createdAt(), times);
    }

    private Set<String> componentIds() {
        return database.read(components::all).stream().map(Component::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static InvalidInput renamed(InvalidInput e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.fields().forEach((field, message) -> fields.put(FIELD_NAMES.getOrDefault(field, field), message));
        return new InvalidInput(fields);
    }

    private static long maintenanceId(Context ctx) {
        return PathIds.id(ctx, "maintenance window");
    }

    private static NotFound noSuchWindow(long id) {
        return PathIds.noSuch("maintenance window", id);
    }
}
