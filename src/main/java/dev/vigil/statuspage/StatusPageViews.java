package dev.vigil.statuspage;

import dev.vigil.components.Component;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ServiceHealth;
import dev.vigil.config.SiteConfig;
import dev.vigil.incidents.Incident;
import dev.vigil.maintenance.Maintenance;
import dev.vigil.markdown.Markdown;
import dev.vigil.statuspage.StatusPageView.ComponentView;
import dev.vigil.statuspage.StatusPageView.DayView;
import dev.vigil.statuspage.StatusPageView.Group;
import dev.vigil.statuspage.StatusPageView.IncidentView;
import dev.vigil.statuspage.StatusPageView.MaintenanceView;
import dev.vigil.statuspage.StatusPageView.UpdateView;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.DayUptime;
import dev.vigil.uptime.UptimeCalculator;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the stored state into the words and figures of the public page. */
record StatusPageViews(SiteConfig site, TimeFormat times, Markdown markdown) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    String siteName() {
        return site.name();
    }

    StatusPageView page(StatusData data, int days) {
        return page(data, days, java.util.Map.of());
    }

    /** @param places where each component is checked from (issue 11); components without an entry show no line */
    StatusPageView page(StatusData data, int days, java.util.Map<String, List<ComponentLocations.Place>> places) {
        StatusData.Overall overall = data.overall();
        List<Group> groups = new ArrayList<>();
        for (ComponentGroups.Entry entry : ComponentGroups.of(data.components()).entries()) {
            ComponentStatus worst = StatusData.worstOf(entry.members());
            int affected = ServiceHealth.of(entry.members()).affected();
            groups.add(new Group(entry.name(), worst.label(), cssClass(worst),
                    affected == 0 ? null : affected + " of " + entry.members().size() + " affected",
                    entry.members().stream().map(c -> component(c, data.uptime().get(c.id()), places.get(c.id())))
                            .toList()));
        }
        String zone = site.timeZone().getId() + " ("
                + site.timeZone().getDisplayName(TextStyle.SHORT, Locale.US) + ")";
        return new StatusPageView(site.name(), site.url(), zone,
                new StatusPageView.Banner(overall.indicator(), overall.description(),
                        BannerSentence.of(data.health())), groups,
                data.unresolved().stream().map(i -> incident(i, names(data.components()))).toList(),
                data.recent().stream().filter(i -> !i.status().isOpen()).map(i -> incident(i, names(data.components()))).toList(),
                times.dateTime(data.now()), days,
                data.maintenances().stream().filter(m -> m.status().isActive()).map(m -> maintenance(m, data)).toList(),
                nextOfEachSeries(data.maintenances().stream().filter(m -> !m.status().isActive()).toList()).stream()
                        .map(m -> maintenance(m, data)).toList());
    }

    /** Upcoming windows with only the soonest of each series: ten Sundays in a row would bury the page. */
    private static List<Maintenance> nextOfEachSeries(List<Maintenance> upcoming) {
        Set<Long> seen = new HashSet<>();
        return upcoming.stream().filter(m -> m.seriesId() == null || seen.add(m.seriesId())).toList();
    }

    private MaintenanceView maintenance(Maintenance m, StatusData data) {
        List<String> names = data.components().stream().filter(c -> m.componentIds().contains(c.id()))
                .map(Component::name).toList();
        return new MaintenanceView(m.id(), m.name(), m.status().label(), times.dateTime(m.scheduledFor()),
                times.dateTime(m.scheduledUntil()), times.iso(m.scheduledFor()), times.iso(m.scheduledUntil()),
                String.join(", ", names),
                m.updates().stream().map(u -> new UpdateView(u.status().label(), markdown.toHtml(u.body()),
                        times.dateTime(u.displayAt()), times.iso(u.displayAt()))).toList());
    }

    /** An incident as shown; names maps component ids to the names readers know them by. */
    IncidentView incident(Incident i, java.util.Map<String, String> names) {
        String ended = i.resolvedAt() == null ? null : times.dateTime(i.resolvedAt());
        String duration = i.resolvedAt() == null ? null
                : TimeFormat.duration(Duration.between(i.startedAt(), i.resolvedAt()));
        return new IncidentView(i.id(), i.name(), i.impact().apiName(), i.status().label(),
                times.dateTime(i.startedAt()), ended, duration, String.join(", ", i.componentIds().stream().map(id -> names.getOrDefault(id, id)).toList()),
                i.updates().stream().map(u -> new UpdateView(u.status().label(), markdown.toHtml(u.body()),
                        times.dateTime(u.displayAt()), times.iso(u.displayAt()))).toList());
    }

    static java.util.Map<String, String> names(List<Component> components) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        components.forEach(c -> names.put(c.id(), c.name()));
        return names;
    }

    private ComponentView component(Component c, List<DayUptime> days, List<ComponentLocations.Place> places) {
        List<DayUptime> history = days == null ? List.of() : days;
        Double overall = UptimeCalculator.overall(history);
        return new ComponentView(c.id(), c.name(), c.description(), c.status().label(), cssClass(c.status()),
                overall == null ? "no data" : percent(overall) + " uptime",
                history.stream().map(this::day).toList(), checkedFrom(places));
    }

    /** "Checked from server, eu-west (no data)": each place, with what it sees unless that is "up"; null for none. */
    static String checkedFrom(List<ComponentLocations.Place> places) {
        if (places == null || places.isEmpty()) {
            return null;
        }
        List<String> parts = places.stream().map(p -> p.name() + switch (p.status()) {
            case "down" -> " (failing)";
            case "degraded" -> " (slow)";
            case "no_data" -> " (no data)";
            default -> "";
        }).toList();
        return "Checked from " + String.join(", ", parts);
    }

    private DayView day(DayUptime d) {
        String date = DAY.format(d.date());
        if (!d.hasData()) {
            return new DayView(date, "nodata", date + ": no data");
        }
        StringBuilder label = new StringBuilder(date).append(": ").append(percent(d.uptime())).append(" uptime");
        appendIfAny(label, "major outage", d.majorOutage());
        appendIfAny(label, "partial outage", d.partialOutage());
        appendIfAny(label, "degraded performance", d.degraded());
        String level = switch (d.worst()) {
            case MAJOR_OUTAGE -> "major";
            case PARTIAL_OUTAGE -> "partial";
            case DEGRADED_PERFORMANCE -> "degraded";
            default -> "ok";
        };
        return new DayView(date, level, label.toString());
    }

    private static void appendIfAny(StringBuilder label, String what, Duration duration) {
        if (!duration.isZero()) {
            label.append(", ").append(what).append(' ').append(TimeFormat.duration(duration));
        }
    }

    static String percent(double share) {
        double value = Math.floor(share * 10000) / 100; // round down: never show 100% for a day with downtime
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String cssClass(ComponentStatus status) {
        return status.apiName().replace('_', '-');
    }
}
