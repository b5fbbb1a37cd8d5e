package dev.vigil.monitoring;

import dev.vigil.config.ComponentConfig;
import dev.vigil.config.Durations;
import dev.vigil.config.Entries;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.RedactedUrl;
import dev.vigil.config.VigilConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What reloading vigil.yml would change (issue 3): components and probes added, changed (field by
 * field, old → new) or retired, and the settings that only a restart applies.
 */
public record ConfigDiff(List<Change> components, List<Change> probes, List<String> needsRestart) {

    /** One component or probe; kind is added, changed, retired or removed; details say what and how. */
    public record Change(String kind, String id, List<String> details) {}

    public boolean isEmpty() {
        return components.isEmpty() && probes.isEmpty() && needsRestart.isEmpty();
    }

    /** "1 component added, 2 probes changed", for the audit log. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        count(components, "component", parts);
        count(probes, "probe", parts);
        return parts.isEmpty() ? "no changes" : String.join(", ", parts);
    }

    public static ConfigDiff between(VigilConfig before, VigilConfig after, Set<String> consoleComponents,
            Collection<ProbeConfig> consoleProbes) {
        return new ConfigDiff(componentChanges(before, after, consoleComponents),
                probeChanges(before, after, consoleProbes), restartSettings(before, after));
    }

    private static List<Change> componentChanges(VigilConfig before, VigilConfig after, Set<String> console) {
        Map<String, ComponentConfig> old = byId(before.components(), ComponentConfig::id);
        Map<String, ComponentConfig> next = byId(after.components(), ComponentConfig::id);
        List<Change> changes = new ArrayList<>();
        List<String> oldOrder = List.copyOf(old.keySet());
        List<String> newOrder = List.copyOf(next.keySet());
        for (ComponentConfig c : after.components()) {
            ComponentConfig was = old.get(c.id());
            if (was == null) {
                changes.add(new Change("added", c.id(), console.contains(c.id())
                        ? List.of("takes over the component of the same id made in the console")
                        : List.of("name: " + c.name())));
                continue;
            }
            List<String> details = fieldChanges(Entries.fieldsOf(was), Entries.fieldsOf(c));
            if (oldOrder.indexOf(c.id()) != newOrder.indexOf(c.id())) {
                details.add("position: " + (oldOrder.indexOf(c.id()) + 1) + " → " + (newOrder.indexOf(c.id()) + 1));
            }
            if (!details.isEmpty()) {
                changes.add(new Change("changed", c.id(), details));
            }
        }
        old.keySet().stream().filter(id -> !next.containsKey(id))
                .forEach(id -> changes.add(new Change("retired", id, List.of("hidden from the page; history kept"))));
        return changes;
    }

    private static List<Change> probeChanges(VigilConfig before, VigilConfig after, Collection<ProbeConfig> console) {
        Map<String, ProbeConfig> old = byId(before.probes(), ProbeConfig::id);
        Map<String, ProbeConfig> next = byId(after.probes(), ProbeConfig::id);
        Set<String> consoleIds = console.stream().map(ProbeConfig::id).collect(Collectors.toSet());
        Set<String> components = after.components().stream().map(ComponentConfig::id).collect(Collectors.toSet());
        Set<String> oldComponents = before.components().stream().map(ComponentConfig::id).collect(Collectors.toSet());
        List<Change> changes = new ArrayList<>();
        for (ProbeConfig p : after.probes()) {
            ProbeConfig was = old.get(p.id());
            if (was == null) {
                changes.add(new Change("added", p.id(), consoleIds.contains(p.id())
                        ? List.of("takes over the probe of the same id made in the console", shownTarget(p))
                        : List.of(shownTarget(p), "every " + Durations.format(p.interval()))));
            } else if (!was.equals(p)) {
                changes.add(new Change("changed", p.id(), probeFieldChanges(was, p)));
            }
        }
        old.keySet().stream().filter(id -> !next.containsKey(id))
                .forEach(id -> changes.add(new Change("removed", id, List.of("stops checking; history kept"))));
        for (ProbeConfig p : console) {
            boolean componentLeaves = oldComponents.contains(p.componentId()) && !components.contains(p.componentId());
            if (componentLeaves && !next.containsKey(p.id())) {
                changes.add(new Change("removed", p.id(), List.of("made in the console; its component "
                        + p.componentId() + " leaves vigil.yml, so it stops checking")));
            }
        }
        return changes;
    }

    /** Field by field, with the URL's secrets masked: the preview is for staff, not for the file's readers. */
    private static List<String> probeFieldChanges(ProbeConfig was, ProbeConfig now) {
        Map<String, String> before = new LinkedHashMap<>(Entries.fieldsOf(was));
        Map<String, String> after = new LinkedHashMap<>(Entries.fieldsOf(now));
        before.putAll(was.target().shownFields());
        after.putAll(now.target().shownFields());
        List<String> details = fieldChanges(before, after);
        if (!was.target().equals(now.target()) && before.equals(after)) {
            boolean inUrl = was.isHttp() && now.isHttp() && !was.http().url().equals(now.http().url());
            details.add(inUrl ? "url: a password or secret in it changed (not shown)"
                    : "a password or secret changed (not shown)");
        }
        return details;
    }

    private static List<String> restartSettings(VigilConfig before, VigilConfig after) {
        List<String> settings = new ArrayList<>();
        compare(settings, "site.name", before.site().name(), after.site().name());
        compare(settings, "site.url", before.site().url(), after.site().url());
        compare(settings, "site.time_zone", before.site().timeZone(), after.site().timeZone());
        compare(settings, "storage.retention", Durations.format(before.retention()),
                Durations.format(after.retention()));
        compare(settings, "demo.enabled", before.demo(), after.demo());
        compare(settings, "notifications.allow_private_webhooks", before.notifications().allowPrivateWebhooks(),
                after.notifications().allowPrivateWebhooks());
        // The mail settings hold a password: say that they changed, not how.
        if (!Objects.equals(before.notifications().smtp(), after.notifications().smtp())) {
            settings.add("smtp: changed");
        }
        // A secret too: said to have changed, never shown.
        if (!Objects.equals(before.metricsAccess(), after.metricsAccess())) {
            settings.add("metrics.token: changed");
        }
        compare(settings, "VIGIL_PORT", before.port(), after.port());
        if (!Objects.equals(before.dbUrl(), after.dbUrl())) {
            settings.add("VIGIL_DB_URL: changed");
        }
        return settings;
    }

    private static void compare(List<String> settings, String key, Object was, Object now) {
        if (!Objects.equals(was, now)) {
            settings.add(key + ": " + show(was) + " → " + show(now));
        }
    }

    private static List<String> fieldChanges(Map<String, String> was, Map<String, String> now) {
        List<String> details = new ArrayList<>();
        now.forEach((field, value) -> {
            if (!Objects.equals(was.get(field), value)) {
                details.add(field + ": " + show(was.get(field)) + " → " + show(value));
            }
        });
        return details;
    }

    private static String show(Object value) {
        return value == null || value.toString().isEmpty() ? "(not set)" : "\"" + value + "\"";
    }

    private static void count(List<Change> changes, String noun, List<String> parts) {
        changes.stream().collect(Collectors.groupingBy(Change::kind, LinkedHashMap::new, Collectors.counting()))
                .forEach((kind, n) -> parts.add(n + " " + noun + (n == 1 ? "" : "s") + " " + kind));
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    private static String shownTarget(ProbeConfig probe) {
        return (probe.isHttp() ? "url: " : probe.type() + ": ") + probe.target().shown();
    }
}
