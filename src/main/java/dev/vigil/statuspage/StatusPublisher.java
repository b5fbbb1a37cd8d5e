package dev.vigil.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.components.Component;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.maintenance.Maintenance;
import dev.vigil.maintenance.MaintenanceStatus;
import dev.vigil.maintenance.MaintenanceStore;
import dev.vigil.markdown.Markdown;
import dev.vigil.postmortems.PublicPostmortemStore;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.DayUptime;
import dev.vigil.uptime.UptimeHistory;
import dev.vigil.web.Templates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the public snapshot current. Readers never touch the database: they get the last
 * snapshot's bytes. A change in the store calls {@link #invalidate()}, which rebuilds the snapshot
 * on one background thread; changes that arrive during a rebuild fold into one more rebuild.
 */
public final class StatusPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusPublisher.class);
    public static final int HISTORY_DAYS = 90;
    public static final Duration RECENT_INCIDENTS = Duration.ofDays(14);
    public static final int LATEST_MAINTENANCES = 50;

    private final Database database;
    private final ComponentStore components;
    private final IncidentStore incidents;
    private final MaintenanceStore maintenances;
    private final UptimeHistory uptime;
    private final Clock clock;
    private final StatusApi api;
    private final StatusPageViews views;
    private final Templates templates;
    private final Markdown markdown;
    private final TimeFormat times;
    private final HistoryFeeds feeds;
    private final NoticeStore notices = new NoticeStore();
    private final PublicPostmortemStore postmortems = new PublicPostmortemStore();
    private final PostmortemViews postmortemViews;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigil-status-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private volatile StatusSnapshot snapshot;
    private final IncidentPageCache incidentPages = new IncidentPageCache();
    private final ComponentLocations locations;

    public StatusPublisher(Database database, ComponentStore components, IncidentStore incidents,
            MaintenanceStore maintenances, SiteConfig site, StatusApi api, Markdown markdown, Templates templates, Clock clock) {
        this(database, components, incidents, maintenances, site, api, markdown, templates, clock,
                ComponentLocations.NONE);
    }

    /** @param locations where components are checked from (issue 11), for the line under each */
    public StatusPublisher(Database database, ComponentStore components, IncidentStore incidents,
            MaintenanceStore maintenances, SiteConfig site, StatusApi api, Markdown markdown,
            Templates templates, Clock clock, ComponentLocations locations) {
        this.locations = locations;
        this.database = database;
        this.components = components;
        this.incidents = incidents;
        this.maintenances = maintenances;
        this.uptime = new UptimeHistory(site.timeZone());
        this.clock = clock;
        this.times = new TimeFormat(site.timeZone());
        this.markdown = markdown;
        this.api = api;
        this.views = new StatusPageViews(site, times, markdown);
        this.templates = templates;
        this.postmortemViews = new PostmortemViews(times, markdown);
        this.feeds = new HistoryFeeds(site, times, markdown, postmortemViews);
    }

    public StatusSnapshot snapshot() {
        StatusSnapshot current = snapshot;
        if (current == null) {
            rebuild();
            current = snapshot;
        }
        return current;
    }

    /** Asks for a rebuild soon; returns at once. */
    public void invalidate() {
        incidentPages.clear();
        if (rebuildPending.compareAndSet(false, true)) {
            rebuilder.execute(() -> {
                rebuildPending.set(false);
                try {
                    rebuild();
                } catch (RuntimeException e) {
                    log.error("Could not rebuild the status page; the previous one is still served", e);
                }
            });
        }
    }

    /** Rebuilds now, on the calling thread. */
    public synchronized void rebuild() {
        incidentPages.clear();
        Reading reading = load();
        StatusData data = reading.status();
        List<HistoryFeeds.Entry> history = feeds.entries(reading.history());
        String page = templates.render("statuspage/index.jte", views.page(data, HISTORY_DAYS, reading.places()));
        snapshot = new StatusSnapshot(
                CachedResponse.of("text/html; charset=utf-8", page),
                CachedResponse.of("application/json", write(api.summary(data))),
                CachedResponse.of("application/json", write(api.status(data))),
                CachedResponse.of("application/json", write(api.maintenances(data, data.maintenances().stream()
                        .filter(m -> m.status() == MaintenanceStatus.SCHEDULED).toList()))),
                CachedResponse.of("application/json", write(api.maintenances(data, data.maintenances().stream()
                        .filter(m -> m.status().isActive()).toList()))),
                CachedResponse.of("application/json", write(api.maintenances(data, data.latestMaintenances()))),
                CachedResponse.of(HistoryFeeds.ATOM_TYPE, feeds.atom(history)),
                CachedResponse.of(HistoryFeeds.RSS_TYPE, feeds.rss(history)));
    }

    /** The public page of one incident, rendered once and served from memory until the next change. */
    public Optional<CachedResponse> incidentPage(long id) {
        return incidentPages.page(id, this::renderIncidentPage);
    }

    private Optional<String> renderIncidentPage(long id) {
        return database.read(handle -> incidents.find(handle, id).map(incident -> new IncidentPage(views.siteName(),
                        views.incident(incident, StatusPageViews.names(components.all(handle))),
                        notices.find(handle, id).filter(NoticeStore.Notice::isPublished).map(this::notice).orElse(null),
                        postmortems.publishedFor(handle, id).stream().map(postmortemViews::view).toList())))
                .map(page -> templates.render("statuspage/incident.jte", page));
    }

    private NoticeView notice(NoticeStore.Notice notice) {
        return new NoticeView(markdown.toHtml(notice.body()), times.dateTime(notice.publishedAt()));
    }

    /** The model of the incident page; notice is null until one is published; postmortems are the published ones. */
    public record IncidentPage(String siteName, StatusPageView.IncidentView incident, NoticeView notice,
            List<PostmortemViews.PostmortemView> postmortems) {}

    /** The published customer notice: html comes from the safe Markdown renderer. */
    public record NoticeView(String html, String publishedAt) {}

    /** One consistent read: what the page and API show, and what the feeds list. */
    private record Reading(StatusData status, HistoryFeeds.Source history,
            Map<String, List<ComponentLocations.Place>> places) {}

    private Reading load() {
        Instant now = clock.instant();
        return database.read(handle -> {
            List<Component> all = components.all(handle);
            // Issue 11: from the day roll-ups, which count skipped checks and missing minutes as no data.
            Map<String, List<DayUptime>> days = uptime.daily(handle, all, now, HISTORY_DAYS);
            List<Incident> unresolved = incidents.unresolved(handle);
            List<Incident> recent = incidents.since(handle, now.minus(RECENT_INCIDENTS), 50);
            List<Maintenance> current = maintenances.current(handle);
            List<Maintenance> latest = maintenances.latest(handle, LATEST_MAINTENANCES);
            return new Reading(new StatusData(now, all, days, unresolved, recent, current, latest), history(handle),
                    locations.read(handle));
        });
    }

    private HistoryFeeds.Source history(Handle handle) {
        List<Incident> latestIncidents = incidents.latestUpdated(handle, HistoryFeeds.ENTRIES);
        Map<Long, NoticeStore.Notice> published = new HashMap<>();
        for (Incident incident : latestIncidents) {
            notices.find(handle, incident.id()).filter(NoticeStore.Notice::isPublished)
                    .ifPresent(notice -> published.put(incident.id(), notice));
        }
        return new HistoryFeeds.Source(latestIncidents, published,
                maintenances.latestUpdated(handle, HistoryFeeds.ENTRIES),
                postmortems.latestPublished(handle, HistoryFeeds.ENTRIES));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        rebuilder.shutdown();
        try {
            rebuilder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
