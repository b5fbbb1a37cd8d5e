package dev.vigil.demo;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.StatusChange;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three months of believable past for a brand-new demo database: Vigil "watching" since then
 * (with one evening it was down for an upgrade, shown as no data), a few short outages, and the
 * failed search upgrade whose rollback also failed, with the draft of its postmortem.
 */
public final class DemoHistory {
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final Duration HISTORY = Duration.ofDays(92);

    private final Database database;
    private final VigilConfig config;
    private final Clock clock;
    private final ComponentStore components = new ComponentStore();
    private final IncidentStore incidents = new IncidentStore();
    private final DemoEvidence evidence;
    private final DemoPostmortem postmortem;

    public DemoHistory(Database database, VigilConfig config, Clock clock) {
        this.database = database;
        this.config = config;
        this.evidence = new DemoEvidence(config);
        this.postmortem = new DemoPostmortem(database, config.site().timeZone());
        this.clock = clock;
    }

    /** Seeds the past once, into a database that has never run; afterwards does nothing. */
    public void seedIfNew() {
        Seeded seeded = database.write(handle -> {
            long sessions = handle.createQuery("SELECT COUNT(*) FROM monitor_sessions").mapTo(Long.class).one();
            if (sessions > 0) {
                return null;
            }
            return new Seeded(seed(handle));
        });
        if (seeded == null) {
            return;
        }
        // After the history is committed: the postmortem services open their own transactions.
        if (seeded.searchIncident() != null) {
            postmortem.seedIfMissing(seeded.searchIncident());
        }
        log.info("Seeded the demo database with three months of history");
    }

    /** What the seeding wrote that later steps need: the search incident's id, null without search and web. */
    private record Seeded(Long searchIncident) {}

    /** Returns the id of the search incident, or null when the configuration has no search and web. */
    private Long seed(Handle handle) {
        Instant now = clock.instant();
        ZoneId zone = config.site().timeZone();
        Instant since = now.minus(HISTORY);
        backdateComponents(handle, since);
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant gapStart = at(today.minusDays(41), LocalTime.of(22, 0), zone);
        Instant gapEnd = gapStart.plus(Duration.ofHours(3));
        session(handle, since, gapStart);
        session(handle, gapEnd, now.minusSeconds(1));

        outage(handle, "api", ComponentStatus.PARTIAL_OUTAGE, at(today.minusDays(63), LocalTime.of(3, 12), zone),
                Duration.ofMinutes(12), "Elevated API error rate",
                "Some API requests are failing with errors. We are looking into it.",
                "A database failover left some API servers pointing at the old primary. They have been restarted "
                        + "and all API requests are succeeding again.");
        outage(handle, "jobs", ComponentStatus.DEGRADED_PERFORMANCE, at(today.minusDays(29), LocalTime.of(14, 5), zone),
                Duration.ofMinutes(95), "Delayed background jobs",
                "Exports and email notifications are running late.",
                "The job queue has caught up. Everything that was delayed has now been processed; nothing was lost.");
        // At most 13 days back, so that it stays within the page's 14 days of past incidents all day long.
        return searchUpgrade(handle, lastTuesdayBefore(today.minusDays(7)), zone);
    }

    /** The incident the demo is about: a routine search upgrade that took the app down for half an hour. */
    private Long searchUpgrade(Handle handle, LocalDate day, ZoneId zone) {
        if (!hasComponents("search", "web")) {
            return null;
        }
        Instant start = at(day, LocalTime.of(11, 2, 40), zone);
        Instant end = start.plus(Duration.ofMinutes(31).plusSeconds(20));
        change(handle, "search", start, ComponentStatus.MAJOR_OUTAGE, "probe search-health: status 503, expected 200");
        change(handle, "web", start.plusSeconds(20), ComponentStatus.MAJOR_OUTAGE, "probe web-home: status 502, expected 200");
        change(handle, "web", end, ComponentStatus.OPERATIONAL, "probe web-home: checks pass again");
        change(handle, "search", end.plusSeconds(40), ComponentStatus.OPERATIONAL, "probe search-health: checks pass again");
        long id = incidents.create(handle, new NewIncident("Search upgrade took the app offline", IncidentStatus.INVESTIGATING,
                Impact.CRITICAL, start, start.plus(Duration.ofMinutes(2)), "staff", null));
        incidents.addComponent(handle, id, "search");
        incidents.addComponent(handle, id, "web");
        evidence.outage(handle, "search-health", id, start, end.plusSeconds(40), 503, "status 503, expected 200");
        evidence.outage(handle, "web-home", id, start.plusSeconds(20), end, 502, "status 502, expected 200");
        update(handle, id, IncidentStatus.INVESTIGATING, start.plus(Duration.ofMinutes(3)),
                "The app is not loading for anyone. It started during a scheduled release; we are on it.",
                List.of(new AffectedComponent("web", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE),
                        new AffectedComponent("search", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE)));
        update(handle, id, IncidentStatus.IDENTIFIED, start.plus(Duration.ofMinutes(12)),
                "Today's release upgraded our search servers. A watchdog setting that differs between staging and "
                        + "production restarted the new search server over and over, and the automatic rollback "
                        + "failed as well. We are restoring the previous version by hand.", List.of());
        update(handle, id, IncidentStatus.MONITORING, end.minus(Duration.ofMinutes(1)),
                "The previous search version is back and the app is loading again. We are watching it closely.",
                List.of(new AffectedComponent("web", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL)));
        update(handle, id, IncidentStatus.RESOLVED, end.plus(Duration.ofMinutes(9)),
                "Everything has worked normally since " + "the rollback. No data was lost. We are sorry: for about "
                        + "half an hour in the middle of your work day, you could not use the app.\n\n"
                        + "What we will change:\n\n"
                        + "- make staging match production, watchdog settings included;\n"
                        + "- rehearse the rollback in every release test;\n"
                        + "- make the web app keep working, read-only, while search is unavailable.",
                List.of(new AffectedComponent("search", ComponentStatus.MAJOR_OUTAGE, ComponentStatus.OPERATIONAL)));
        return id;
    }

    private void outage(Handle handle, String componentId, ComponentStatus status, Instant start, Duration length,
            String name, String first, String last) {
        if (!hasComponents(componentId)) {
            return;
        }
        Instant end = start.plus(length);
        change(handle, componentId, start, status, "seeded demo history");
        change(handle, componentId, end, ComponentStatus.OPERATIONAL, "seeded demo history");
        // One component of several, partly down or slow: a part of the service, as ServiceHealth rates it.
        Impact impact = status == ComponentStatus.DEGRADED_PERFORMANCE ? Impact.MINOR : Impact.MAJOR;
        long id = incidents.create(handle, new NewIncident(name, IncidentStatus.INVESTIGATING, impact, start,
                start.plus(Duration.ofMinutes(4)), "staff", null));
        incidents.addComponent(handle, id, componentId);
        update(handle, id, IncidentStatus.INVESTIGATING, start.plus(Duration.ofMinutes(4)), first,
                List.of(new AffectedComponent(componentId, ComponentStatus.OPERATIONAL, status)));
        update(handle, id, IncidentStatus.RESOLVED, end.plus(Duration.ofMinutes(3)), last,
                List.of(new AffectedComponent(componentId, status, ComponentStatus.OPERATIONAL)));
    }

    private void update(Handle handle, long incidentId, IncidentStatus status, Instant at, String body,
            List<AffectedComponent> affected) {
        incidents.addUpdate(handle, incidentId, status, body, at, at, affected);
    }

    private void change(Handle handle, String componentId, Instant at, ComponentStatus to, String reason) {
        ComponentStatus from = handle.createQuery(
                        "SELECT to_status FROM component_status_changes WHERE component_id = :id AND at <= :at ORDER BY at DESC, id DESC LIMIT 1")
                .bind("id", componentId).bind("at", at.toEpochMilli()).mapTo(String.class).findOne()
                .map(ComponentStatus::fromApiName).orElse(ComponentStatus.OPERATIONAL);
        components.appendChange(handle, new StatusChange(componentId, at, from, to, reason));
    }

    private void backdateComponents(Handle handle, Instant since) {
        handle.createUpdate("UPDATE components SET created_at = :since").bind("since", since.toEpochMilli()).execute();
        handle.createUpdate("UPDATE component_status_changes SET at = :since WHERE reason = 'component added'")
                .bind("since", since.toEpochMilli()).execute();
    }

    private static void session(Handle handle, Instant start, Instant end) {
        handle.createUpdate("INSERT INTO monitor_sessions (started_at, last_alive_at, stopped_at) VALUES (:s, :e, :e)")
                .bind("s", start.toEpochMilli()).bind("e", end.toEpochMilli()).execute();
    }

    private boolean hasComponents(String... ids) {
        for (String id : ids) {
            if (config.component(id).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate lastTuesdayBefore(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
    }

    private static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return date.atTime(time).atZone(zone).toInstant();
    }
}
