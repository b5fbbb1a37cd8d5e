package dev.vigil.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.components.ComponentStatus;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.SiteConfig;
import dev.vigil.db.Database;
import dev.vigil.incidents.Impact;
import dev.vigil.incidents.IncidentStatus;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.IncidentStore.NewIncident;
import dev.vigil.incidents.IncidentUpdate.AffectedComponent;
import dev.vigil.incidents.NoticeStore;
import dev.vigil.statuspage.StatusApi;
import dev.vigil.testing.Configs;
import dev.vigil.testing.ManualClock;
import dev.vigil.testing.OnEachBackend;
import dev.vigil.testing.TestDatabase;
import dev.vigil.time.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Deliveries derived from history rows: who gets what, each once, and nothing from before the
 * first start. Grace subscribes by email to everything, Linus by email to search only, and a
 * status aggregator by webhook to the web application; the ops team has a Slack hook and a
 * generic webhook.
 */
class HistoryNotifierStorageTest {
    private static final Instant START = Instant.parse("2026-11-25T18:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final AffectedComponent WEB_DOWN =
            new AffectedComponent("web", ComponentStatus.OPERATIONAL, ComponentStatus.MAJOR_OUTAGE);

    private static final Set<Event> EVERYTHING = Set.copyOf(StaffHook.CHOICES);

    private final ManualClock clock = new ManualClock(START);
    private final IncidentStore incidents = new IncidentStore();
    private final ComponentStore components = new ComponentStore();
    private final SubscriberStore subscribers = new SubscriberStore();
    private final StaffHookStore hooks = new StaffHookStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final ObjectMapper json = new ObjectMapper();
    private long grace;
    private long linus;
    private long aggregator;
    private long slack;
    private long opsWebhook;

    @OnEachBackend
    void historyFromBeforeTheFirstStartIsNotAnnounced(TestDatabase store) {
        Database database = webAndSearch(store);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        update(database, incident, IncidentStatus.INVESTIGATING, "Old news.");
        HistoryNotifier notifier = notifier(database, true);

        notifier.startIfNew();
        notifier.startIfNew();

        assertThat(notifier.run()).isZero();
        assertThat(queuedKeys(database)).isEmpty();
    }

    @OnEachBackend
    void anIncidentUpdateIsQueuedOnceForEachConfirmedRecipientItConcerns(TestDatabase store) {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        long update = update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.", WEB_DOWN);

        int queued = notifier.run();
        int again = notifier.run();

        assertThat(queued).isEqualTo(4);
        assertThat(again).isZero();
        assertThat(queuedKeys(database)).containsExactlyInAnyOrder(
                "update:" + update + ":sub:" + grace,
                "update:" + update + ":sub:" + aggregator,
                "update:" + update + ":hook:" + slack,
                "update:" + update + ":hook:" + opsWebhook);
    }

    @OnEachBackend
    void theMailNamesTheIncidentTheUpdateAndTheWayOut(TestDatabase store) {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        long update = update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.", WEB_DOWN);

        notifier.run();

        OutgoingMail mail = OutgoingMail.fromJson(payload(database, "update:" + update + ":sub:" + grace));
        assertThat(mail.to()).isEqualTo("grace@example.com");
        assertThat(mail.subject()).isEqualTo("[Acme Status] Web application is unavailable (Investigating)");
        assertThat(mail.text()).contains("The app does not load.").contains("Web application (major outage)")
                .contains("https://status.acme.test/incidents/" + incident)
                .contains("https://status.acme.test/unsubscribe/unsubscribe-grace-0000000000000000000");
        assertThat(mail.unsubscribeUrl()).isEqualTo("https://status.acme.test/unsubscribe/unsubscribe-grace-0000000000000000000");
    }

    @OnEachBackend
    void theWebhookBodyIsTheIncidentAsOfItsUpdateInTheStatuspageEnvelope(TestDatabase store) throws Exception {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        long first = update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.", WEB_DOWN);
        long second = update(database, incident, IncidentStatus.IDENTIFIED, "A bad deploy.");

        notifier.run();

        String key = "update:" + first + ":sub:" + aggregator;
        JsonNode body = json.readTree(payload(database, key));
        assertThat(body.at("/meta/idempotency_key").asText()).isEqualTo(key);
        assertThat(body.at("/meta/unsubscribe").asText())
                .isEqualTo("https://status.acme.test/unsubscribe/unsubscribe-aggregator-000000000000000");
        assertThat(body.at("/page/status_indicator").asText()).isEqualTo("critical");
        assertThat(body.at("/incident/id").asText()).isEqualTo(Long.toString(incident));
        assertThat(body.at("/incident/incident_updates")).hasSize(1);
        assertThat(body.at("/incident/incident_updates/0/id").asText()).isEqualTo(Long.toString(first));
        assertThat(body.at("/incident/components/0/id").asText()).isEqualTo("web");
        JsonNode later = json.readTree(payload(database, "update:" + second + ":sub:" + aggregator));
        assertThat(later.at("/incident/incident_updates/0/id").asText()).isEqualTo(Long.toString(second));
        JsonNode staff = json.readTree(payload(database, "update:" + first + ":hook:" + opsWebhook));
        assertThat(staff.at("/meta/unsubscribe").isNull()).isTrue();
        JsonNode chat = json.readTree(payload(database, "update:" + first + ":hook:" + slack));
        assertThat(chat.get("text").asText()).startsWith("*Web application is unavailable* · Investigating")
                .contains("The app does not load.");
    }

    @OnEachBackend
    void aComponentChangeGoesToWebhooksAndStaffButNotByEmail(TestDatabase store) throws Exception {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        everyone(database);
        database.write(h -> components.changeStatus(h, "web", ComponentStatus.MAJOR_OUTAGE, START, "web-home is down"));
        long change = database.read(h -> h.createQuery("SELECT MAX(id) FROM component_status_changes")
                .mapTo(Long.class).one());

        notifier.run();

        assertThat(queuedKeys(database)).containsExactlyInAnyOrder(
                "change:" + change + ":sub:" + aggregator,
                "change:" + change + ":hook:" + slack,
                "change:" + change + ":hook:" + opsWebhook);
        JsonNode body = json.readTree(payload(database, "change:" + change + ":sub:" + aggregator));
        assertThat(body.at("/component/id").asText()).isEqualTo("web");
        assertThat(body.at("/component/status").asText()).isEqualTo("major_outage");
        assertThat(body.at("/component_update/old_status").asText()).isEqualTo("operational");
        assertThat(body.at("/component_update/new_status").asText()).isEqualTo("major_outage");
        assertThat(json.readTree(payload(database, "change:" + change + ":hook:" + slack)).get("text").asText())
                .isEqualTo("*Web application* is now Major outage (was Operational), Nov 25, 2026, 10:00 AM PST: "
                        + "web-home is down");
    }

    @OnEachBackend
    void withoutAMailServerNoMailIsQueued(TestDatabase store) {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, false);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        long update = update(database, incident, IncidentStatus.INVESTIGATING, "The app does not load.", WEB_DOWN);

        notifier.run();

        assertThat(queuedKeys(database)).containsExactlyInAnyOrder(
                "update:" + update + ":sub:" + aggregator,
                "update:" + update + ":hook:" + slack,
                "update:" + update + ":hook:" + opsWebhook);
    }

    @OnEachBackend
    void aBacklogLongerThanOnePassIsTakenWhole(TestDatabase store) {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        long hook = database.write(h -> hooks.create(h, Channel.SLACK, "#ops", "https://hooks.slack.test/x", null,
                EVERYTHING, START));
        long incident = incident(database, "Slow search", "search");
        database.write(h -> {
            for (int i = 0; i < 150; i++) {
                incidents.addUpdate(h, incident, IncidentStatus.INVESTIGATING, "Still slow (" + i + ").", START, START,
                        List.of());
            }
            return null;
        });

        assertThat(notifier.run()).isEqualTo(150);
        assertThat(queuedKeys(database)).hasSize(150).allMatch(key -> key.endsWith(":hook:" + hook));
    }

    /**
     * On PostgreSQL an id is taken at insert but seen at commit: an update inserted first and
     * committed last must not be skipped by a cursor that already moved past a later one.
     */
    @Test
    void onPostgresAnUpdateCommittedAfterALaterOneIsStillAnnounced() throws Exception {
        try (TestDatabase store = TestDatabase.postgres()) {
            Database database = webAndSearch(store);
            Database slowWriter = store.open();
            HistoryNotifier notifier = startedNotifier(database, true);
            long hook = database.write(h -> hooks.create(h, Channel.SLACK, "#ops", "https://hooks.slack.test/x", null, EVERYTHING,
                    START));
            long slowIncident = incident(database, "Web application is unavailable", "web");
            long laterIncident = incident(database, "Search is unavailable", "search");
            CountDownLatch inserted = new CountDownLatch(1);
            CountDownLatch mayCommit = new CountDownLatch(1);
            CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> slowWriter.withWriterHandle(h -> {
                h.begin();
                long id = incidents.addUpdate(h, slowIncident, IncidentStatus.INVESTIGATING, "Inserted first.", START,
                        START, List.of());
                inserted.countDown();
                await(mayCommit);
                h.commit();
                return id;
            }));
            await(inserted);
            long later = update(database, laterIncident, IncidentStatus.INVESTIGATING, "Committed first.");

            CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(notifier::run);
            Thread.sleep(500);
            boolean finishedBeforeTheSlowCommit = pass.isDone();
            mayCommit.countDown();
            long first = slow.get(10, TimeUnit.SECONDS);
            pass.get(10, TimeUnit.SECONDS);
            notifier.run();

            assertThat(first).isLessThan(later);
            assertThat(finishedBeforeTheSlowCommit).as("the pass waits for the open insert").isFalse();
            assertThat(queuedKeys(database)).containsExactlyInAnyOrder(
                    "update:" + first + ":hook:" + hook, "update:" + later + ":hook:" + hook);
        }
    }

    @OnEachBackend
    void eachPublicationOfANoticeIsQueuedOnceForEachRecipientOfItsComponents(TestDatabase store) throws Exception {
        Database database = webAndSearch(store);
        HistoryNotifier notifier = startedNotifier(database, true);
        everyone(database);
        long incident = incident(database, "Web application is unavailable", "web");
        update(database, incident, IncidentStatus.RESOLVED, "Fixed.");
        notifier.run();
        NoticeStore notices = new NoticeStore();

        long first = publishNotice(database, notices, incident, "A full disk.");
        int queued = notifier.run();
        long second = publishNotice(database, notices, incident, "A full disk. We now alert on disk space.");
        int republished = notifier.run();

        assertThat(queued).isEqualTo(4);
        assertThat(republished).isEqualTo(4);
        assertThat(notifier.run()).isZero();
        assertThat(queuedKeys(database)).contains(
                "notice:" + first + ":sub:" + grace, "notice:" + first + ":sub:" + aggregator,
                "notice:" + first + ":hook:" + slack, "notice:" + first + ":hook:" + opsWebhook,
                "notice:" + second + ":sub:" + grace).noneMatch(key -> key.endsWith(":sub:" + linus));
        OutgoingMail mail = OutgoingMail.fromJson(payload(database, "notice:" + second + ":sub:" + grace));
        assertThat(mail.subject()).isEqualTo("[Acme Status] Updated incident report: Web application is unavailable");
        assertThat(mail.text()).contains("We now alert on disk space.");
        JsonNode body = json.readTree(payload(database, "notice:" + first + ":sub:" + aggregator));
        assertThat(body.at("/incident/postmortem_body").asText()).isEqualTo("A full disk.");
        assertThat(body.at("/notice/revision").asInt()).isEqualTo(1);
    }

    private long publishNotice(Database database, NoticeStore notices, long incident, String text) {
        return database.write(h -> {
            notices.saveDraft(h, incident, text, clock.instant(), "user:1");
            notices.publish(h, incident, text, clock.instant(), "user:1");
            return h.createQuery("SELECT MAX(id) FROM notice_publications").mapTo(Long.class).one();
        });
    }

    private HistoryNotifier notifier(Database database, boolean email) {
        SiteConfig site = new SiteConfig("Acme Status", "https://status.acme.test", ZONE);
        TimeFormat times = new TimeFormat(ZONE);
        Links links = new Links(site.url());
        return new HistoryNotifier(database, incidents, components, subscribers, hooks, deliveries,
                new MailNotices(site.name(), links, times), new WebhookNotices(new StatusApi(site, "page1", times), links,
                times, site.name()), links, email, clock);
    }

    private HistoryNotifier startedNotifier(Database database, boolean email) {
        HistoryNotifier notifier = notifier(database, email);
        notifier.startIfNew();
        return notifier;
    }

    /** The named subscribers and hooks, plus an unconfirmed address and one that left, who hear nothing. */
    private void everyone(Database database) {
        database.write(h -> {
            grace = subscriber(h, Channel.EMAIL, "grace@example.com", List.of(), "unsubscribe-grace-0000000000000000000",
                    true);
            linus = subscriber(h, Channel.EMAIL, "linus@example.com", List.of("search"),
                    "unsubscribe-linus-0000000000000000000", true);
            aggregator = subscriber(h, Channel.WEBHOOK, "https://aggregator.example/hooks/vigil", List.of("web"),
                    "unsubscribe-aggregator-000000000000000", true);
            subscriber(h, Channel.EMAIL, "pending@example.com", List.of(), "unsubscribe-pending-00000000000000000",
                    false);
            long left = subscriber(h, Channel.EMAIL, "left@example.com", List.of(), "unsubscribe-left-0000000000000000000",
                    true);
            subscribers.remove(h, left, START);
            slack = hooks.create(h, Channel.SLACK, "#ops", "https://hooks.slack.test/services/T0/B0/x", null, EVERYTHING,
                    START);
            opsWebhook = hooks.create(h, Channel.WEBHOOK, "Pager", "https://pager.example/in", "pager-secret", EVERYTHING,
                    START);
            return null;
        });
    }

    private long subscriber(org.jdbi.v3.core.Handle h, Channel channel, String target, List<String> chosen,
            String unsubscribeToken, boolean confirmed) {
        return subscribers.create(h, new SubscriberStore.New(channel, target, chosen,
                confirmed ? null : "hash-of-" + target, unsubscribeToken, channel == Channel.WEBHOOK ? "s3cret" : null,
                START, confirmed));
    }

    private long incident(Database database, String name, String componentId) {
        return database.write(h -> {
            long id = incidents.create(h, new NewIncident(name, IncidentStatus.INVESTIGATING, Impact.CRITICAL, START,
                    START, "staff", null));
            incidents.addComponent(h, id, componentId);
            return id;
        });
    }

    private long update(Database database, long incident, IncidentStatus status, String body,
            AffectedComponent... affected) {
        clock.advance(Duration.ofMinutes(1));
        Instant at = clock.instant();
        return database.write(h -> incidents.addUpdate(h, incident, status, body, at, at, List.of(affected)));
    }

    private List<String> queuedKeys(Database database) {
        return database.read(h -> h.createQuery("SELECT idempotency_key FROM deliveries ORDER BY id")
                .mapTo(String.class).list());
    }

    private String payload(Database database, String key) {
        return database.read(h -> h.createQuery("SELECT payload FROM deliveries WHERE idempotency_key = :key")
                .bind("key", key).mapTo(String.class).one());
    }

    private static Database webAndSearch(TestDatabase store) {
        Database database = store.open();
        Configs.sync(database, Configs.parse("""
                components:
                  - id: web
                    name: Web application
                  - id: search
                    name: Search
                """), START.minus(Duration.ofDays(30)));
        return database;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
