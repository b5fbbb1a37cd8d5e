package dev.vigil.monitoring;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.config.Entries;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RedactedUrl;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.outages.LocationView;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeState;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * /api/v1/probes: each running probe with its confirmed status, its last check and its open
 * outage; retired ones are not listed. Admins create, change and remove those made outside
 * vigil.yml (issue 3), with the file's keys and rules; those of vigil.yml answer 409.
 */
public record ProbeApi(ProbeRegistry probes, ComponentEditor editor, Database database, ProbeStateStore states,
        CheckStore checks, OutageStore outages, TimeFormat times, OutageService detection) {

    static final List<String> FIELDS = List.of("id", "component", "url", "interval", "timeout", "connect_timeout",
            "max_body", "expect", "failures_to_open", "successes_to_close");

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("probes", probes.running().stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        JsonResponse.send(ctx, 200, view(find(ctx.pathParam("id"))));
    }

    /** POST /api/v1/probes: starts checking at once. */
    public void create(Context ctx) {
        ProbeConfig probe = JsonBody.of(ctx, FIELDS).readWith(values -> Entries.probe(values, editor.componentIds()));
        editor.createProbe(probe, ApiGuard.token(ctx).actor());
        ctx.header("Location", ApiErrors.BASE + "/probes/" + probe.id());
        JsonResponse.send(ctx, 201, view(find(probe.id())));
    }

    /** PATCH /api/v1/probes/{id}: the fields given change (expect's keys one by one); null restores a default. */
    @SuppressWarnings("unchecked")
    public void update(Context ctx) {
        ProbeConfig current = editor.editableProbe(ctx.pathParam("id"));
        ProbeConfig changed = JsonBody.of(ctx, FIELDS).readWith(changes -> {
            if (changes.containsKey("id") && !current.id().equals(changes.get("id"))) {
                throw InvalidInput.of("id", "An id cannot change; create a new probe and remove this one.");
            }
            Map<String, Object> merged = Entries.nest(Entries.fieldsOf(current));
            if (changes.get("expect") instanceof Map<?, ?> expect && merged.get("expect") instanceof Map<?, ?> was) {
                Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) was);
                both.putAll((Map<String, Object>) expect);
                changes.put("expect", both);
            }
            merged.putAll(changes);
            return Entries.probe(merged, editor.componentIds());
        });
        editor.updateProbe(changed, ApiGuard.token(ctx).actor());
        JsonResponse.send(ctx, 200, view(find(changed.id())));
    }

    /** DELETE /api/v1/probes/{id}: stops checking; its history stays. */
    public void remove(Context ctx) {
        editor.removeProbe(ctx.pathParam("id"), ApiGuard.token(ctx).actor());
        ctx.status(204);
    }

    private ProbeConfig find(String id) {
        return probes.running().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("There is no probe with the id \"" + id + "\"."));
    }

    private Map<String, Object> view(ProbeConfig p) {
        return database.read(handle -> {
            ProbeState state = states.load(handle, p.id()).map(ProbeStateStore.Versioned::state)
                    .orElse(ProbeState.initial());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", p.id());
            json.put("component_id", p.componentId());
            json.put("source", probes.isFromConfig(p.id()) ? "config" : ComponentEditor.SOURCE);
            json.put("type", p.type());
            json.put("url", p.isHttp() ? RedactedUrl.of(p.http().url()) : null);
            json.put("target", p.target().shown());
            json.put("interval_seconds", p.interval().toSeconds());
            json.put("timeout_ms", p.timeout().toMillis());
            json.put("thresholds", thresholds(p));
            json.put("status", state.status().name().toLowerCase(Locale.ROOT));
            json.put("last_check", checks.latest(handle, p.id(), 1).stream().findFirst().map(this::check).orElse(null));
            json.put("quorum", p.locations().quorum());
            json.put("locations", detection.locationsOf(handle, p.id()).stream().map(this::location).toList());
            json.put("open_outage", outages.openFor(handle, p.id()).map(this::outage).orElse(null));
            return json;
        });
    }

    private static Map<String, Object> thresholds(ProbeConfig p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failures_to_open", p.failuresToOpen());
        json.put("successes_to_close", p.successesToClose());
        if (p.isHttp()) {
            json.put("expected_status", p.http().expect().status());
            Duration maxLatency = p.http().expect().maxLatency();
            json.put("max_latency_ms", maxLatency == null ? null : maxLatency.toMillis());
        }
        return json;
    }

    private Map<String, Object> check(CheckResult c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", times.iso(c.startedAt()));
        json.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
        json.put("reason", c.reason());
        json.put("duration_ms", c.duration().toMillis());
        json.put("status_code", c.statusCode());
        return json;
    }

    /** What one location sees (issue 11): up, down, degraded, or no_data (silent, or its canary failed too). */
    private Map<String, Object> location(LocationView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", view.name());
        json.put("status", view.condition().apiName());
        json.put("last_check_at", times.iso(view.lastCheckAt()));
        json.put("reason", view.reason());
        return json;
    }

    private Map<String, Object> outage(Outage o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(o.id()));
        json.put("started_at", times.iso(o.startedAt()));
        json.put("confirmed_at", times.iso(o.confirmedAt()));
        json.put("reason", o.firstFailureReason());
        json.put("incident_id", o.incidentId() == null ? null : Long.toString(o.incidentId()));
        return json;
    }
}
