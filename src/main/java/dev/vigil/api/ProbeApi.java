package dev.vigil.api;

import dev.vigil.config.ProbeConfig;
import dev.vigil.db.Database;
import dev.vigil.outages.Outage;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeState;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.CheckResult;
import dev.vigil.probes.CheckStore;
import dev.vigil.time.TimeFormat;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /api/v1/probes and /api/v1/probes/{id}: each configured probe with its confirmed status,
 * its last check and its open outage. Probes come from the configuration; retired ones are not listed.
 */
public final class ProbeApi {
    private final List<ProbeConfig> probes;
    private final Database database;
    private final ProbeStateStore states;
    private final CheckStore checks;
    private final OutageStore outages;
    private final TimeFormat times;

    public ProbeApi(List<ProbeConfig> probes, Database database, ProbeStateStore states, CheckStore checks,
            OutageStore outages, TimeFormat times) {
        this.probes = List.copyOf(probes);
        this.database = database;
        this.states = states;
        this.checks = checks;
        this.outages = outages;
        this.times = times;
    }

    public void list(Context ctx) {
        JsonResponse.send(ctx, 200, Map.of("probes", probes.stream().map(this::view).toList()));
    }

    public void one(Context ctx) {
        String id = ctx.pathParam("id");
        ProbeConfig probe = probes.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("There is no probe with the id \"" + id + "\"."));
        JsonResponse.send(ctx, 200, view(probe));
    }

    private Map<String, Object> view(ProbeConfig p) {
        return database.read(handle -> {
            ProbeState state = states.load(handle, p.id()).map(ProbeStateStore.Versioned::state)
                    .orElse(ProbeState.initial());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", p.id());
            json.put("component_id", p.componentId());
            json.put("url", withoutCredentials(p.url()));
            json.put("interval_seconds", p.interval().toSeconds());
            json.put("timeout_ms", p.timeout().toMillis());
            json.put("thresholds", thresholds(p));
            json.put("status", state.status().name().toLowerCase(Locale.ROOT));
            json.put("last_check", checks.latest(handle, p.id(), 1).stream().findFirst().map(this::check).orElse(null));
            json.put("open_outage", outages.openFor(handle, p.id()).map(this::outage).orElse(null));
            return json;
        });
    }

    private static Map<String, Object> thresholds(ProbeConfig p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("failures_to_open", p.failuresToOpen());
        json.put("successes_to_close", p.successesToClose());
        json.put("expected_status", p.expect().status());
        json.put("max_latency_ms", p.expect().maxLatency() == null ? null : p.expect().maxLatency().toMillis());
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

    private Map<String, Object> outage(Outage o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(o.id()));
        json.put("started_at", times.iso(o.startedAt()));
        json.put("confirmed_at", times.iso(o.confirmedAt()));
        json.put("reason", o.firstFailureReason());
        json.put("incident_id", o.incidentId() == null ? null : Long.toString(o.incidentId()));
        return json;
    }

    /** A URL may carry a password (https://user:secret@host/); viewers see the rest of it. */
    private static String withoutCredentials(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(),
                    url.getFragment()).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
