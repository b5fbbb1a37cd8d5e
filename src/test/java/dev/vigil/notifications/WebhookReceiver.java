package dev.vigil.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real local HTTP endpoint that records every post and answers with scripted statuses (then
 * 200). It can be taken down (connection refused) and brought back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final int port;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ArrayDeque<>();
    private HttpServer server;

    /** One post as it arrived; header names are lower-case. */
    public record Post(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** Listening on a free port. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = onFreePort();
        receiver.up();
        return receiver;
    }

    /** A free port with nothing listening yet: posts are refused until {@link #up()}. */
    static WebhookReceiver onFreePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new WebhookReceiver(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/hooks/vigil";
    }

    /** The next posts get these statuses, in order; after them, 200. */
    synchronized void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    public List<Post> posts() {
        return List.copyOf(posts);
    }

    synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/vigil", exchange -> {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(headers, body));
            int status = nextStatus();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private synchronized int nextStatus() {
        Integer scripted = script.poll();
        return scripted == null ? 200 : scripted;
    }

    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        down();
    }
}
