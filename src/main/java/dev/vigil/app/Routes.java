package dev.vigil.app;

import dev.vigil.accounts.AccountHandlers;
import dev.vigil.accounts.ApiGuard;
import dev.vigil.accounts.ApiTokenHandlers;
import dev.vigil.accounts.OneTimeLinkHandlers;
import dev.vigil.accounts.OwnAccountHandlers;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.accounts.TeamHandlers;
import dev.vigil.actionitems.ActionItemApi;
import dev.vigil.actionitems.ActionItemConsole;
import dev.vigil.agents.AgentAdminApi;
import dev.vigil.agents.AgentApi;
import dev.vigil.agents.AgentConsole;
import dev.vigil.agents.AgentGuard;
import dev.vigil.console.Role;
import dev.vigil.demo.DemoTarget;
import dev.vigil.heartbeats.PingHandlers;
import dev.vigil.incidents.console.IncidentApi;
import dev.vigil.incidents.console.IncidentConsole;
import dev.vigil.incidents.console.NoticeApi;
import dev.vigil.maintenance.MaintenanceApi;
import dev.vigil.maintenance.MaintenanceHandlers;
import dev.vigil.metrics.MetricsHandlers;
import dev.vigil.monitoring.ComponentApi;
import dev.vigil.monitoring.ComponentConsole;
import dev.vigil.monitoring.ProbeApi;
import dev.vigil.notifications.NotificationConsole;
import dev.vigil.notifications.SubscribeHandlers;
import dev.vigil.notifications.SubscriberApi;
import dev.vigil.postmortems.PostmortemApi;
import dev.vigil.postmortems.PostmortemConsole;
import dev.vigil.postmortems.PostmortemReviewConsole;
import dev.vigil.reminders.ReminderConsole;
import dev.vigil.search.SearchHandlers;
import dev.vigil.statuspage.StatusHandlers;
import dev.vigil.telemetry.PrometheusHandler;
import dev.vigil.web.ErrorMapping;
import dev.vigil.web.ErrorPages;
import dev.vigil.web.OpenApiDocument;
import dev.vigil.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one route table. Public routes first; the line below them marks where sign-in begins. */
final class Routes {
    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    private Routes() {}

    /** Everything the routes call. demo is null when the demo target is off. */
    public record Handlers(StatusHandlers status, HealthHandler health, PrometheusHandler prometheus,
            DemoTarget demo, AccountHandlers accounts,
            ConsoleHandlers console, IncidentConsole incidents, StaffGuard guard, Access access, AdminApi api,
            MaintenanceHandlers maintenance, SubscribeHandlers subscribe, NotificationConsole notifications,
            ReminderConsole reminders, MetricsHandlers metrics, ComponentConsole components,
            PostmortemReviewConsole postmortemReview, PostmortemConsole postmortems,
            SearchHandlers search, ActionItemConsole actionItems, ErrorPages errors, SecurityHeaders headers,
            PingHandlers pings, Agents agents) {}

    /** Probe agents (issue 11): their own endpoints and guard, the admin's API and console page for their tokens. */
    public record Agents(AgentGuard guard, AgentApi api, AgentAdminApi admin, AgentConsole console) {}

    /** The console's pages about access (issue 3): the team, one-time links, API tokens, your own account. */
    public record Access(TeamHandlers team, OneTimeLinkHandlers links, ApiTokenHandlers tokens,
            OwnAccountHandlers ownAccount) {}

    /** The admin JSON API under /api/v1 and its guard. */
    public record AdminApi(ApiGuard guard, ComponentApi components, IncidentApi incidents, NoticeApi notices,
            MaintenanceApi maintenances, SubscriberApi subscribers, ProbeApi probes, OpenApiDocument openApi,
            ActionItemApi actionItems, PostmortemApi postmortems) {}

    /** Builds the web app, unstarted. */
    public static Javalin create(Handlers handlers) {
        StatusHandlers status = handlers.status();
        HealthHandler health = handlers.health();
        DemoTarget demo = handlers.demo();
        AccountHandlers accounts = handlers.accounts();
        ConsoleHandlers console = handlers.console();
        StaffGuard guard = handlers.guard();
        IncidentConsole incidents = handlers.incidents();
        Access access = handlers.access();
        AdminApi api = handlers.api();
        MaintenanceHandlers maintenance = handlers.maintenance();
        SubscribeHandlers subscribe = handlers.subscribe();
        NotificationConsole notifications = handlers.notifications();
        ReminderConsole reminders = handlers.reminders();
        MetricsHandlers metrics = handlers.metrics();
        ComponentConsole components = handlers.components();
        PostmortemReviewConsole review = handlers.postmortemReview();
        PostmortemConsole postmortems = handlers.postmortems();
        SearchHandlers search = handlers.search();
        ActionItemConsole actionItems = handlers.actionItems();
        PingHandlers pings = handlers.pings();
        Agents agents = handlers.agents();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // A known path with the wrong method says so (the API answers 405 in JSON), instead of "not found".
            config.http.prefer405over404 = true;
            // The public snapshot is gzipped once when built; compressing per request would redo it.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });

            config.routes.before(handlers.headers()::apply);

            // ---- Public: no sign-in ----
            config.routes.get("/", status::page);
            config.routes.get("/api/v2/summary.json", status::summary);
            config.routes.get("/api/v2/status.json", status::status);
            config.routes.get("/api/v2/scheduled-maintenances/upcoming.json", status::upcomingMaintenances);
            config.routes.get("/api/v2/scheduled-maintenances/active.json", status::activeMaintenances);
            config.routes.get("/api/v2/scheduled-maintenances.json", status::latestMaintenances);
            config.routes.get("/history.atom", status::atomFeed);
            config.routes.get("/history.rss", status::rssFeed);
            config.routes.get("/incidents/{id}", status::incident);
            config.routes.get("/health", health::check);
            // For Prometheus: anonymous, or behind its own bearer token when metrics.token is set.
            config.routes.get("/metrics", handlers.prometheus()::serve);
            // The admin API's description reveals no data; ApiGuard.requireToken lets this one path through.
            config.routes.get("/api/v1/openapi.json", api.openApi()::serve);
            if (demo != null) {
                config.routes.get("/demo/{service}/health", demo::health);
                config.routes.post("/demo/{service}/fail", demo::fail);
                config.routes.post("/demo/{service}/recover", demo::recover);
                config.routes.post("/demo/app/sign-in", demo::signIn);
                config.routes.get("/demo/app/search", demo::search);
                config.routes.get("/demo/app/results/{id}", demo::result);
            }

            // Heartbeats (issue 11): the token in the path is the credential; a cron job's GET or POST has no cookies.
            config.routes.get("/ping/{token}", pings::success);
            config.routes.post("/ping/{token}", pings::success);
            config.routes.get("/ping/{token}/start", pings::start);
            config.routes.post("/ping/{token}/start", pings::start);
            config.routes.get("/ping/{token}/fail", pings::fail);
            config.routes.post("/ping/{token}/fail", pings::fail);

            config.routes.get("/setup", accounts::showSetup);
            config.routes.post("/setup", accounts::setup);
            config.routes.get("/sign-in", accounts::showSignIn);
            config.routes.post("/sign-in", accounts::signIn);
            // One-time links: the random token in the path is the credential.
            config.routes.get("/invite/{token}", access.links()::showInvitation);
            config.routes.post("/invite/{token}", access.links()::acceptInvitation);
            config.routes.get("/reset/{token}", access.links()::showReset);
            config.routes.post("/reset/{token}", access.links()::useReset);

            // Subscribing. The forms carry a CSRF token; confirming and unsubscribing are authorised by the
            // secret token in the path (mail programs post the one-click unsubscribe without cookies).
            config.routes.get("/subscribe", subscribe::show);
            config.routes.post("/subscribe/email", subscribe::subscribeEmail);
            config.routes.post("/subscribe/webhook", subscribe::subscribeWebhook);
            config.routes.get("/subscribe/confirm/{token}", subscribe::showConfirm);
            config.routes.post("/subscribe/confirm/{token}", subscribe::confirm);
            config.routes.get("/unsubscribe/{token}", subscribe::showUnsubscribe);
            config.routes.post("/unsubscribe/{token}", subscribe::unsubscribe);

            // ---- Every route below this line needs a signed-in user; every POST also the session's CSRF token ----
            config.routes.before("/console", guard::requireSession);
            config.routes.before("/console/*", guard::requireSession);
            config.routes.get("/console", StaffGuard.allow(Role.VIEWER, console.home()::page));
            config.routes.get("/console/audit", StaffGuard.allow(Role.VIEWER, console::auditLog));
            config.routes.get("/console/search", StaffGuard.allow(Role.VIEWER, search::page));
            config.routes.get("/console/maintenance", StaffGuard.allow(Role.VIEWER, maintenance::list));
            config.routes.get("/console/maintenance/new", StaffGuard.allow(Role.EDITOR, maintenance::showForm));
            config.routes.post("/console/maintenance", StaffGuard.allow(Role.EDITOR, maintenance::create));
            config.routes.post("/console/maintenance/{id}/cancel", StaffGuard.allow(Role.EDITOR, maintenance::cancel));
            config.routes.post("/console/sign-out", accounts::signOut);
            config.routes.get("/console/account", StaffGuard.allow(Role.VIEWER, access.ownAccount()::account));
            config.routes.post("/console/account/password",
                    StaffGuard.allow(Role.VIEWER, access.ownAccount()::changePassword));
            config.routes.get("/console/users", StaffGuard.allow(Role.ADMIN, access.team()::users));
            config.routes.post("/console/users/invitations", StaffGuard.allow(Role.ADMIN, access.team()::invite));
            config.routes.post("/console/users/{id}/role", StaffGuard.allow(Role.ADMIN, access.team()::changeRole));
            config.routes.post("/console/users/{id}/disable", StaffGuard.allow(Role.ADMIN, access.team()::disable));
            config.routes.post("/console/users/{id}/enable", StaffGuard.allow(Role.ADMIN, access.team()::enable));
            config.routes.post("/console/users/{id}/reset-link",
                    StaffGuard.allow(Role.ADMIN, access.team()::issueReset));
            config.routes.get("/console/agents", StaffGuard.allow(Role.ADMIN, agents.console()::page));
            config.routes.post("/console/agents", StaffGuard.allow(Role.ADMIN, agents.console()::create));
            config.routes.post("/console/agents/{id}/revoke", StaffGuard.allow(Role.ADMIN, agents.console()::revoke));
            config.routes.get("/console/tokens", StaffGuard.allow(Role.ADMIN, access.tokens()::tokens));
            config.routes.post("/console/tokens", StaffGuard.allow(Role.ADMIN, access.tokens()::create));
            config.routes.post("/console/tokens/{id}/revoke", StaffGuard.allow(Role.ADMIN, access.tokens()::revoke));
            config.routes.get("/console/notifications", StaffGuard.allow(Role.ADMIN, notifications::settings));
            config.routes.post("/console/notifications/hooks", StaffGuard.allow(Role.ADMIN, notifications::addHook));
            config.routes.post("/console/notifications/hooks/{id}/events",
                    StaffGuard.allow(Role.ADMIN, notifications::changeEvents));
            config.routes.post("/console/notifications/hooks/{id}/remove",
                    StaffGuard.allow(Role.ADMIN, notifications::removeHook));
            config.routes.post("/console/notifications/subscribers/{id}/remove",
                    StaffGuard.allow(Role.ADMIN, notifications::removeSubscriber));
            config.routes.get("/console/notifications/deliveries",
                    StaffGuard.allow(Role.ADMIN, notifications::deliveries));
            // Action item reminders (issue 4): a fixed path, so it must stay before /console/action-items/{id}.
            config.routes.get("/console/action-items/reminders", StaffGuard.allow(Role.VIEWER, reminders::log));

            // Components and probes (issue 3): viewers read, admins change the console's own and reload vigil.yml.
            config.routes.get("/console/components", StaffGuard.allow(Role.VIEWER, components::list));
            config.routes.get("/console/components/new", StaffGuard.allow(Role.ADMIN, components::newComponent));
            config.routes.post("/console/components", StaffGuard.allow(Role.ADMIN, components::createComponent));
            config.routes.get("/console/components/{id}/edit", StaffGuard.allow(Role.ADMIN, components::editComponent));
            config.routes.post("/console/components/{id}", StaffGuard.allow(Role.ADMIN, components::updateComponent));
            config.routes.post("/console/components/{id}/retire",
                    StaffGuard.allow(Role.ADMIN, components::retireComponent));
            config.routes.get("/console/probes/new", StaffGuard.allow(Role.ADMIN, components::newProbe));
            config.routes.post("/console/probes", StaffGuard.allow(Role.ADMIN, components::createProbe));
            config.routes.get("/console/probes/{id}/edit", StaffGuard.allow(Role.ADMIN, components::editProbe));
            config.routes.post("/console/probes/{id}", StaffGuard.allow(Role.ADMIN, components::updateProbe));
            config.routes.post("/console/probes/{id}/remove", StaffGuard.allow(Role.ADMIN, components::removeProbe));
            config.routes.get("/console/config/reload", StaffGuard.allow(Role.ADMIN, components::showReload));
            config.routes.post("/console/config/reload", StaffGuard.allow(Role.ADMIN, components::applyReload));

            // Incidents (issue 3): viewers read, editors change. Fixed paths come before /{id}.
            config.routes.get("/console/incidents", StaffGuard.allow(Role.VIEWER, incidents.incidents()::list));
            config.routes.get("/console/incidents/new", StaffGuard.allow(Role.EDITOR, incidents.creation()::showNew));
            config.routes.post("/console/incidents", StaffGuard.allow(Role.EDITOR, incidents.creation()::create));
            config.routes.get("/console/incidents/backfill", StaffGuard.allow(Role.EDITOR, incidents.creation()::showBackfill));
            config.routes.post("/console/incidents/backfill", StaffGuard.allow(Role.EDITOR, incidents.creation()::backfill));
            config.routes.get("/console/incidents/templates", StaffGuard.allow(Role.EDITOR, incidents.templates()::list));
            config.routes.post("/console/incidents/templates", StaffGuard.allow(Role.EDITOR, incidents.templates()::create));
            config.routes.post("/console/incidents/templates/{templateId}/delete", StaffGuard.allow(Role.EDITOR, incidents.templates()::delete));
            config.routes.get("/console/incidents/{id}", StaffGuard.allow(Role.VIEWER, incidents.incidents()::show));
            config.routes.post("/console/incidents/{id}/updates", StaffGuard.allow(Role.EDITOR, incidents.incidents()::postUpdate));
            config.routes.post("/console/incidents/{id}/name", StaffGuard.allow(Role.EDITOR, incidents.incidents()::rename));
            config.routes.post("/console/incidents/{id}/impact", StaffGuard.allow(Role.EDITOR, incidents.incidents()::correctImpact));
            config.routes.post("/console/incidents/{id}/merge", StaffGuard.allow(Role.EDITOR, incidents.incidents()::merge));
            config.routes.get("/console/incidents/{id}/updates/{updateId}", StaffGuard.allow(Role.VIEWER, incidents.corrections()::show));
            config.routes.post("/console/incidents/{id}/updates/{updateId}", StaffGuard.allow(Role.EDITOR, incidents.corrections()::correct));
            config.routes.get("/console/incidents/{id}/notice", StaffGuard.allow(Role.VIEWER, incidents.notices()::show));
            config.routes.post("/console/incidents/{id}/notice/draft", StaffGuard.allow(Role.EDITOR, incidents.notices()::draft));
            config.routes.post("/console/incidents/{id}/notice", StaffGuard.allow(Role.EDITOR, incidents.notices()::save));
            config.routes.post("/console/incidents/{id}/notice/publish", StaffGuard.allow(Role.EDITOR, incidents.notices()::publish));
            config.routes.post("/console/preview", StaffGuard.allow(Role.EDITOR, incidents.preview()::preview));

            // Metrics (issue 4): read-only figures for everyone signed in.
            config.routes.get("/console/metrics", StaffGuard.allow(Role.VIEWER, metrics::page));
            // Postmortem review and public version (issue 4): viewers read, editors change.
            config.routes.get("/console/postmortems/{id}/review", StaffGuard.allow(Role.VIEWER, review.reviews()::show));
            config.routes.post("/console/postmortems/{id}/reviewers", StaffGuard.allow(Role.EDITOR, review.reviews()::nameReviewers));
            config.routes.post("/console/postmortems/{id}/submit", StaffGuard.allow(Role.EDITOR, review.reviews()::submit));
            config.routes.post("/console/postmortems/{id}/approve", StaffGuard.allow(Role.EDITOR, review.reviews()::approve));
            config.routes.post("/console/postmortems/{id}/request-changes", StaffGuard.allow(Role.EDITOR, review.reviews()::requestChanges));
            config.routes.post("/console/postmortems/{id}/comments", StaffGuard.allow(Role.EDITOR, review.reviews()::comment));
            config.routes.post("/console/postmortems/{id}/complete", StaffGuard.allow(Role.EDITOR, review.reviews()::complete));
            config.routes.get("/console/postmortems/{id}/public", StaffGuard.allow(Role.VIEWER, review.publicVersion()::show));
            config.routes.post("/console/postmortems/{id}/public", StaffGuard.allow(Role.EDITOR, review.publicVersion()::save));
            config.routes.post("/console/postmortems/{id}/public/publish", StaffGuard.allow(Role.EDITOR, review.publicVersion()::publish));
            config.routes.post("/console/postmortems/{id}/public/commitments/{itemId}", StaffGuard.allow(Role.EDITOR, review.publicVersion()::commitment));
            // Postmortems (issue 4): viewers read, editors write, only admins delete or edit the template.
            // Fixed paths come before /{id}.
            config.routes.get("/console/postmortems", StaffGuard.allow(Role.VIEWER, postmortems.pages()::list));
            config.routes.get("/console/postmortems/new", StaffGuard.allow(Role.EDITOR, postmortems.pages()::showNew));
            config.routes.post("/console/postmortems", StaffGuard.allow(Role.EDITOR, postmortems.pages()::create));
            config.routes.get("/console/postmortems/template", StaffGuard.allow(Role.ADMIN, postmortems.documents()::showTemplate));
            config.routes.post("/console/postmortems/template", StaffGuard.allow(Role.ADMIN, postmortems.documents()::saveTemplate));
            config.routes.get("/console/postmortems/{id}", StaffGuard.allow(Role.VIEWER, postmortems.pages()::show));
            config.routes.post("/console/postmortems/{id}/details", StaffGuard.allow(Role.EDITOR, postmortems.edits()::details));
            config.routes.post("/console/postmortems/{id}/sections/{key}", StaffGuard.allow(Role.EDITOR, postmortems.edits()::section));
            config.routes.post("/console/postmortems/{id}/timeline", StaffGuard.allow(Role.EDITOR, postmortems.edits()::addEvent));
            config.routes.post("/console/postmortems/{id}/timeline/{eventId}/{action}", StaffGuard.allow(Role.EDITOR, postmortems.edits()::event));
            config.routes.post("/console/postmortems/{id}/tags", StaffGuard.allow(Role.EDITOR, postmortems.edits()::tags));
            config.routes.post("/console/postmortems/{id}/refresh", StaffGuard.allow(Role.EDITOR, postmortems.edits()::refresh));
            config.routes.post("/console/postmortems/{id}/delete", StaffGuard.allow(Role.ADMIN, postmortems.edits()::delete));
            config.routes.get("/console/postmortems/{id}/revisions", StaffGuard.allow(Role.VIEWER, postmortems.documents()::revisions));
            config.routes.get("/console/postmortems/{id}/export.md", StaffGuard.allow(Role.VIEWER, postmortems.documents()::markdown));
            config.routes.get("/console/postmortems/{id}/print", StaffGuard.allow(Role.VIEWER, postmortems.documents()::print));
            // Action items (issue 4): viewers read, editors write, admins delete. Fixed paths come before /{id}.
            config.routes.get("/console/action-items", StaffGuard.allow(Role.VIEWER, actionItems.board()::board));
            config.routes.get("/console/action-items.csv", StaffGuard.allow(Role.VIEWER, actionItems.board()::csv));
            config.routes.get("/console/action-items/mine", StaffGuard.allow(Role.VIEWER, actionItems.board()::mine));
            config.routes.get("/console/action-items/{id}", StaffGuard.allow(Role.VIEWER, actionItems.items()::show));
            config.routes.post("/console/action-items/{id}", StaffGuard.allow(Role.EDITOR, actionItems.items()::edit));
            config.routes.post("/console/action-items/{id}/status", StaffGuard.allow(Role.EDITOR, actionItems.items()::changeStatus));
            config.routes.post("/console/action-items/{id}/done", StaffGuard.allow(Role.EDITOR, actionItems.items()::markDone));
            config.routes.post("/console/action-items/{id}/comments", StaffGuard.allow(Role.EDITOR, actionItems.items()::comment));
            config.routes.post("/console/action-items/{id}/delete", StaffGuard.allow(Role.ADMIN, actionItems.items()::delete));
            config.routes.get("/console/postmortems/{id}/action-items", StaffGuard.allow(Role.VIEWER, actionItems.items()::ofPostmortem));
            config.routes.post("/console/postmortems/{id}/action-items", StaffGuard.allow(Role.EDITOR, actionItems.items()::create));

            // ---- Admin JSON API: every route below needs an API token (Authorization: Bearer); cookies count for nothing ----
            config.routes.before("/api/v1", api.guard()::requireToken);
            config.routes.before("/api/v1/*", api.guard()::requireToken);
            config.routes.get("/api/v1/components", ApiGuard.allow(Role.VIEWER, api.components()::list));
            config.routes.get("/api/v1/components/{id}", ApiGuard.allow(Role.VIEWER, api.components()::one));
            config.routes.post("/api/v1/components", ApiGuard.allow(Role.ADMIN, api.components()::create));
            config.routes.patch("/api/v1/components/{id}", ApiGuard.allow(Role.ADMIN, api.components()::update));
            config.routes.delete("/api/v1/components/{id}", ApiGuard.allow(Role.ADMIN, api.components()::retire));
            config.routes.get("/api/v1/incidents", ApiGuard.allow(Role.VIEWER, api.incidents()::list));
            config.routes.get("/api/v1/incidents/{id}", ApiGuard.allow(Role.VIEWER, api.incidents()::one));
            config.routes.post("/api/v1/incidents", ApiGuard.allow(Role.EDITOR, api.incidents()::create));
            config.routes.post("/api/v1/incidents/{id}/updates", ApiGuard.allow(Role.EDITOR, api.incidents()::addUpdate));
            config.routes.get("/api/v1/incidents/{id}/notice", ApiGuard.allow(Role.VIEWER, api.notices()::one));
            config.routes.put("/api/v1/incidents/{id}/notice", ApiGuard.allow(Role.EDITOR, api.notices()::save));
            config.routes.post("/api/v1/incidents/{id}/notice/draft", ApiGuard.allow(Role.EDITOR, api.notices()::draft));
            config.routes.post("/api/v1/incidents/{id}/notice/publish", ApiGuard.allow(Role.EDITOR, api.notices()::publish));
            config.routes.get("/api/v1/maintenances", ApiGuard.allow(Role.VIEWER, api.maintenances()::list));
            config.routes.get("/api/v1/maintenances/{id}", ApiGuard.allow(Role.VIEWER, api.maintenances()::one));
            config.routes.post("/api/v1/maintenances", ApiGuard.allow(Role.EDITOR, api.maintenances()::create));
            config.routes.post("/api/v1/maintenances/{id}/cancel", ApiGuard.allow(Role.EDITOR, api.maintenances()::cancel));
            config.routes.get("/api/v1/subscribers", ApiGuard.allow(Role.ADMIN, api.subscribers()::list));
            config.routes.delete("/api/v1/subscribers/{id}", ApiGuard.allow(Role.ADMIN, api.subscribers()::remove));
            config.routes.get("/api/v1/probes", ApiGuard.allow(Role.VIEWER, api.probes()::list));
            config.routes.get("/api/v1/probes/{id}", ApiGuard.allow(Role.VIEWER, api.probes()::one));
            config.routes.post("/api/v1/probes", ApiGuard.allow(Role.ADMIN, api.probes()::create));
            config.routes.patch("/api/v1/probes/{id}", ApiGuard.allow(Role.ADMIN, api.probes()::update));
            config.routes.delete("/api/v1/probes/{id}", ApiGuard.allow(Role.ADMIN, api.probes()::remove));
            config.routes.get("/api/v1/agents", ApiGuard.allow(Role.ADMIN, agents.admin()::list));
            config.routes.post("/api/v1/agents", ApiGuard.allow(Role.ADMIN, agents.admin()::create));
            config.routes.delete("/api/v1/agents/{id}", ApiGuard.allow(Role.ADMIN, agents.admin()::revoke));
            // Probe agents (issue 11): an agent token instead of an API token (ApiGuard lets these paths through).
            config.routes.before("/api/v1/agent/*", agents.guard()::requireAgent);
            config.routes.get("/api/v1/agent/probes", agents.api()::probes);
            config.routes.post("/api/v1/agent/results", agents.api()::results);
            config.routes.get("/api/v1/action-items", ApiGuard.allow(Role.VIEWER, api.actionItems()::list));
            config.routes.get("/api/v1/action-items/{id}", ApiGuard.allow(Role.VIEWER, api.actionItems()::one));
            config.routes.patch("/api/v1/action-items/{id}", ApiGuard.allow(Role.EDITOR, api.actionItems()::patch));
            config.routes.delete("/api/v1/action-items/{id}", ApiGuard.allow(Role.ADMIN, api.actionItems()::delete));
            config.routes.get("/api/v1/postmortems/{id}/action-items", ApiGuard.allow(Role.VIEWER, api.actionItems()::ofPostmortem));
            config.routes.post("/api/v1/postmortems/{id}/action-items", ApiGuard.allow(Role.EDITOR, api.actionItems()::create));
            config.routes.get("/api/v1/postmortems", ApiGuard.allow(Role.VIEWER, api.postmortems()::list));
            config.routes.get("/api/v1/postmortems/{id}", ApiGuard.allow(Role.VIEWER, api.postmortems()::one));
            config.routes.post("/api/v1/postmortems", ApiGuard.allow(Role.EDITOR, api.postmortems()::create));
            config.routes.patch("/api/v1/postmortems/{id}", ApiGuard.allow(Role.EDITOR, api.postmortems()::patch));
            config.routes.post("/api/v1/postmortems/{id}/status", ApiGuard.allow(Role.EDITOR, api.postmortems()::changeStatus));
            config.routes.delete("/api/v1/postmortems/{id}", ApiGuard.allow(Role.ADMIN, api.postmortems()::delete));

            // ---- Errors: JSON under /api/v1, a page for browsers, plain text for scripts; never a stack trace ----
            ErrorMapping.register(config, handlers.errors());
        });
    }
}
