package dev.vigil.monitoring;

import dev.vigil.accounts.Session;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.components.Component;
import dev.vigil.config.ComponentConfig;
import dev.vigil.config.Durations;
import dev.vigil.config.Entries;
import dev.vigil.config.HeartbeatTarget;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RedactedUrl;
import dev.vigil.console.ConsolePages.Frame;
import dev.vigil.console.Role;
import dev.vigil.db.Database;
import dev.vigil.heartbeats.HeartbeatView;
import dev.vigil.heartbeats.Heartbeats;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.probes.CheckStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.web.RefusedForm;
import dev.vigil.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's Components page and its forms (issue 3): viewers read, admins change what the
 * console made and reload vigil.yml. Each POST redirects back; a refused form is shown again.
 */
public record ComponentConsole(ComponentEditor editor, ConfigReload reload, ProbeRegistry registry, Database database,
        ProbeStateStore states, Heartbeats heartbeats, CheckStore checks, TimeFormat times, Templates templates,
        String siteName) {

    private static final String LIST = "/console/components";

    /** GET /console/components */
    public void list(Context ctx) {
        Session session = StaffGuard.session(ctx);
        List<ProbeConfig> running = registry.running();
        boolean admin = session.user().role().includes(Role.ADMIN);
        List<ComponentPages.ComponentRow> rows = editor.components().stream().map(c -> row(c, running, admin)).toList();
        templates.page(ctx, "monitoring/list.jte", new ComponentPages.Overview(frame(ctx), admin,
                ctx.queryParam("reloaded") != null, rows));
    }

    /** GET /console/components/new */
    public void newComponent(Context ctx) {
        componentForm(ctx, LIST, false, Map.of(), Map.of());
    }

    /** POST /console/components */
    public void createComponent(Context ctx) {
        Map<String, String> values = componentValues(ctx, ctx.formParam("id"));
        RefusedForm.submit(ctx, () -> {
            ComponentInput submitted = ComponentInput.read(Entries.nest(values));
            editor.createComponent(submitted.component(), submitted.position(), actor(ctx));
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        }, fields -> componentForm(ctx, LIST, false, values, fields));
    }

    /** GET /console/components/{id}/edit; 409 for a component of vigil.yml */
    public void editComponent(Context ctx) {
        Component c = editor.editableComponent(ctx.pathParam("id"));
        Map<String, String> values = new LinkedHashMap<>(Entries.fieldsOf(
                new ComponentConfig(c.id(), c.name(), c.groupName(), c.description(), c.essential())));
        values.put("position", Integer.toString(c.position()));
        componentForm(ctx, LIST + "/" + c.id(), true, values, Map.of());
    }

    /** POST /console/components/{id} */
    public void updateComponent(Context ctx) {
        String id = editor.editableComponent(ctx.pathParam("id")).id();
        Map<String, String> values = componentValues(ctx, id);
        RefusedForm.submit(ctx, () -> {
            ComponentInput submitted = ComponentInput.read(Entries.nest(values));
            editor.updateComponent(id, submitted.component(), submitted.position(), actor(ctx));
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        }, fields -> componentForm(ctx, LIST + "/" + id, true, values, fields));
    }

    /** POST /console/components/{id}/retire */
    public void retireComponent(Context ctx) {
        editor.retireComponent(ctx.pathParam("id"), actor(ctx));
        ctx.redirect(LIST, HttpStatus.SEE_OTHER);
    }

    /** GET /console/probes/new?component=... */
    public void newProbe(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("component", ctx.queryParam("component"));
        probeForm(ctx, "/console/probes", false, values, Map.of());
    }

    /** POST /console/probes */
    public void createProbe(Context ctx) {
        Map<String, String> values = probeValues(ctx, ctx.formParam("id"));
        RefusedForm.submit(ctx, () -> {
            editor.createProbe(Entries.probe(Entries.nest(values), editor.componentIds()), actor(ctx));
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        }, fields -> probeForm(ctx, "/console/probes", false, values, fields));
    }

    /** GET /console/probes/{id}/edit; 409 for a probe of vigil.yml */
    public void editProbe(Context ctx) {
        ProbeConfig probe = editor.editableProbe(ctx.pathParam("id"));
        // Shown masked; saving the form unchanged keeps the stored secrets (ComponentEditor.updateProbe).
        Map<String, String> values = new LinkedHashMap<>(Entries.fieldsOf(probe));
        values.put("url", probe.target().shown());
        probeForm(ctx, "/console/probes/" + probe.id(), true, values, Map.of());
    }

    /** POST /console/probes/{id} */
    public void updateProbe(Context ctx) {
        String id = editor.editableProbe(ctx.pathParam("id")).id();
        Map<String, String> values = probeValues(ctx, id);
        RefusedForm.submit(ctx, () -> {
            editor.updateProbe(Entries.probe(Entries.nest(values), editor.componentIds()), actor(ctx));
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        }, fields -> probeForm(ctx, "/console/probes/" + id, true, values, fields));
    }

    /** POST /console/probes/{id}/remove */
    public void removeProbe(Context ctx) {
        editor.removeProbe(ctx.pathParam("id"), actor(ctx));
        ctx.redirect(LIST, HttpStatus.SEE_OTHER);
    }

    /** GET /console/config/reload: what reloading vigil.yml would change, or its errors. */
    public void showReload(Context ctx) {
        templates.page(ctx, "monitoring/reload.jte", new ComponentPages.Reload(frame(ctx), reload.preview(), false));
    }

    /** POST /console/config/reload: applies the previewed file, unless it changed since (then previews again). */
    public void applyReload(Context ctx) {
        ConfigReload.Result result = reload.apply(String.valueOf(ctx.formParam("hash")), actor(ctx));
        if (result.applied()) {
            ctx.redirect(LIST + "?reloaded=1", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(HttpStatus.CONFLICT);
        templates.page(ctx, "monitoring/reload.jte", new ComponentPages.Reload(frame(ctx), result.preview(), true));
    }

    private static Map<String, String> componentValues(Context ctx, String id) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        for (String field : List.of("name", "group", "description", "position")) {
            values.put(field, ctx.formParam(field));
        }
        // An unticked box sends nothing: the component is then not essential.
        values.put("essential", ctx.formParam("essential") == null ? "false" : ctx.formParam("essential"));
        return values;
    }

    private static Map<String, String> probeValues(Context ctx, String id) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : Entries.PROBE_FIELDS) {
            values.put(field, ctx.formParam(field));
        }
        values.put("id", id);
        return values;
    }

    private void componentForm(Context ctx, String action, boolean editing, Map<String, String> values,
            Map<String, String> errors) {
        templates.page(ctx, "monitoring/component-form.jte",
                new ComponentPages.ComponentForm(frame(ctx), action, editing, values, errors));
    }

    private void probeForm(Context ctx, String action, boolean editing, Map<String, String> values,
            Map<String, String> errors) {
        String selected = values.get("component");
        List<ComponentPages.Choice> choices = editor.components().stream()
                .map(c -> new ComponentPages.Choice(c.id(), c.groupName() == null ? c.name() : c.groupName() + ": " + c.name(),
                        c.id().equals(selected)))
                .toList();
        templates.page(ctx, "monitoring/probe-form.jte",
                new ComponentPages.ProbeForm(frame(ctx), action, editing, values, choices, errors));
    }

    private ComponentPages.ComponentRow row(Component c, List<ProbeConfig> running, boolean admin) {
        List<ProbeConfig> ofComponent = running.stream().filter(p -> p.componentId().equals(c.id())).toList();
        Map<String, String> statuses = new LinkedHashMap<>();
        Map<String, String> lastChecks = new LinkedHashMap<>();
        database.read(handle -> {
            states.statusesOf(handle, c.id()).forEach((id, s) -> statuses.put(id, s.name().toLowerCase(Locale.ROOT)));
            // The last check's reason is where a tls probe shows its certificate's days left (issue 11).
            ofComponent.forEach(p -> checks.latest(handle, p.id(), 1).forEach(check -> lastChecks.put(p.id(),
                    check.outcome().name().toLowerCase(Locale.ROOT) + ": " + check.reason() + " ("
                            + times.dateTime(check.startedAt()) + ")")));
            return null;
        });
        List<ComponentPages.ProbeRow> probes = ofComponent.stream()
                .map(p -> new ComponentPages.ProbeRow(p.id(), p.target().shown(), every(p),
                        statuses.getOrDefault(p.id(), "unknown"), lastChecks.getOrDefault(p.id(), "none yet"),
                        registry.isFromConfig(p.id()),
                        heartbeats.view(p.id()).map(h -> heartbeatRow(h, admin)).orElse(null)))
                .toList();
        return new ComponentPages.ComponentRow(c.id(), c.name(), c.groupName(), c.description(), c.position(),
                c.status().label(), !ComponentEditor.SOURCE.equals(c.source()), c.essential(), probes);
    }

    /** A heartbeat is not polled: what staff want to read is how often its job pings. */
    private static String every(ProbeConfig probe) {
        return Durations.format(probe.target() instanceof HeartbeatTarget heartbeat ? heartbeat.period()
                : probe.interval());
    }

    private ComponentPages.HeartbeatRow heartbeatRow(HeartbeatView heartbeat, boolean admin) {
        String lastPing = heartbeat.lastPing() == null ? "none yet"
                : times.dateTime(heartbeat.lastPingAt()) + " (" + heartbeat.lastPing().kind().key() + ")";
        Duration run = heartbeat.lastRunDuration();
        String lastRun = run == null ? "not timed (send /start when a run begins)"
                : (run.compareTo(Duration.ofSeconds(1)) < 0 ? run.toMillis() + " ms" : TimeFormat.duration(run))
                        + ", ended " + times.dateTime(heartbeat.lastRun().receivedAt());
        return new ComponentPages.HeartbeatRow(heartbeat.maskedUrl(), admin ? heartbeat.pingUrl() : null,
                !heartbeat.tokenGenerated(), lastPing, lastRun);
    }

    private Frame frame(Context ctx) {
        return Frame.of(siteName, ctx);
    }

    private static String actor(Context ctx) {
        return StaffGuard.user(ctx).actor();
    }
}
