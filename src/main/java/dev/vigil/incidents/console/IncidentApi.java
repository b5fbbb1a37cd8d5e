package dev.vigil.incidents.console;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.db.Database;
import dev.vigil.errors.NotFound;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.StaffIncidents;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.ApiUpdates;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import dev.vigil.web.PathIds;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's incidents: read recent ones, open one, add an update. Writes refresh the public page. */
public final class IncidentApi {
    /** The list holds open incidents and those that started or were resolved within this window. */
    public static final Duration RECENT = Duration.ofDays(30);
    public static final int MAX_LISTED = 100;
    static final List<String> NEW_INCIDENT_FIELDS = List.of("name", "impact", "status", "body", "component_ids");
    static final List<String> NEW_UPDATE_FIELDS = List.of("status", "body");

    private final Database database;
    private final IncidentStore incidents;
    private final StaffIncidents staffIncidents;
    private final Runnable onChange;
    private final TimeFormat times;
    private final String siteUrl;
    private final Clock clock;

    public IncidentApi(Database database, IncidentStore incidents, StaffIncidents staffIncidents,
            Runnable onChange, TimeFormat times, String siteUrl, Clock clock) {
        this.database = database;
        this.incidents = incidents;
        this.staffIncidents = staffIncidents;
        this.onChange = onChange;
        this.times = times;
        this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        this.clock = clock;
    }

    public void list(Context ctx) {
        List<Incident> recent = database.read(handle -> incidents.since(handle, clock.instant().minus(RECENT), MAX_LISTED));
        JsonResponse.send(ctx, 200, Map.of("incidents", recent.stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        long id = incidentId(ctx);
        Incident incident = database.read(handle -> incidents.find(handle, id)).orElseThrow(() -> noSuchIncident(id));
        JsonResponse.send(ctx, 200, view(incident));
    }

    public void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx, NEW_INCIDENT_FIELDS);
        var draft = new StaffIncidents.Draft(body.text("name"), body.text("impact"), body.text("status"),
                body.text("body"), body.texts("component_ids"));
        body.throwIfInvalid();
        Incident incident = staffIncidents.open(draft, ApiGuard.token(ctx).actor());
        onChange.run();
        ctx.header("Location", ApiErrors.BASE + "/incidents/" + incident.id());
        JsonResponse.send(ctx, 201, view(incident));
    }

    public void addUpdate(Context ctx) {
        long id = incidentId(ctx);
        JsonBody body = JsonBody.of(ctx, NEW_UPDATE_FIELDS);
        String status = body.text("status");
        String text = body.text("body");
        body.throwIfInvalid();
        Incident incident = staffIncidents.addUpdate(id, status, text, ApiGuard.token(ctx).actor())
                .orElseThrow(() -> noSuchIncident(id));
        onChange.run();
        ctx.header("Location", ApiErrors.BASE + "/incidents/" + id);
        JsonResponse.send(ctx, 201, view(incident));
    }

    private Map<String, Object> view(Incident i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(i.id()));
        json.put("name", i.name());
        json.put("status", i.status().apiName());
        json.put("impact", i.impact().apiName());
        json.put("source", i.source());
        json.put("url", siteUrl + "/incidents/" + i.id());
        json.put("started_at", times.iso(i.startedAt()));
        json.put("created_at", times.iso(i.createdAt()));
        json.put("updated_at", times.iso(i.updatedAt()));
        json.put("monitoring_at", times.iso(i.monitoringAt()));
        json.put("resolved_at", times.iso(i.resolvedAt()));
        json.put("component_ids", i.componentIds());
        json.put("updates", i.updates().stream().map(this::view).toList());
        return json;
    }

    private Map<String, Object> view(IncidentUpdate u) {
        return ApiUpdates.view(u.id(), u.status().apiName(), u.body(), u.displayAt(), u.createdAt(), times);
    }

    private static long incidentId(Context ctx) {
        return PathIds.id(ctx, "incident");
    }

    private static NotFound noSuchIncident(long id) {
        return PathIds.noSuch("incident", id);
    }
}
