package dev.vigil.statuspage;

import dev.vigil.components.Component;
import dev.vigil.config.SiteConfig;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.maintenance.Maintenance;
import dev.vigil.maintenance.MaintenanceUpdate;
import dev.vigil.time.TimeFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public JSON in the shape of Statuspage's API v2 (https://developer.statuspage.io/),
 * field names and values exactly, so that existing aggregators and bots read Vigil unchanged.
 * Outgoing webhooks carry the same objects.
 */
public final class StatusApi {
    private final SiteConfig site;
    private final String pageId;
    private final TimeFormat times;

    public StatusApi(SiteConfig site, String pageId, TimeFormat times) {
        this.site = site;
        this.pageId = pageId;
        this.times = times;
    }

    public String pageId() {
        return pageId;
    }

    Map<String, Object> status(StatusData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", page(data));
        json.put("status", status(data.overall()));
        return json;
    }

    Map<String, Object> summary(StatusData data) {
        Map<String, Object> json = status(data);
        json.put("components", components(data));
        json.put("incidents", data.unresolved().stream().map(i -> incident(i, data)).toList());
        json.put("scheduled_maintenances", data.maintenances().stream().map(m -> maintenance(m, data)).toList());
        return json;
    }

    /** The page and some maintenance windows: what the scheduled-maintenances endpoints answer. */
    Map<String, Object> maintenances(StatusData data, List<Maintenance> windows) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("page", page(data));
        json.put("scheduled_maintenances", windows.stream().map(m -> maintenance(m, data)).toList());
        return json;
    }

    private Map<String, Object> page(StatusData data) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("id", pageId);
        page.put("name", site.name());
        page.put("url", site.url());
        page.put("time_zone", site.timeZone().getId());
        page.put("updated_at", times.iso(lastUpdate(data)));
        return page;
    }

    private static java.time.Instant lastUpdate(StatusData data) {
        java.time.Instant latest = java.time.Instant.EPOCH;
        for (Component c : data.components()) {
            latest = c.updatedAt().isAfter(latest) ? c.updatedAt() : latest;
        }
        for (Incident i : data.recent()) {
            latest = i.updatedAt().isAfter(latest) ? i.updatedAt() : latest;
        }
        for (Maintenance m : data.maintenances()) {
            latest = m.updatedAt().isAfter(latest) ? m.updatedAt() : latest;
        }
        return latest;
    }

    private static Map<String, Object> status(StatusData.Overall overall) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("indicator", overall.indicator());
        status.put("description", overall.description());
        return status;
    }

    private List<Map<String, Object>> components(StatusData data) {
        List<Map<String, Object>> list = new ArrayList<>();
        int position = 1;
        for (ComponentGroups.Entry entry : ComponentGroups.of(data.components()).entries()) {
            if (entry.isGroup()) {
                list.add(group(entry, position++));
            }
            for (Component member : entry.members()) {
                list.add(component(member, entry.isGroup() ? entry.id() : null, position++));
            }
        }
        return list;
    }

    /** One component (or group) as the components list shows it, with its group and position; empty when unknown. */
    public Optional<Map<String, Object>> component(String id, StatusData data) {
        return components(data).stream().filter(c -> id.equals(c.get("id"))).findFirst();
    }

    private Map<String, Object> group(ComponentGroups.Entry entry, int position) {
        Component first = entry.members().get(0);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("page_id", pageId);
        json.put("group_id", null);
        json.put("name", entry.name());
        json.put("description", null);
        json.put("position", position);
        json.put("status", StatusData.worstOf(entry.members()).apiName());
        json.put("showcase", false);
        json.put("only_show_if_degraded", false);
        json.put("group", true);
        json.put("start_date", null);
        json.put("created_at", times.iso(first.createdAt()));
        json.put("updated_at", times.iso(entry.members().stream().map(Component::updatedAt)
                .max(java.time.Instant::compareTo).orElse(first.updatedAt())));
        json.put("components", entry.members().stream().map(Component::id).toList());
        return json;
    }

    private Map<String, Object> component(Component c, String groupId, int position) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("page_id", pageId);
        json.put("group_id", groupId);
        json.put("name", c.name());
        json.put("description", c.description());
        json.put("position", position);
        json.put("status", c.status().apiName());
        json.put("showcase", true);
        json.put("only_show_if_degraded", false);
        json.put("group", false);
        json.put("start_date", c.createdAt().atZone(site.timeZone()).toLocalDate().toString());
        json.put("created_at", times.iso(c.createdAt()));
        json.put("updated_at", times.iso(c.updatedAt()));
        return json;
    }

    public Map<String, Object> incident(Incident i, StatusData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(i.id()));
        json.put("page_id", pageId);
        json.put("name", i.name());
        json.put("status", i.status().apiName());
        json.put("impact", i.impact().apiName());
        json.put("shortlink", site.url() + "/incidents/" + i.id());
        json.put("created_at", times.iso(i.createdAt()));
        json.put("updated_at", times.iso(i.updatedAt()));
        json.put("monitoring_at", times.iso(i.monitoringAt()));
        json.put("resolved_at", times.iso(i.resolvedAt()));
        json.put("started_at", times.iso(i.startedAt()));
        json.put("incident_updates", i.updates().stream().map(u -> update(u, data)).toList());
        json.put("components", components(data).stream()
                .filter(c -> i.componentIds().contains((String) c.get("id")))
                .toList());
        return json;
    }

    /** A maintenance window, shaped like an incident plus scheduled_for and scheduled_until. */
    private Map<String, Object> maintenance(Maintenance m, StatusData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(m.id()));
        json.put("page_id", pageId);
        json.put("name", m.name());
        json.put("status", m.status().apiName());
        json.put("impact", "maintenance");
        json.put("shortlink", site.url() + "/#maintenance-" + m.id());
        json.put("created_at", times.iso(m.createdAt()));
        json.put("updated_at", times.iso(m.updatedAt()));
        json.put("monitoring_at", null);
        json.put("resolved_at", times.iso(m.resolvedAt()));
        json.put("started_at", times.iso(m.startedAt()));
        json.put("scheduled_for", times.iso(m.scheduledFor()));
        json.put("scheduled_until", times.iso(m.scheduledUntil()));
        json.put("incident_updates", m.updates().stream().map(this::maintenanceUpdate).toList());
        json.put("components", components(data).stream()
                .filter(c -> m.componentIds().contains((String) c.get("id")))
                .toList());
        return json;
    }

    private Map<String, Object> maintenanceUpdate(MaintenanceUpdate u) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(u.id()));
        json.put("incident_id", Long.toString(u.maintenanceId()));
        json.put("status", u.status().apiName());
        json.put("body", u.body());
        json.put("display_at", times.iso(u.displayAt()));
        json.put("created_at", times.iso(u.createdAt()));
        json.put("updated_at", times.iso(u.createdAt()));
        json.put("affected_components", null);
        return json;
    }

    private Map<String, Object> update(IncidentUpdate u, StatusData data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(u.id()));
        json.put("incident_id", Long.toString(u.incidentId()));
        json.put("status", u.status().apiName());
        json.put("body", u.body());
        json.put("display_at", times.iso(u.displayAt()));
        json.put("created_at", times.iso(u.createdAt()));
        json.put("updated_at", times.iso(u.updatedAt()));
        json.put("affected_components", u.affectedComponents().isEmpty() ? null : u.affectedComponents().stream()
                .map(a -> {
                    Map<String, Object> affected = new LinkedHashMap<>();
                    affected.put("code", a.componentId());
                    affected.put("name", data.components().stream().filter(c -> c.id().equals(a.componentId()))
                            .map(Component::name).findFirst().orElse(a.componentId()));
                    affected.put("old_status", a.oldStatus().apiName());
                    affected.put("new_status", a.newStatus().apiName());
                    return affected;
                }).toList());
        return json;
    }
}
