package dev.vigil.probes;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP clients shared by HTTP probes. Each client owns a selector thread and a connection pool,
 * so probes share one per connect timeout (the only client-level setting that differs between them).
 * Create one per application and pass it to every {@link HttpProbe}.
 */
public final class HttpClients {
    private final Map<Duration, HttpClient> byConnectTimeout = new ConcurrentHashMap<>();

    HttpClient forConnectTimeout(Duration connectTimeout) {
        return byConnectTimeout.computeIfAbsent(connectTimeout, HttpClients::newClient);
    }

    private static HttpClient newClient(Duration connectTimeout) {
        // Redirects are followed by the probe itself so that it can report loops and enforce its own limit.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }
}
