package dev.vigil.demo;

import dev.vigil.errors.NotFound;
import dev.vigil.web.Json;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretend SaaS app for the demo: each service answers "ok" on /demo/{service}/health until an
 * operator on this machine switches it to failing. Lets a newcomer watch an outage open, an
 * incident appear, and both close, without breaking anything real. Under /demo/app/ it is also a
 * tracker to sign in to, search and browse, for the demo's steps probe; its search fails with the
 * search service.
 */
public final class DemoTarget {
    public static final Set<String> SERVICES = Set.of("web", "api", "search", "jobs");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private final DemoApp app = new DemoApp();

    public DemoTarget(Set<String> initiallyFailing) {
        initiallyFailing.forEach(service -> failing.put(service, true));
    }

    public void health(Context ctx) {
        String service = service(ctx);
        ctx.header("Cache-Control", "no-store");
        if (failing.getOrDefault(service, false)) {
            ctx.status(503).result("unavailable: the demo switch for " + service + " is set to fail");
        } else {
            ctx.result("ok");
        }
    }

    /** POST /demo/app/sign-in with the form fields user and password: sets the session cookie. */
    public void signIn(Context ctx) {
        ctx.header("Cache-Control", "no-store").contentType("application/json");
        var session = app.signIn(ctx.formParam("user"), ctx.formParam("password"));
        if (session.isEmpty()) {
            ctx.status(401).result(Json.write(Map.of("error", "wrong user or password; the demo's are demo and demo")));
            return;
        }
        ctx.header("Set-Cookie", DemoApp.SESSION_COOKIE + "=" + session.get() + "; Path=/demo/app; HttpOnly; SameSite=Lax");
        ctx.result(Json.write(Map.of("signed_in_as", DemoApp.USER)));
    }

    /** GET /demo/app/search?q=words: the matching issues as JSON, for a signed-in session. */
    public void search(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!requireSession(ctx)) {
            return;
        }
        if (failing.getOrDefault("search", false)) {
            ctx.status(503).result("unavailable: the demo switch for search is set to fail");
            return;
        }
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        List<Map<String, Object>> results = app.search(query).stream()
                .map(issue -> Map.<String, Object>of("id", issue.id(), "title", issue.title(),
                        "url", "/demo/app/results/" + issue.id()))
                .toList();
        ctx.contentType("application/json").result(Json.write(Map.of("query", query, "results", results)));
    }

    /** GET /demo/app/results/{id}: one issue's page, for a signed-in session. */
    public void result(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (!requireSession(ctx)) {
            return;
        }
        DemoApp.Issue issue = parseId(ctx.pathParam("id")).flatMap(app::issue)
                .orElseThrow(() -> new NotFound("No demo issue " + ctx.pathParam("id")));
        // The titles are the app's own constants, so they need no escaping.
        ctx.html("<!doctype html><html lang=\"en\"><title>Issue " + issue.id() + "</title><h1>Issue " + issue.id()
                + ": " + issue.title() + "</h1></html>");
    }

    private boolean requireSession(Context ctx) {
        if (app.isSignedIn(ctx.cookie(DemoApp.SESSION_COOKIE))) {
            return true;
        }
        ctx.status(401).contentType("application/json")
                .result(Json.write(Map.of("error", "sign in first at POST /demo/app/sign-in")));
        return false;
    }

    private static Optional<Integer> parseId(String text) {
        return text.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
    }

    /** POST /demo/{service}/fail and /recover; only from this machine, as it changes what the probes see. */
    public void fail(Context ctx) {
        set(ctx, true);
    }

    public void recover(Context ctx) {
        set(ctx, false);
    }

    private void set(Context ctx, boolean fail) {
        if (!LOOPBACK.contains(ctx.ip())) {
            throw new ForbiddenResponse("The demo switches work only from the machine Vigil runs on.");
        }
        String service = service(ctx);
        failing.put(service, fail);
        ctx.contentType("application/json").result(Json.write(Map.of("service", service, "failing", fail)));
    }

    private static String service(Context ctx) {
        String service = ctx.pathParam("service");
        if (!SERVICES.contains(service)) {
            throw new NotFound("No demo service " + service + "; there are " + String.join(", ", SERVICES.stream().sorted().toList()));
        }
        return service;
    }
}
