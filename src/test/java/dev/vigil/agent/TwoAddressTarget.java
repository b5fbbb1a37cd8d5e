package dev.vigil.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * One web target answering on the same port at two loopback addresses (127.0.0.1 and 127.0.0.2), each with a
 * status the test sets: agents whose hosts files lead them to different addresses see it differently, as people
 * in two regions see a site through two load balancers.
 */
final class TwoAddressTarget implements AutoCloseable {
    static final String NAME = "target.vigil.test";
    static final String NEAR = "127.0.0.1";
    static final String FAR = "127.0.0.2";

    private final int port;
    private final HttpServer near;
    private final HttpServer far;
    private volatile int nearStatus = 200;
    private volatile int farStatus = 200;

    private TwoAddressTarget(int port) throws IOException {
        this.port = port;
        this.near = server(NEAR, true);
        try {
            this.far = server(FAR, false);
        } catch (IOException e) {
            near.stop(0);
            throw e;
        }
    }

    static TwoAddressTarget start() {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return new TwoAddressTarget(port);
            } catch (IOException takenMeanwhile) {
                // another test took the port between the two binds: try another
            }
        }
        throw new IllegalStateException("no port free on both loopback addresses");
    }

    /** The URL every agent checks; each resolves the name with its own hosts file. */
    String url() {
        return "http://" + NAME + ":" + port + "/health";
    }

    void nearAnswers(int status) {
        nearStatus = status;
    }

    void farAnswers(int status) {
        farStatus = status;
    }

    private HttpServer server(String address, boolean isNear) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 50);
        server.createContext("/health", exchange -> {
            int status = isNear ? nearStatus : farStatus;
            byte[] body = (status == 200 ? "ok" : "failing").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Override
    public void close() {
        near.stop(0);
        far.stop(0);
    }
}
