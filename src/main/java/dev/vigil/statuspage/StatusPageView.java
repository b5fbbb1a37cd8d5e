package dev.vigil.statuspage;

import java.util.List;

/**
 * Everything the public page shows, already worded and formatted: templates only lay it out.
 *
 * @param zone the time zone every time on the page is shown in, e.g. "America/Los_Angeles (PST)"
 * @param activeMaintenance maintenance windows in progress or verifying
 * @param upcomingMaintenance maintenance windows still scheduled, soonest first
 */
public record StatusPageView(
        String siteName, String siteUrl, String zone, Banner banner, List<Group> groups,
        List<IncidentView> active, List<IncidentView> recent, String generatedAt, int days,
        List<MaintenanceView> activeMaintenance, List<MaintenanceView> upcomingMaintenance) {

    /**
     * The overall line at the top. level is the API indicator: none, minor, major, critical, maintenance;
     * detail names what is affected ("Search is unavailable; everything else is working."), null when nothing is.
     */
    public record Banner(String level, String description, String detail) {}

    /**
     * Components under a group heading; name is null for components outside any group. affected is
     * "1 of 3 affected", null while all of them work.
     */
    public record Group(String name, String statusLabel, String statusClass, String affected,
            List<ComponentView> components) {}

    /** checkedFrom: where its checks come from and what each place sees (issue 11); null when from the server alone. */
    public record ComponentView(
            String id, String name, String description, String statusLabel, String statusClass,
            String uptime, List<DayView> days, String checkedFrom) {}

    /**
     * One day of the uptime bar.
     *
     * @param level css modifier: ok, degraded, partial, major, nodata
     * @param label the whole day in words, for screen readers and the tooltip
     */
    public record DayView(String date, String level, String label) {}

    public record IncidentView(
            long id, String name, String impact, String statusLabel, String startedAt, String endedAt,
            String duration, String components, List<UpdateView> updates) {}

    /** A maintenance window; from and until carry their zone, isoFrom and isoUntil are for time elements. */
    public record MaintenanceView(
            long id, String name, String statusLabel, String from, String until, String isoFrom, String isoUntil,
            String components, List<UpdateView> updates) {}

    /** bodyHtml is the update rendered by the safe Markdown renderer. */
    public record UpdateView(String statusLabel, String bodyHtml, String at, String isoAt) {}
}
