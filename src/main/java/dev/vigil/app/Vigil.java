package dev.vigil.app;

import dev.vigil.accounts.AccountHandlers;
import dev.vigil.accounts.Accounts;
import dev.vigil.accounts.ApiGuard;
import dev.vigil.accounts.ApiTokenHandlers;
import dev.vigil.accounts.ApiTokenStore;
import dev.vigil.accounts.ApiTokens;
import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.Cookies;
import dev.vigil.accounts.FormTokens;
import dev.vigil.accounts.InvitationStore;
import dev.vigil.accounts.Invitations;
import dev.vigil.accounts.LinkSender;
import dev.vigil.accounts.OneTimeLinkHandlers;
import dev.vigil.accounts.OwnAccountHandlers;
import dev.vigil.accounts.PasswordHasher;
import dev.vigil.accounts.PasswordResetStore;
import dev.vigil.accounts.PasswordResets;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.accounts.SessionStore;
import dev.vigil.accounts.ShowLinkToAdmin;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.accounts.Team;
import dev.vigil.accounts.TeamHandlers;
import dev.vigil.accounts.UserStore;
import dev.vigil.actionitems.ActionItemApi;
import dev.vigil.actionitems.ActionItemConsole;
import dev.vigil.actionitems.ActionItemStore;
import dev.vigil.actionitems.ActionItems;
import dev.vigil.actionitems.DonePolicy;
import dev.vigil.actionitems.DuePolicy;
import dev.vigil.agents.AgentAdminApi;
import dev.vigil.agents.AgentApi;
import dev.vigil.agents.AgentConsole;
import dev.vigil.agents.AgentGuard;
import dev.vigil.agents.AgentTokens;
import dev.vigil.agents.Assignments;
import dev.vigil.agents.PublicLocations;
import dev.vigil.components.ComponentStore;
import dev.vigil.config.ConfigSource;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.demo.DemoHistory;
import dev.vigil.demo.DemoTarget;
import dev.vigil.engine.Limits;
import dev.vigil.engine.ProbeEngine;
import dev.vigil.heartbeats.Heartbeats;
import dev.vigil.heartbeats.PingHandlers;
import dev.vigil.engine.ResultSink;
import dev.vigil.home.HomeConsole;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.incidents.StaffIncidents;
import dev.vigil.incidents.console.IncidentApi;
import dev.vigil.incidents.console.IncidentConsole;
import dev.vigil.maintenance.MaintenanceApi;
import dev.vigil.maintenance.MaintenanceCalendar;
import dev.vigil.maintenance.MaintenanceHandlers;
import dev.vigil.maintenance.MaintenanceService;
import dev.vigil.maintenance.MaintenanceStore;
import dev.vigil.markdown.Markdown;
import dev.vigil.metrics.MetricsHandlers;
import dev.vigil.metrics.MetricsQueries;
import dev.vigil.monitoring.ComponentApi;
import dev.vigil.monitoring.ComponentConsole;
import dev.vigil.monitoring.ComponentEditor;
import dev.vigil.monitoring.ConfigReload;
import dev.vigil.monitoring.ConfigSync;
import dev.vigil.monitoring.ProbeApi;
import dev.vigil.monitoring.ProbeRegistry;
import dev.vigil.notifications.Backoff;
import dev.vigil.notifications.Notifications;
import dev.vigil.notifications.SubscriberApi;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeRetirement;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.postmortems.PostmortemApi;
import dev.vigil.postmortems.PostmortemConsole;
import dev.vigil.postmortems.PostmortemReviewConsole;
import dev.vigil.probes.CheckRollupStore;
import dev.vigil.probes.CheckRollups;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.ProbeSettingsStore;
import dev.vigil.probes.RetentionJob;
import dev.vigil.reminders.ActionItemReminderJob;
import dev.vigil.reminders.ReminderConsole;
import dev.vigil.schedule.Scheduler;
import dev.vigil.search.SearchHandlers;
import dev.vigil.search.SearchIndex;
import dev.vigil.statuspage.ComponentLocations;
import dev.vigil.statuspage.StatusApi;
import dev.vigil.statuspage.StatusHandlers;
import dev.vigil.statuspage.StatusPublisher;
import dev.vigil.telemetry.PrometheusHandler;
import dev.vigil.telemetry.Telemetry;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.MonitorSessions;
import dev.vigil.uptime.UptimeRollups;
import dev.vigil.web.ErrorPages;
import dev.vigil.web.OpenApiDocument;
import dev.vigil.web.SecurityHeaders;
import dev.vigil.web.Templates;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The composition root: builds every part of Vigil from its configuration and returns it
 * unstarted. {@link #start()} and {@link #stop()} run the parts in order and in reverse.
 */
public final class Vigil {
    /** Vigil's own jobs only: probes run on the {@link ProbeEngine}, which has threads of its own. */
    private static final int JOB_THREADS = 8;
    private static final Duration STATUS_REFRESH = Duration.ofMinutes(1);
    private static final Duration RETENTION_RUN = Duration.ofHours(1);
    private static final Duration LOCATION_QUORUM_RUN = Duration.ofSeconds(2);
    /** Issue 11: the roll-ups, and so today's bar, are at most this far behind the checks. */
    private static final Duration ROLLUP_RUN = Duration.ofMinutes(1);

    private final VigilConfig config;
    private final Clock clock;
    private final Database database;
    private final Scheduler scheduler;
    private final MonitorSessions sessions;
    private final StatusPublisher publisher;
    private final OutageService outages;
    private final MaintenanceService maintenance;
    private final ProbeEngine probeEngine;
    private final HttpClients httpClients = new HttpClients();
    private final ProbeRegistry probes;
    private final Heartbeats heartbeats;
    private final RetentionJob retention;
    private final CheckRollups checkRollups;
    private final UptimeRollups uptimeRollups;
    private final Accounts accounts;
    private final ApiTokens apiTokens;
    private final Notifications notifications;
    private final ActionItemReminderJob reminders;
    private final Javalin web;
    private final ConfigSync configSync;
    private final Telemetry telemetry;
    /** Where components are checked from (issue 11); the public snapshot reads it once the probes exist. */
    private final PublicLocations publicLocations;

    private Vigil(VigilConfig config, Clock clock, Set<String> demoFailing, ConfigSource source) {
        this.config = config;
        this.clock = clock;
        this.database = Database.at(config.dbUrl());
        this.scheduler = new Scheduler(JOB_THREADS);
        this.sessions = new MonitorSessions(database, clock);
        TimeFormat times = new TimeFormat(config.site().timeZone());
        Templates templates = new Templates();
        ComponentStore components = new ComponentStore();
        ProbeStateStore probeStates = new ProbeStateStore();
        OutageStore outageStore = new OutageStore();
        IncidentStore incidents = new IncidentStore();
        CheckStore checks = new CheckStore();
        MaintenanceStore maintenanceStore = new MaintenanceStore();
        AutoIncidents autoIncidents = new AutoIncidents(incidents, outageStore, times);
        ConfigSync sync = new ConfigSync(components, probeStates,
                new ProbeRetirement(probeStates, outageStore, components, autoIncidents));
        this.configSync = sync;
        Markdown markdown = new Markdown();
        StatusApi statusApi = new StatusApi(config.site(), pageId(config), times);
        this.publisher = new StatusPublisher(database, components, incidents, maintenanceStore, config.site(),
                statusApi, markdown, templates, clock, this::componentLocations);
        // Thresholds arrive with each probe the registry starts (issue 3: probes come and go while running).
        this.outages = new OutageService(database, checks, probeStates, outageStore, components,
                autoIncidents, new MaintenanceCalendar(), Map.of(), clock,
                publisher::invalidate);
        ProbeSettingsStore probeSettings = new ProbeSettingsStore();
        this.telemetry = new Telemetry(database);
        this.probeEngine = new ProbeEngine(telemetry.recording(ResultSink.of(outages::recordAll, database::writeFault)),
                clock, Limits.STANDARD, telemetry.engineObserver());
        this.heartbeats = new Heartbeats(database, new SecretTokens(), config.site().url(), config.retention(), clock,
                probeEngine::checkNow);
        this.probes = new ProbeRegistry(config.probes(), database, probeSettings, probeEngine, outages,
                httpClients, heartbeats, clock);
        this.publicLocations = new PublicLocations(probes, outages);
        CheckRollupStore rollupStore = new CheckRollupStore();
        this.checkRollups = new CheckRollups(database, checks, rollupStore, config.site().timeZone());
        this.uptimeRollups = new UptimeRollups(database, components, probeStates, checks, sessions,
                config.site().timeZone(), clock);
        this.retention = new RetentionJob(database, checks, checkRollups, rollupStore, config.retention(), clock);
        DemoTarget demo = config.demo() ? new DemoTarget(demoFailing) : null;
        SecretTokens tokens = new SecretTokens();
        UserStore users = new UserStore();
        SessionStore sessionStore = new SessionStore(users);
        AuditLog audit = new AuditLog();
        ComponentEditor componentEditor = new ComponentEditor(database, components, probeStates, probeSettings, sync,
                probes, audit, clock, publisher::invalidate);
        ConfigReload reload = new ConfigReload(source, config, database, components, sync, probeSettings,
                probes, audit, clock, publisher::invalidate);
        this.maintenance = new MaintenanceService(database, maintenanceStore, components, outages, audit,
                config.site().timeZone(), clock, publisher::invalidate);
        PasswordHasher hasher = new PasswordHasher();
        this.accounts = new Accounts(database, users, sessionStore, audit, hasher, tokens, clock);
        this.apiTokens = new ApiTokens(database, new ApiTokenStore(), audit, tokens, clock);
        Cookies cookies = new Cookies(config.site().url().startsWith("https:"));
        String siteName = config.site().name();
        String siteUrl = config.site().url();
        this.notifications = new Notifications(new Notifications.Parts(database, config.site(), config.notifications(),
                statusApi, incidents, components, audit, tokens,
                new FormTokens(cookies, tokens), templates, times, clock), Backoff.STANDARD);
        // With a mail server, invitation and reset links go by mail; without, the admin is shown each to pass on.
        LinkSender links = config.notifications().hasSmtp()
                ? notifications.linksByMail().orElseThrow() : new ShowLinkToAdmin();
        Invitations invitations = new Invitations(database, new InvitationStore(), users, accounts, audit, hasher,
                tokens, links, siteUrl, clock);
        PasswordResets resets = new PasswordResets(database, new PasswordResetStore(), users, sessionStore, accounts,
                audit, hasher, tokens, links, siteUrl, clock);
        this.reminders = new ActionItemReminderJob(database, config.reminders(), config.site(),
                config.notifications().hasSmtp(), clock);
        Routes.Access access = new Routes.Access(
                new TeamHandlers(new Team(database, users, sessionStore, audit, clock), invitations, resets, templates,
                        times, siteName),
                new OneTimeLinkHandlers(invitations, resets, templates, cookies, tokens, siteName),
                new ApiTokenHandlers(apiTokens, templates, times, siteName),
                new OwnAccountHandlers(accounts, templates, siteName));
        DuePolicy duePolicy = new DuePolicy(config.postmortems());
        // Public commitments on incident pages show item progress, so a change rebuilds the public snapshot.
        ActionItems actionItems = new ActionItems(database, new ActionItemStore(), duePolicy, audit,
                config.site().timeZone(), clock, publisher::invalidate,
                new DonePolicy(config.postmortems().doneRequiresLink()));
        PostmortemReviewConsole postmortemReview = PostmortemReviewConsole.build(database, audit, markdown, templates,
                config.site(), clock, publisher::invalidate);
        PostmortemConsole postmortemConsole = PostmortemConsole.build(database, incidents, outageStore, users, audit,
                markdown, templates, times, siteName, clock, actionItems);
        IncidentConsole incidentConsole = IncidentConsole.build(database, incidents, components, outageStore, audit,
                markdown, templates, config.site(), clock, publisher::invalidate);
        Routes.AdminApi api = new Routes.AdminApi(new ApiGuard(apiTokens),
                new ComponentApi(database, components, componentEditor, times),
                new IncidentApi(database, incidents, new StaffIncidents(database, incidents, components, audit, clock),
                        publisher::invalidate, times, siteUrl, clock),
                incidentConsole.noticeApi(),
                new MaintenanceApi(maintenance, database, components, times, clock),
                new SubscriberApi(notifications.subscriptions(), times),
                new ProbeApi(probes, componentEditor, database, probeStates, checks, rollupStore, outageStore, heartbeats,
                        times, clock, outages),
                new OpenApiDocument(siteUrl), new ActionItemApi(actionItems, times),
                new PostmortemApi(postmortemConsole.postmortems(), postmortemConsole.editor(),
                        postmortemReview.automation(), times));
        this.web = Routes.create(new Routes.Handlers(new StatusHandlers(publisher),
                new HealthHandler(database, scheduler, probeEngine),
                new PrometheusHandler(telemetry, config.metricsAccess()), demo,
                new AccountHandlers(accounts, templates, cookies, tokens, siteName),
                new ConsoleHandlers(new HomeConsole(database, actionItems, clock, times, templates, siteName), database, audit,
                        templates, times, siteName),
                incidentConsole,
                new StaffGuard(accounts), access, api,
                new MaintenanceHandlers(maintenance, database, components, templates, times, clock, siteName),
                notifications.publicHandlers(), notifications.console(),
                new ReminderConsole(database, config.reminders(), config.notifications().hasSmtp(), templates, times,
                        siteName, clock),
                new MetricsHandlers(new MetricsQueries(database), templates, times, clock, siteName),
                new ComponentConsole(componentEditor, reload, probes, database, probeStates, heartbeats, checks, times,
                        templates, siteName),
                postmortemReview, postmortemConsole,
                new SearchHandlers(new SearchIndex(database), templates, siteName),
                ActionItemConsole.build(actionItems, duePolicy, database, components, markdown, templates, times,
                        siteName),
                new ErrorPages(templates, siteName), new SecurityHeaders(siteUrl.startsWith("https:")),
                new PingHandlers(heartbeats), agents(tokens, audit, templates, times, siteName)));
    }

    /** Probe agents (issue 11): their tokens report sightings to /metrics; they run the probes of their location. */
    private Routes.Agents agents(SecretTokens secrets, AuditLog audit, Templates templates, TimeFormat times,
            String siteName) {
        AgentTokens agentTokens = new AgentTokens(database, audit, secrets, clock, new AgentTokens.Sightings() {
            @Override
            public void seen(String location, Instant at) {
                telemetry.agentSeen(location, at);
            }

            @Override
            public void gone(String location) {
                telemetry.agentGone(location);
            }
        });
        return new Routes.Agents(new AgentGuard(agentTokens),
                new AgentApi(new Assignments(probes, config.canary()), outages, database, clock),
                new AgentAdminApi(agentTokens, times), new AgentConsole(agentTokens, probes, templates, times, siteName));
    }

    /** The public page reads where components are checked from after the constructor made the probes. */
    private Map<String, List<ComponentLocations.Place>> componentLocations(Handle handle) {
        return publicLocations.read(handle);
    }

    /** Builds Vigil; nothing runs until {@link #start()}. */
    public static Vigil build(VigilConfig config, Clock clock) {
        return new Vigil(config, clock, Set.of(), null);
    }

    /** Builds Vigil with some demo services failing from the start (the --demo-fail flag). */
    public static Vigil build(VigilConfig config, Clock clock, Set<String> demoFailing) {
        return new Vigil(config, clock, demoFailing, null);
    }

    /** Builds Vigil that can reload its configuration file from the console (issue 3). */
    public static Vigil build(VigilConfig config, Clock clock, Set<String> demoFailing, ConfigSource source) {
        return new Vigil(config, clock, demoFailing, source);
    }

    /** Opens and migrates the store, applies vigil.yml to it, then listens and schedules. */
    public Vigil start() {
        database.open();
        database.write(handle -> {
            configSync.apply(handle, config, clock.instant());
            return null;
        });
        if (config.demo()) {
            new DemoHistory(database, config, clock).seedIfNew();
        }
        notifications.startCursorsIfNew();
        if (config.firstAdmin() != null) {
            accounts.bootstrapAdmin(config.firstAdmin().email(), config.firstAdmin().password());
        }
        apiTokens.bootstrap(config.bootstrapToken());
        sessions.begin();
        rollUp();
        publisher.rebuild();
        web.start(config.port());
        probes.refresh();
        probes.startCanary(config.canary());
        scheduler.every("monitor-heartbeat", MonitorSessions.HEARTBEAT, MonitorSessions.HEARTBEAT,
                at -> sessions.heartbeat());
        scheduler.every("status-refresh", STATUS_REFRESH, STATUS_REFRESH, at -> publisher.invalidate());
        scheduler.every("retention", RETENTION_RUN, Duration.ofMinutes(1), at -> retention.run());
        scheduler.every("rollups", ROLLUP_RUN, ROLLUP_RUN, at -> {
            rollUp();
            publisher.invalidate();
        });
        scheduler.every("heartbeat-ping-retention", RETENTION_RUN, Duration.ofMinutes(2), at -> heartbeats.prune());
        scheduler.every("maintenance", MaintenanceService.JOB_INTERVAL, Duration.ZERO, at -> maintenance.advance());
        // Issue 11: a location that stops reporting, or whose canary fails, stops counting toward its probes' quorum.
        scheduler.every("location-quorum", LOCATION_QUORUM_RUN, LOCATION_QUORUM_RUN, at -> outages.applyElapsedTime());
        notifications.schedule(scheduler);
        reminders.schedule(scheduler);
        scheduler.start();
        return this;
    }

    /** Folds the checks written since the last run into the roll-ups, then brings the uptime roll-ups up to now. */
    private void rollUp() {
        checkRollups.run();
        uptimeRollups.run();
    }

    /** Stops in reverse order: no new checks, no new requests, then the record of this session and the store. */
    public void stop() {
        probeEngine.close();
        httpClients.close();
        scheduler.close();
        notifications.close();
        web.stop();
        publisher.close();
        try {
            sessions.end();
        } finally {
            database.close();
        }
    }

    /** The port the web server listens on (useful when configured as 0). */
    public int port() {
        return web.port();
    }

    /** Vigil's figures for /metrics; the probe agents report to it with {@link Telemetry#agentSeen}. */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** The web app, for tests that walk the route table. */
    Javalin web() {
        return web;
    }

    public Database database() {
        return database;
    }

    public StatusPublisher publisher() {
        return publisher;
    }

    /** The daily action item reminders, for tests that run them at a time of their choosing. */
    public ActionItemReminderJob reminders() {
        return reminders;
    }

    /** The names of the scheduled tasks, for tests that check a job is scheduled. */
    public Set<String> scheduledTasks() {
        return scheduler.names();
    }

    private static String pageId(VigilConfig config) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(config.site().url().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
