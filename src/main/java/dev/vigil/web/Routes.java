package dev.vigil.web;

import dev.vigil.accounts.AccountHandlers;
import dev.vigil.accounts.ConsoleHandlers;
import dev.vigil.accounts.Role;
import dev.vigil.accounts.StaffGuard;
import dev.vigil.demo.DemoTarget;
import dev.vigil.notifications.NotificationConsole;
import dev.vigil.notifications.SubscribeHandlers;
import dev.vigil.statuspage.StatusHandlers;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one route table. Public routes first; the line below them marks where sign-in begins. */
public final class Routes {
    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    private Routes() {}

    /** Everything the routes call. demo is null when the demo target is off. */
    public record Handlers(StatusHandlers status, HealthHandler health, DemoTarget demo, AccountHandlers accounts,
            ConsoleHandlers console, StaffGuard guard, SubscribeHandlers subscribe, NotificationConsole notifications) {}

    /** Builds the web app, unstarted. */
    public static Javalin create(Handlers handlers) {
        StatusHandlers status = handlers.status();
        HealthHandler health = handlers.health();
        DemoTarget demo = handlers.demo();
        AccountHandlers accounts = handlers.accounts();
        ConsoleHandlers console = handlers.console();
        StaffGuard guard = handlers.guard();
        SubscribeHandlers subscribe = handlers.subscribe();
        NotificationConsole notifications = handlers.notifications();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // The public snapshot is gzipped once when built; compressing per request would redo it.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });

            // ---- Public: no sign-in ----
            config.routes.get("/", status::page);
            config.routes.get("/api/v2/summary.json", status::summary);
            config.routes.get("/api/v2/status.json", status::status);
            config.routes.get("/incidents/{id}", status::incident);
            config.routes.get("/health", health::check);
            if (demo != null) {
                config.routes.get("/demo/{service}/health", demo::health);
                config.routes.post("/demo/{service}/fail", demo::fail);
                config.routes.post("/demo/{service}/recover", demo::recover);
            }

            config.routes.get("/setup", accounts::showSetup);
            config.routes.post("/setup", accounts::setup);
            config.routes.get("/sign-in", accounts::showSignIn);
            config.routes.post("/sign-in", accounts::signIn);

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
            config.routes.get("/console", StaffGuard.allow(Role.VIEWER, console::overview));
            config.routes.get("/console/audit", StaffGuard.allow(Role.VIEWER, console::auditLog));
            config.routes.post("/console/sign-out", accounts::signOut);
            config.routes.get("/console/notifications", StaffGuard.allow(Role.ADMIN, notifications::settings));
            config.routes.post("/console/notifications/hooks", StaffGuard.allow(Role.ADMIN, notifications::addHook));
            config.routes.post("/console/notifications/hooks/{id}/remove",
                    StaffGuard.allow(Role.ADMIN, notifications::removeHook));
            config.routes.post("/console/notifications/subscribers/{id}/remove",
                    StaffGuard.allow(Role.ADMIN, notifications::removeSubscriber));
            config.routes.get("/console/notifications/deliveries",
                    StaffGuard.allow(Role.ADMIN, notifications::deliveries));

            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                ctx.status(e.getStatus()).contentType("text/plain; charset=utf-8").result(e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).contentType("text/plain; charset=utf-8")
                        .result("Something went wrong on our side. It has been logged; please try again.");
            });
        });
    }
}
