package dev.vigil;

import dev.vigil.accounts.AccountHandlers;
import dev.vigil.accounts.Accounts;
import dev.vigil.accounts.AuditLog;
import dev.vigil.accounts.ConsoleHandlers;
import dev.vigil.accounts.Cookies;
import dev.vigil.accounts.FormTokens;
import dev.vigil.accounts.PasswordHasher;
import dev.vigil.accounts.SecretTokens;
import dev.vigil.accounts.SessionStore;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.accounts.UserStore;
import dev.vigil.components.ComponentStore;
import dev.vigil.components.ConfigSync;
import dev.vigil.config.ProbeConfig;
import dev.vigil.config.VigilConfig;
import dev.vigil.db.Database;
import dev.vigil.demo.DemoHistory;
import dev.vigil.demo.DemoTarget;
import dev.vigil.incidents.AutoIncidents;
import dev.vigil.incidents.IncidentStore;
import dev.vigil.markdown.Markdown;
import dev.vigil.notifications.Backoff;
import dev.vigil.notifications.Notifications;
import dev.vigil.outages.OutageService;
import dev.vigil.outages.OutageStore;
import dev.vigil.outages.ProbeStateStore;
import dev.vigil.outages.Thresholds;
import dev.vigil.probes.CheckStore;
import dev.vigil.probes.HttpClients;
import dev.vigil.probes.HttpProbe;
import dev.vigil.probes.Probe;
import dev.vigil.probes.RetentionJob;
import dev.vigil.schedule.Scheduler;
import dev.vigil.statuspage.StatusApi;
import dev.vigil.statuspage.StatusHandlers;
import dev.vigil.statuspage.StatusPublisher;
import dev.vigil.time.TimeFormat;
import dev.vigil.uptime.MonitorSessions;
import dev.vigil.web.HealthHandler;
import dev.vigil.web.Routes;
import dev.vigil.web.Templates;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The composition root: builds every part of Vigil from its configuration and returns it
 * unstarted. {@link #start()} and {@link #stop()} run the parts in order and in reverse.
 */
public final class Vigil {
    private static final int PROBE_THREADS = 8;
    private static final Duration STATUS_REFRESH = Duration.ofMinutes(1);
    private static final Duration RETENTION_RUN = Duration.ofHours(1);

    private final VigilConfig config;
    private final Clock clock;
    private final Database database;
    private final Scheduler scheduler;
    private final MonitorSessions sessions;
    private final StatusPublisher publisher;
    private final OutageService outages;
    private final Map<String, Probe> probes;
    private final RetentionJob retention;
    private final Accounts accounts;
    private final Notifications notifications;
    private final Javalin web;

    private Vigil(VigilConfig config, Clock clock, Set<String> demoFailing) {
        this.config = config;
        this.clock = clock;
        this.database = Database.open(config.dbUrl());
        this.scheduler = new Scheduler(PROBE_THREADS);
        this.sessions = new MonitorSessions(database, clock);
        TimeFormat times = new TimeFormat(config.site().timeZone());
        Templates templates = new Templates();
        ComponentStore components = new ComponentStore();
        ProbeStateStore probeStates = new ProbeStateStore();
        OutageStore outageStore = new OutageStore();
        IncidentStore incidents = new IncidentStore();
        CheckStore checks = new CheckStore();
        database.write(handle -> {
            new ConfigSync(components, probeStates).apply(handle, config, clock.instant());
            return null;
        });
        this.publisher = new StatusPublisher(database, components, incidents, sessions, config.site(),
                pageId(config), new Markdown(), templates, clock);
        Map<String, Thresholds> thresholds = new LinkedHashMap<>();
        HttpClients clients = new HttpClients();
        this.probes = new LinkedHashMap<>();
        for (ProbeConfig p : config.probes()) {
            thresholds.put(p.id(), new Thresholds(p.failuresToOpen(), p.successesToClose()));
            probes.put(p.id(), new HttpProbe(p, clock, clients));
        }
        this.outages = new OutageService(database, checks, probeStates, outageStore, components,
                new AutoIncidents(incidents, outageStore, times), thresholds, clock, publisher::invalidate);
        this.retention = new RetentionJob(database, checks, config.retention(), config.site().timeZone(), clock);
        DemoTarget demo = config.demo() ? new DemoTarget(demoFailing) : null;
        SecretTokens tokens = new SecretTokens();
        UserStore users = new UserStore();
        AuditLog audit = new AuditLog();
        this.accounts = new Accounts(database, users, new SessionStore(users), audit, new PasswordHasher(), tokens, clock);
        Cookies cookies = new Cookies(config.site().url().startsWith("https:"));
        String siteName = config.site().name();
        this.notifications = new Notifications(new Notifications.Parts(database, config.site(), config.notifications(),
                new StatusApi(config.site(), pageId(config), times), incidents, components, audit, tokens,
                new FormTokens(cookies, tokens), templates, times, clock), Backoff.STANDARD);
        this.web = Routes.create(new Routes.Handlers(new StatusHandlers(publisher),
                new HealthHandler(database, scheduler), demo,
                new AccountHandlers(accounts, templates, cookies, tokens, siteName),
                new ConsoleHandlers(database, components, incidents, audit, templates, times, siteName),
                new StaffGuard(accounts), notifications.publicHandlers(), notifications.console()));
    }

    /** Builds Vigil; nothing runs until {@link #start()}. */
    public static Vigil build(VigilConfig config, Clock clock) {
        return new Vigil(config, clock, Set.of());
    }

    /** Builds Vigil with some demo services failing from the start (the --demo-fail flag). */
    public static Vigil build(VigilConfig config, Clock clock, Set<String> demoFailing) {
        return new Vigil(config, clock, demoFailing);
    }

    public Vigil start() {
        if (config.demo()) {
            new DemoHistory(database, config, clock).seedIfNew();
        }
        notifications.startCursorsIfNew();
        accounts.bootstrapAdmin(System.getenv("VIGIL_ADMIN_EMAIL"), System.getenv("VIGIL_ADMIN_PASSWORD"));
        sessions.begin();
        publisher.rebuild();
        web.start(config.port());
        scheduleProbes();
        scheduler.every("monitor-heartbeat", MonitorSessions.HEARTBEAT, MonitorSessions.HEARTBEAT,
                at -> sessions.heartbeat());
        scheduler.every("status-refresh", STATUS_REFRESH, STATUS_REFRESH, at -> publisher.invalidate());
        scheduler.every("retention", RETENTION_RUN, Duration.ofMinutes(1), at -> retention.run());
        notifications.schedule(scheduler);
        scheduler.start();
        return this;
    }

    /**
     * Each probe's first check is spread over its interval, by a hash of its id, so that checks
     * do not bunch at the top of the minute and the spread stays the same across restarts.
     */
    private void scheduleProbes() {
        for (ProbeConfig p : config.probes()) {
            long spread = Math.floorMod(p.id().hashCode(), Math.max(1, p.interval().toMillis()));
            Probe probe = probes.get(p.id());
            scheduler.every("probe:" + p.id(), p.interval(), Duration.ofMillis(spread),
                    scheduledAt -> outages.record(probe.check(scheduledAt)));
        }
    }

    /** Stops in reverse order: no new checks, no new requests, then the record of this session and the store. */
    public void stop() {
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

    private static String pageId(VigilConfig config) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(config.site().url().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
