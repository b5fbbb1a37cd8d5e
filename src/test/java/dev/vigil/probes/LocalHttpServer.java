package dev.vigil.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A well-behaved HTTP server on a random loopback port, answering exact paths only. */
final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

    LocalHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One context for all, because contexts match by prefix and "/r1" would also catch "/r10".
        server.createContext("/", this::route);
        server.setExecutor(executor);
        server.start();
    }

    LocalHttpServer on(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    LocalHttpServer respond(String path, int status, String body) {
        return on(path, exchange -> send(exchange, status, body));
    }

    LocalHttpServer redirect(String path, String location) {
        return on(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            send(exchange, 302, "moved");
        });
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        HttpHandler handler = routes.get(exchange.getRequestURI().getPath());
        if (handler == null) {
            send(exchange, 404, "no route");
        } else {
            handler.handle(exchange);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
