package dev.vigil.monitoring;

import dev.vigil.accounts.ApiGuard;
import dev.vigil.config.Entries;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RedactedUrl;
import dev.vigil.config.TlsTarget;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.errors.InvalidInput;
import dev.vigil.errors.NotFound;
import dev.vigil.outages.LocationView;
import dev.vigil.heartbeats.HeartbeatView;
import dev.vigil.heartbeats.Heartbeats;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeState;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.CertificateReasons;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckRollupStore;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.Latency;
import dev.vigil.probes.RollupPeriod;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.ApiErrors;
import dev.vigil.web.JsonBody;
import dev.vigil.web.JsonResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * /api/v1/probes: each running probe with its confirmed status, its last check and its open
 * outage; retired ones are not listed. Admins create, change and remove those made outside
 * vigil.yml (issue 3), with the file's keys and rules; those of vigil.yml answer 409.
 */
public record ProbeApi(ProbeRegistry probes, ComponentEditor editor, Database database, ProbeStateStore states,
        CheckStore checks, CheckRollupStore rollups, OutageStore outages, Heartbeats heartbeats, TimeFormat times,
        Clock clock, OutageService detection) {

    static final List<String> FIELDS = List.of("id", "component", "url", "interval", "timeout", "connect_timeout",
            "max_body", "expect", "failures_to_open", "successes_to_close");

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("probes", probes.running().stream().map(p -> view(p, ctx)).toList()));
    }

    public void one(Context ctx) {
        JsonResponse.send(ctx, 200, view(find(ctx.pathParam("id")), ctx));
    }

    /** POST /api/v1/probes: starts checking at once. */
    public void create(Context ctx) {
        ProbeConfig probe = JsonBody.of(ctx, FIELDS).readWith(values -> Entries.probe(values, editor.componentIds()));
        editor.createProbe(probe, ApiGuard.token(ctx).actor());
        ctx.header("Location", ApiErrors.BASE + "/probes/" + probe.id());
        JsonResponse.send(ctx, 201, view(find(probe.id()), ctx));
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
        JsonResponse.send(ctx, 200, view(find(changed.id()), ctx));
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

    private Map<String, Object> view(ProbeConfig p, Context ctx) {
        boolean admin = ApiGuard.token(ctx).role().includes(Role.ADMIN);
        Map<String, Object> heartbeat = heartbeats.view(p.id()).map(h -> heartbeat(h, admin)).orElse(null);
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
            json.put("last_check", checks.latest(handle, p.id(), 1).stream().findFirst()
                    .map(c -> check(c, TlsTarget.TYPE.equals(p.type()))).orElse(null));
            json.put("quorum", p.locations().quorum());
            json.put("locations", detection.locationsOf(handle, p.id()).stream().map(this::location).toList());
            json.put("open_outage", outages.openFor(handle, p.id()).map(this::outage).orElse(null));
            json.put("latency_24h", latency(handle, p.id()));
            if (heartbeat != null) {
                json.put("heartbeat", heartbeat);
            }
            return json;
        });
    }

    /** From the hourly roll-ups (issue 11): the last 24 whole hours and the current one. */
    private Map<String, Object> latency(Handle handle, String probeId) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(24)).truncatedTo(ChronoUnit.HOURS);
        Latency latency = Latency.of(rollups.find(handle, probeId, RollupPeriod.HOUR, from, now));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("answered", latency.answered());
        json.put("p50_ms", latency.p50Millis().orElse(null));
        json.put("p95_ms", latency.p95Millis().orElse(null));
        json.put("p99_ms", latency.p99Millis().orElse(null));
        return json;
    }

    private static Map<String, Object> thresholds(ProbeConfig p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failures_to_open", p.failuresToOpen());
        json.put("successes_to_close", p.successesToClose());
        if (p.isHttp()) {
            // The lowest code keeps the field a number; expected_statuses lists them all, as in "200, 300-399".
            json.put("expected_status", p.http().expect().status().lowest());
            json.put("expected_statuses", p.http().expect().status().toString());
            Duration maxLatency = p.http().expect().maxLatency();
            json.put("max_latency_ms", maxLatency == null ? null : maxLatency.toMillis());
        }
        return json;
    }

    /**
     * A heartbeat's settings and latest pings (issue 11). ping_url carries the token only for an admin token and a
     * token Vigil generated: a ping is a state change, and a token from vigil.yml is not kept.
     */
    private Map<String, Object> heartbeat(HeartbeatView h, boolean admin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period_seconds", h.period().toSeconds());
        json.put("grace_seconds", h.grace().toSeconds());
        json.put("token_source", h.tokenGenerated() ? "generated" : "config");
        json.put("ping_url", admin && h.tokenGenerated() ? h.pingUrl() : h.maskedUrl());
        json.put("last_ping_at", times.iso(h.lastPingAt()));
        json.put("last_ping_kind", h.lastPing() == null ? null : h.lastPing().kind().key());
        json.put("last_run_ms", h.lastRunDuration() == null ? null : h.lastRunDuration().toMillis());
        return json;
    }

    /** @param tls adds certificate_days_left: null when the check saw no usable certificate */
    private Map<String, Object> check(CheckResult c, boolean tls) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", times.iso(c.startedAt()));
        json.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
        json.put("reason", c.reason());
        json.put("duration_ms", c.duration().toMillis());
        json.put("status_code", c.statusCode());
        if (tls) {
            OptionalInt daysLeft = CertificateReasons.daysLeft(c.reason());
            json.put("certificate_days_left", daysLeft.isPresent() ? daysLeft.getAsInt() : null);
        }
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
