package dev.vigil.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A real local HTTP target that a test can take down (nothing listens: connection refused) and
 * bring back on the same port, or switch to answering with an error status.
 */
public final class TargetServer implements AutoCloseable {
    private final int port;
    private volatile int status = 200;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;

    private TargetServer(int port) {
        this.port = port;
    }

    /** Starts on a free port. */
    public static TargetServer start() {
        try (var probe = new java.net.ServerSocket(0)) {
            probe.setReuseAddress(true);
            TargetServer target = new TargetServer(probe.getLocalPort());
            probe.close();
            target.up();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/health";
    }

    /** Answers 200 "ok" (or the status set by {@link #answer}) again, on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/health", exchange -> {
            requests.incrementAndGet();
            byte[] body = (status == 200 ? "ok" : "failing").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Stops listening: checks now get "connection refused". */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** How many requests reached /health so far. */
    public int requests() {
        return requests.get();
    }

    public void answer(int newStatus) {
        status = newStatus;
    }

    @Override
    public void close() {
        down();
    }
}
