package dev.vigil.demo;

import dev.vigil.errors.NotFound;
import dev.vigil.web.Json;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pretend SaaS app for the demo: each service answers "ok" on /demo/{service}/health until an
 * operator on this machine switches it to failing. Lets a newcomer watch an outage open, an
 * incident appear, and both close, without breaking anything real.
 */
public final class DemoTarget {
    public static final Set<String> SERVICES = Set.of("web", "api", "search", "jobs");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

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
