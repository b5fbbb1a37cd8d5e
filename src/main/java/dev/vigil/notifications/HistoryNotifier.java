package dev.vigil.notifications;

import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.db.Database;
import dev.vigil.db.Dialect;
import dev.vigil.incidents.Evidence;
import dev.vigil.incidents.Incident;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentUpdate;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.incidents.NoticeStore.Publication;
import dev.vigil.statuspage.StatusData;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns new history rows into deliveries. Incident updates, component status changes and
 * publications of incident notices are appended rows with growing ids; each pass reads the rows past a stored cursor and, in the same
 * write transaction, queues one delivery per recipient and moves the cursor. A crash therefore
 * loses or repeats nothing, and the code that writes history knows nothing of notifications.
 *
 * <p>Who hears what: confirmed email subscribers get incident updates (only while a mail server is
 * configured); webhook subscribers get incident updates and component changes, as on Statuspage;
 * both get each publication of an incident's notice, first or edited;
 * subscribers who chose components only hear of those; staff hooks hear the events they chose.
 */
final class HistoryNotifier {
    private static final Logger log = LoggerFactory.getLogger(HistoryNotifier.class);
    /** History rows taken per transaction, so that a backlog does not hold the single writer for long. */
    static final int ROWS_PER_PASS = 100;

    private final Database database;
    private final IncidentStore incidents;
    private final ComponentStore components;
    private final SubscriberStore subscribers;
    private final StaffHookStore hooks;
    private final DeliveryStore deliveries;
    private final CursorStore cursors = new CursorStore();
    private final NoticeStore notices = new NoticeStore();
    private final MailNotices mail;
    private final WebhookNotices webhooks;
    private final Links links;
    private final boolean emailEnabled;
    private final Clock clock;

    public HistoryNotifier(Database database, IncidentStore incidents, ComponentStore components,
            SubscriberStore subscribers, StaffHookStore hooks, DeliveryStore deliveries, MailNotices mail,
            WebhookNotices webhooks, Links links, boolean emailEnabled, Clock clock) {
        this.database = database;
        this.incidents = incidents;
        this.components = components;
        this.subscribers = subscribers;
        this.hooks = hooks;
        this.deliveries = deliveries;
        this.mail = mail;
        this.webhooks = webhooks;
        this.links = links;
        this.emailEnabled = emailEnabled;
        this.clock = clock;
    }

    /**
     * On a store that has no cursors yet (a new one, or one from before notifications), starts
     * them after the history already there: seeded demo history and old incidents are not news.
     */
    public void startIfNew() {
        database.write(handle -> {
            cursors.startAtEnd(handle, CursorStore.INCIDENT_UPDATES);
            cursors.startAtEnd(handle, CursorStore.COMPONENT_CHANGES);
            cursors.startAtEnd(handle, CursorStore.NOTICE_PUBLICATIONS);
            return null;
        });
    }

    /** Takes every new history row; returns the number of deliveries queued. */
    public int run() {
        int queued = 0;
        Pass pass;
        do {
            pass = incidentUpdates();
            queued += pass.queued;
        } while (pass.rows == ROWS_PER_PASS);
        do {
            pass = componentChanges();
            queued += pass.queued;
        } while (pass.rows == ROWS_PER_PASS);
        do {
            pass = noticePublications();
            queued += pass.queued;
        } while (pass.rows == ROWS_PER_PASS);
        return queued;
    }

    private record Pass(int rows, int queued) {}

    /** Everyone who may hear of an event, read once per pass. */
    private record Audience(List<Subscriber> subscribers, List<StaffHook> hooks, StatusData data,
            Map<String, String> componentNames) {}

    private Pass incidentUpdates() {
        if (!database.read(handle -> cursors.hasRowsAfter(handle, CursorStore.INCIDENT_UPDATES))) {
            return new Pass(0, 0);
        }
        return database.write(handle -> {
            holdBackUncommittedRows(handle, CursorStore.INCIDENT_UPDATES);
            long after = cursors.position(handle, CursorStore.INCIDENT_UPDATES);
            List<Map.Entry<Long, Long>> rows = handle.createQuery("""
                    SELECT id, incident_id FROM incident_updates WHERE id > :after ORDER BY id LIMIT :limit""")
                    .bind("after", after).bind("limit", ROWS_PER_PASS)
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getLong("incident_id"))).list();
            if (rows.isEmpty()) {
                return new Pass(0, 0);
            }
            Instant now = clock.instant();
            Audience audience = audience(handle, now);
            Map<Long, Incident> loaded = new HashMap<>();
            int queued = 0;
            for (Map.Entry<Long, Long> row : rows) {
                Incident incident = loaded.computeIfAbsent(row.getValue(),
                        id -> incidents.find(handle, id).orElseThrow());
                IncidentUpdate update = incident.updates().stream().filter(u -> u.id() == row.getKey())
                        .findFirst().orElseThrow();
                queued += queueIncidentUpdate(handle, incident, update, audience, now);
            }
            cursors.move(handle, CursorStore.INCIDENT_UPDATES, rows.get(rows.size() - 1).getKey());
            logQueued(queued, rows.size(), "incident updates");
            return new Pass(rows.size(), queued);
        });
    }

    private Pass componentChanges() {
        if (!database.read(handle -> cursors.hasRowsAfter(handle, CursorStore.COMPONENT_CHANGES))) {
            return new Pass(0, 0);
        }
        return database.write(handle -> {
            holdBackUncommittedRows(handle, CursorStore.COMPONENT_CHANGES);
            long after = cursors.position(handle, CursorStore.COMPONENT_CHANGES);
            List<ComponentChange> rows = handle.createQuery("""
                    SELECT * FROM component_status_changes WHERE id > :after ORDER BY id LIMIT :limit""")
                    .bind("after", after).bind("limit", ROWS_PER_PASS)
                    .map((rs, ctx) -> new ComponentChange(rs.getLong("id"), rs.getString("component_id"),
                            Instant.ofEpochMilli(rs.getLong("at")), status(rs.getString("from_status")),
                            status(rs.getString("to_status")), rs.getString("reason")))
                    .list();
            if (rows.isEmpty()) {
                return new Pass(0, 0);
            }
            Instant now = clock.instant();
            Audience audience = audience(handle, now);
            int queued = 0;
            for (ComponentChange change : rows) {
                if (change.isNews()) {
                    queued += queueComponentChange(handle, change, audience, now);
                }
            }
            cursors.move(handle, CursorStore.COMPONENT_CHANGES, rows.get(rows.size() - 1).id());
            logQueued(queued, rows.size(), "component changes");
            return new Pass(rows.size(), queued);
        });
    }

    private Pass noticePublications() {
        if (!database.read(handle -> cursors.hasRowsAfter(handle, CursorStore.NOTICE_PUBLICATIONS))) {
            return new Pass(0, 0);
        }
        return database.write(handle -> {
            holdBackUncommittedRows(handle, CursorStore.NOTICE_PUBLICATIONS);
            long after = cursors.position(handle, CursorStore.NOTICE_PUBLICATIONS);
            List<Publication> rows = notices.publicationsAfter(handle, after, ROWS_PER_PASS);
            if (rows.isEmpty()) {
                return new Pass(0, 0);
            }
            Instant now = clock.instant();
            Audience audience = audience(handle, now);
            int queued = 0;
            for (Publication publication : rows) {
                Incident incident = incidents.find(handle, publication.incidentId()).orElseThrow();
                queued += queueNotice(handle, incident, publication, audience, now);
            }
            cursors.move(handle, CursorStore.NOTICE_PUBLICATIONS, rows.get(rows.size() - 1).id());
            logQueued(queued, rows.size(), "notice publications");
            return new Pass(rows.size(), queued);
        });
    }

    private int queueIncidentUpdate(Handle handle, Incident incident, IncidentUpdate update, Audience audience,
            Instant now) {
        Set<String> touched = new LinkedHashSet<>(incident.componentIds());
        update.affectedComponents().forEach(a -> touched.add(a.componentId()));
        String event = "update:" + update.id();
        int queued = 0;
        for (Subscriber subscriber : audience.subscribers) {
            if (!subscriber.wants(touched) || (subscriber.channel() == Channel.EMAIL && !emailEnabled)) {
                continue;
            }
            String key = event + ":sub:" + subscriber.id();
            String payload = subscriber.channel() == Channel.EMAIL
                    ? mail.incidentUpdate(subscriber, incident, update, audience.componentNames).toJson()
                    : webhooks.incident(incident, update, audience.data, key,
                            links.unsubscribe(subscriber.unsubscribeToken()), now);
            queued += queue(handle, new Delivery.New(key, subscriber.channel(), Event.INCIDENT_UPDATE,
                    subscriber.id(), null, subscriber.target(), payload), now);
        }
        List<Evidence> evidence = null; // read once, and only when a hook hears it: it is for staff only
        for (StaffHook hook : audience.hooks) {
            if (!hook.hears(Event.INCIDENT_UPDATE)) {
                continue;
            }
            if (evidence == null) {
                evidence = Evidence.of(handle, incident.id());
            }
            String key = event + ":hook:" + hook.id();
            String payload = hook.kind() == Channel.SLACK
                    ? webhooks.slackIncident(incident, update, evidence, audience.componentNames)
                    : webhooks.staffIncident(incident, update, audience.data, key, now, evidence);
            queued += queue(handle, new Delivery.New(key, hook.kind(), Event.INCIDENT_UPDATE, null, hook.id(),
                    hook.url(), payload), now);
        }
        return queued;
    }

    private int queueComponentChange(Handle handle, ComponentChange change, Audience audience, Instant now) {
        String event = "change:" + change.id();
        int queued = 0;
        for (Subscriber subscriber : audience.subscribers) {
            if (subscriber.channel() != Channel.WEBHOOK || !subscriber.wants(Set.of(change.componentId()))) {
                continue;
            }
            String key = event + ":sub:" + subscriber.id();
            Optional<String> payload = webhooks.component(change, audience.data, key,
                    links.unsubscribe(subscriber.unsubscribeToken()), now);
            if (payload.isPresent()) {
                queued += queue(handle, new Delivery.New(key, Channel.WEBHOOK, Event.COMPONENT_UPDATE,
                        subscriber.id(), null, subscriber.target(), payload.get()), now);
            }
        }
        for (StaffHook hook : audience.hooks) {
            if (!hook.hears(Event.COMPONENT_UPDATE)) {
                continue;
            }
            String key = event + ":hook:" + hook.id();
            Optional<String> payload = hook.kind() == Channel.SLACK
                    ? Optional.of(webhooks.slackComponent(change, audience.componentNames))
                    : webhooks.component(change, audience.data, key, null, now);
            if (payload.isPresent()) {
                queued += queue(handle, new Delivery.New(key, hook.kind(), Event.COMPONENT_UPDATE, null, hook.id(),
                        hook.url(), payload.get()), now);
            }
        }
        return queued;
    }

    /** Like an incident update: to subscribers of the incident's components, and to every staff hook. */
    private int queueNotice(Handle handle, Incident incident, Publication publication, Audience audience,
            Instant now) {
        String event = "notice:" + publication.id();
        int queued = 0;
        for (Subscriber subscriber : audience.subscribers) {
            if (!subscriber.wants(incident.componentIds())
                    || (subscriber.channel() == Channel.EMAIL && !emailEnabled)) {
                continue;
            }
            String key = event + ":sub:" + subscriber.id();
            String payload = subscriber.channel() == Channel.EMAIL
                    ? mail.noticePublished(subscriber, incident, publication, audience.componentNames).toJson()
                    : webhooks.notice(incident, publication, audience.data, key,
                            links.unsubscribe(subscriber.unsubscribeToken()), now);
            queued += queue(handle, new Delivery.New(key, subscriber.channel(), Event.NOTICE_PUBLISHED,
                    subscriber.id(), null, subscriber.target(), payload), now);
        }
        for (StaffHook hook : audience.hooks) {
            if (!hook.hears(Event.NOTICE_PUBLISHED)) {
                continue;
            }
            String key = event + ":hook:" + hook.id();
            String payload = hook.kind() == Channel.SLACK
                    ? webhooks.slackNotice(incident, publication)
                    : webhooks.notice(incident, publication, audience.data, key, null, now);
            queued += queue(handle, new Delivery.New(key, hook.kind(), Event.NOTICE_PUBLISHED, null, hook.id(),
                    hook.url(), payload), now);
        }
        return queued;
    }

    private int queue(Handle handle, Delivery.New delivery, Instant now) {
        return deliveries.enqueue(handle, delivery, now) ? 1 : 0;
    }

    private Audience audience(Handle handle, Instant now) {
        StatusData data = new StatusData(now, components.all(handle), Map.of(), incidents.unresolved(handle), List.of(),
                List.of(), List.of());
        return new Audience(subscribers.confirmed(handle), hooks.active(handle), data, WebhookNotices.names(data));
    }

    /**
     * On PostgreSQL, ids are handed out when rows are inserted but become visible when their
     * transactions commit, possibly out of order: moving the cursor past id 11 while id 10 is still
     * uncommitted would skip 10 for ever. A SHARE lock waits for every transaction that inserted
     * into the table to end and holds new inserts back until this one commits. Only this table is
     * locked, so the lock cannot close a cycle with a writer. SQLite has one writer, so there ids
     * are committed in order anyway.
     */
    private void holdBackUncommittedRows(Handle handle, String table) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            handle.execute("LOCK TABLE " + table + " IN SHARE MODE");
        }
    }

    private static ComponentStatus status(String apiName) {
        return apiName == null ? null : ComponentStatus.fromApiName(apiName);
    }

    private static void logQueued(int queued, int rows, String what) {
        if (queued > 0) {
            log.info("Queued {} notifications for {} new {}", queued, rows, what);
        }
    }
}
