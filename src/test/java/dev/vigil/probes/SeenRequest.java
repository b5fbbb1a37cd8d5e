package dev.vigil.probes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What a target was sent, as the test server saw it. */
record SeenRequest(String method, String path, com.sun.net.httpserver.Headers headers, String body) {

    String header(String name) {
        return headers.getFirst(name);
    }

    /** A handler that keeps each request it answers in seen, then answers with status and body. */
    static HttpHandler recording(List<SeenRequest> seen, int status, String body) {
        return exchange -> {
            seen.add(of(exchange));
            LocalHttpServer.send(exchange, status, body);
        };
    }

    static List<SeenRequest> list() {
        return new CopyOnWriteArrayList<>();
    }

    static SeenRequest of(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new SeenRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders(), body);
    }
}
