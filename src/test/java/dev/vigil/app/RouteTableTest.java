package dev.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RunningVigil;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Walks the whole route table: every route that is not on the public list refuses anonymous requests. */
class RouteTableTest {
    /** The routes anyone may call. Adding one here is a decision, not a formality. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /api/v2/summary.json", "GET /api/v2/status.json", "GET /incidents/{id}", "GET /health",
            "GET /api/v2/scheduled-maintenances/upcoming.json", "GET /api/v2/scheduled-maintenances/active.json",
            "GET /api/v2/scheduled-maintenances.json", "GET /history.atom", "GET /history.rss",
            "GET /demo/{service}/health", "POST /demo/{service}/fail", "POST /demo/{service}/recover",
            "POST /demo/app/sign-in", "GET /demo/app/search", "GET /demo/app/results/{id}",
            "GET /setup", "POST /setup", "GET /sign-in", "POST /sign-in",
            // One-time links: the random token in the path is what lets the holder in.
            "GET /invite/{token}", "POST /invite/{token}", "GET /reset/{token}", "POST /reset/{token}",
            "GET /subscribe", "POST /subscribe/email", "POST /subscribe/webhook",
            "GET /subscribe/confirm/{token}", "POST /subscribe/confirm/{token}",
            "GET /unsubscribe/{token}", "POST /unsubscribe/{token}",
            // Heartbeats (issue 11): the token in the path is the job's credential; a cron job has no session.
            "GET /ping/{token}", "POST /ping/{token}", "GET /ping/{token}/start", "POST /ping/{token}/start",
            "GET /ping/{token}/fail", "POST /ping/{token}/fail",
            // The admin API's description: it says what the API does and holds no data.
            "GET /api/v1/openapi.json",
            // For Prometheus: anonymous by default; metrics.token puts it behind a bearer token of its own.
            "GET /metrics");
    private static final Set<HandlerType> REQUEST_TYPES = Set.of(
            HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    @TempDir
    Path dataDir;

    @Test
    void everyRouteOutsideThePublicListRefusesAnonymousRequests() throws Exception {
        try (RunningVigil running = RunningVigil.start(dataDir, "demo:\n  enabled: true\ncomponents: []\n")) {
            List<ParsedEndpoint> routes = running.vigil().web().unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(route -> REQUEST_TYPES.contains(route.endpoint.method))
                    .toList();
            List<ParsedEndpoint> guarded = routes.stream()
                    .filter(route -> !PUBLIC.contains(route.endpoint.method + " " + route.endpoint.path))
                    .toList();
            assertThat(guarded).as("console routes exist to be checked").isNotEmpty();

            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (ParsedEndpoint route : guarded) {
                String path = route.endpoint.path.replaceAll("\\{[^}]+}", "1").replaceAll("<[^>]+>", "1");
                HttpRequest request = HttpRequest.newBuilder(URI.create(running.url(path)))
                        .method(route.endpoint.method.name(), HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                String name = route.endpoint.method + " " + route.endpoint.path;
                if (path.startsWith("/api/")) {
                    assertThat(response.statusCode()).as(name).isEqualTo(401);
                } else {
                    assertThat(response.statusCode()).as(name).isEqualTo(303);
                    assertThat(response.headers().firstValue("Location").orElse("")).as(name).startsWith("/sign-in");
                }
            }
        }
    }
}
