package dev.vigil.uptime;

import dev.vigil.components.Component;
import dev.vigil.probes.RollupPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The daily uptime of the status page's bars, read from the day roll-ups that {@link UptimeRollups} keeps:
 * one query for every component and day, so the page costs the same after a year as after a day. A day
 * without a row has no data.
 */
public final class UptimeHistory {
    private final UptimeRollupStore store = new UptimeRollupStore();
    private final ZoneId zone;

    public UptimeHistory(ZoneId zone) {
        this.zone = zone;
    }

    /** The last {@code days} days of each component up to and including today, oldest first, by component id. */
    public Map<String, List<DayUptime>> daily(Handle handle, List<Component> components, Instant now, int days) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        Map<Long, LocalDate> dates = new HashMap<>();
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            dates.put(date.atStartOfDay(zone).toInstant().toEpochMilli(), date);
        }
        Map<String, List<UptimeRollupStore.Row>> rows = store.since(handle, UptimeRollupStore.DAY,
                RollupPeriod.DAY.start(first.atStartOfDay(zone).toInstant(), zone));
        Map<String, List<DayUptime>> uptime = new HashMap<>();
        for (Component c : components) {
            Map<LocalDate, DayUptime> known = new HashMap<>();
            for (UptimeRollupStore.Row row : rows.getOrDefault(c.id(), List.of())) {
                // A row of another zone's midnight (the site's zone changed) counts for the day it falls in.
                LocalDate date = dates.getOrDefault(row.start().toEpochMilli(), row.start().atZone(zone).toLocalDate());
                known.merge(date, row.share().on(date), (a, b) -> b);
            }
            List<DayUptime> list = new ArrayList<>(days);
            for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
                list.add(known.getOrDefault(date, UptimeCalculator.noData(date)));
            }
            uptime.put(c.id(), list);
        }
        return uptime;
    }
}
